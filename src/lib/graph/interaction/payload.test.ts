import { describe, expect, test } from 'vitest';
import { parseDate } from '../../dates/index.ts';
import type { Article, StoryEvent } from '../../model/types.ts';
import { actor, relation, tinyGraph } from '../fixtures.ts';
import { layoutGraph } from '../layout.ts';
import { buildDiagramPayload, relationWhen, serializePayload } from './payload.ts';

function date(raw: string) {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(raw);
  return r.date;
}

const actors = [
  { ...actor('alpha', 'Alpha'), role: 'A state', aliases: ['the Alphans'] },
  actor('beta', 'Beta', 'person'),
  actor('gamma', 'Gamma', 'media'),
];
const presses = {
  ...relation('alpha-presses-beta', 'alpha', 'beta', 'presses'),
  since: date('2030-02'),
  until: date('2030-05-04'),
  articles: ['report', 'background'],
  evidence: [{ quote: 'Alpha <b>urged</b> Beta', article: 'report' }],
  body: 'Because [[gamma]] said **so**.',
};
const article = (id: string, title: string) => ({ id, title }) as Article;
const event = (id: string, ids: string[]) => ({ id, actors: ids }) as StoryEvent;
const layout = layoutGraph(tinyGraph);
const payload = buildDiagramPayload(layout, tinyGraph.kinds, '/sub/', {
  actors,
  relations: [presses],
  articles: [article('report', 'The report'), article('background', 'Background')],
  events: [event('talks', ['alpha', 'nobody']), event('elsewhere', ['nobody'])],
});

describe('buildDiagramPayload', () => {
  test('carries each node as drawn, with its page, role and aliases', () => {
    const alpha = payload.nodes.find((n) => n.id === 'alpha');
    const drawn = layout.nodes.find((n) => n.id === 'alpha');
    expect(alpha).toMatchObject({
      name: 'Alpha',
      kind: 'state',
      kindLabel: 'State',
      role: 'A state',
      aliases: ['the Alphans'],
      href: '/sub/actors/alpha/',
      x: drawn?.x,
      y: drawn?.y,
      r: drawn?.r,
    });
  });

  test("carries a relation's dates, evidence, other sources and explanation", () => {
    const edge = payload.edges.find((e) => e.id === 'alpha-presses-beta');
    expect(edge).toMatchObject({
      from: 'alpha',
      to: 'beta',
      kindLabel: 'presses',
      category: 'pressure',
      categoryLabel: 'Pressure',
      directed: true,
      since: date('2030-02').start,
      until: date('2030-05-04').end,
      when: 'February 2030 – 4 May 2030',
      evidence: [
        { quote: 'Alpha <b>urged</b> Beta', title: 'The report', href: '/sub/articles/report/' },
      ],
      sources: [{ title: 'Background', href: '/sub/articles/background/' }],
      text: ['Because Gamma said so.'],
    });
  });

  test('leaves details out for relations it was not given', () => {
    const edge = payload.edges.find((e) => e.id === 'beta-allies-alpha');
    expect(edge?.evidence).toEqual([]);
    expect(edge?.since).toBeUndefined();
    expect(edge?.when).toBeUndefined();
  });

  test('keeps only the drawn actors of each event, and events that have one', () => {
    expect(payload.events).toEqual([{ id: 'talks', actors: ['alpha'] }]);
  });

  test("names events in a relation's body from eventNames, whatever diagram asks first", () => {
    const named = {
      ...relation('beta-recalls-gamma', 'beta', 'gamma', 'presses'),
      body: 'After [[event:summit]].',
    };
    const summit = { ...event('summit', ['beta']), title: 'The summit' } as StoryEvent;
    const drawn = layoutGraph({ actors, relations: [named], kinds: tinyGraph.kinds });
    // An ego network whose own events leave the summit out asks first; /graph/ (all events) asks next.
    const ego = buildDiagramPayload(drawn, tinyGraph.kinds, '/', {
      actors,
      relations: [named],
      events: [],
      eventNames: [summit],
    });
    const whole = buildDiagramPayload(drawn, tinyGraph.kinds, '/', {
      actors,
      relations: [named],
      events: [summit],
    });
    const text = (p: typeof ego) => p.edges.find((e) => e.id === 'beta-recalls-gamma')?.text;
    expect(text(ego)).toEqual(['After The summit.']);
    expect(text(whole)).toEqual(text(ego));
  });
});

describe('relationWhen', () => {
  test('reads one-sided and missing dates', () => {
    expect(relationWhen({ since: date('2031-05') })).toBe('since May 2031');
    expect(relationWhen({ until: date('2031') })).toBe('until 2031');
    expect(relationWhen({})).toBeUndefined();
  });
});

describe('serializePayload', () => {
  test('escapes every < so author text cannot close the script element', () => {
    const json = serializePayload(payload);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(payload);
  });
});
