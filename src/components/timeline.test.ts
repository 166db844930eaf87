/**
 * Renders Timeline.astro and EventList.astro with Astro's container API. The components are
 * compiled by a Vite server with Astro's plugins (no astro.config, so no integration runs).
 */
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDate } from '../lib/dates/index.ts';
import type { PartialDate } from '../lib/dates/types.ts';
import type { Actor, Article, EventKind, StoryEvent } from '../lib/model/types.ts';
import { layoutTimeline } from '../lib/timeline/layout.ts';
import { fromTemplateText } from '../lib/view/template-text.ts';
import { type ComponentHarness, startComponentHarness, tagWith } from './test-harness.ts';

function date(raw: string): PartialDate {
  const result = parseDate(raw);
  if (!result.ok) throw new Error(`bad fixture date ${raw}`);
  return result.date;
}

function event(
  id: string,
  title: string,
  raw: string,
  extra: Partial<Omit<StoryEvent, 'date' | 'end'>> & { end?: string; kind?: EventKind } = {},
): StoryEvent {
  const { end, ...rest } = extra;
  return {
    id,
    file: `content/events/${id}.md`,
    body: '',
    title,
    date: date(raw),
    approximate: false,
    kind: 'other',
    actors: [],
    articles: [],
    evidence: [],
    ...rest,
    ...(end ? { end: date(end) } : {}),
  };
}

const EVENTS = [
  event('lantern-talks', 'Lantern talks <b>begin</b>', '2030-03-14', {
    kind: 'meeting',
    actors: ['ria-vell', 'north-port'],
    evidence: [{ quote: 'We will keep the lanterns lit', article: 'lantern-story' }],
  }),
  event('grain-audit', 'Grain audit', '2030-05', { kind: 'report', approximate: true }),
  event('river-drills', 'River drills', '2030-04-02', { kind: 'military', end: '2030-06-20' }),
];

const ACTORS: Actor[] = [
  { id: 'ria-vell', file: '', body: '', name: 'Ria Vell', kind: 'person', aliases: [] },
  { id: 'north-port', file: '', body: '', name: 'North Port', kind: 'state', aliases: [] },
];

const ARTICLES: Article[] = [
  {
    id: 'lantern-story',
    file: '',
    body: '',
    title: 'Lanterns over the harbour',
    summary: '',
    tags: [],
    mentions: { actors: [], events: [] },
    source: { publisher: 'The Harbour Gazette', via: [], published: date('2030-07-01') },
  },
];

let harness: ComponentHarness;

beforeAll(async () => {
  harness = await startComponentHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('Timeline.astro', () => {
  async function render(): Promise<string> {
    const layout = layoutTimeline(EVENTS, {
      width: 800,
      markers: [{ id: 'lantern-story', label: 'Published', date: date('2030-07-01') }],
    });
    return harness.render('/src/components/Timeline.astro', {
      props: { layout, title: 'Timeline of the lantern story', base: '/', events: EVENTS },
    });
  }

  test('renders a figure with the stable hooks on each event', async () => {
    const html = await render();
    expect(html).toMatch(/<figure[^>]*\sdata-timeline[\s>=]/);
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 800 \d+(\.\d)?"[^>]*>/);
    expect(html).toMatch(
      /<svg[^>]*class="chart"[^>]*role="group"[^>]*aria-label="Timeline of the lantern story"/,
    );
    const audit = tagWith(html, 'data-event', 'grain-audit');
    expect(audit).toContain('data-date="2030-05"');
    expect(audit).toContain('data-precision="month"');
    expect(audit).toContain('data-kind="report"');
    expect(audit).toContain('data-approximate="true"');
    expect(tagWith(html, 'data-event', 'river-drills')).toContain('data-end="2030-06-20"');
  });

  test('draws points as circles and spans as rects, each linked to its list entry', async () => {
    const html = await render();
    /** From the event's link to its closing tag (attribute values may hold `>`, so no regex). */
    const group = (id: string) => {
      const start = html.indexOf(`href="#event-${id}"`);
      const event = html.indexOf(`data-event="${id}"`, start);
      const end = html.indexOf('</a>', event);
      expect(start).toBeGreaterThan(0);
      expect(html.slice(start, event)).not.toContain('</a>');
      return html.slice(start, end);
    };
    expect(group('lantern-talks')).toContain('<circle');
    expect(group('river-drills')).toContain('<rect');
    expect(group('grain-audit')).toContain('<rect');
    expect(group('grain-audit')).toContain('<title>Grain audit — c. May 2030</title>');
  });

  test('escapes author text', async () => {
    const html = await render();
    // Inside a quoted attribute `<` is inert; outside, it must be escaped.
    const outsideAttributes = html.replace(/"[^"]*"/g, '""');
    expect(outsideAttributes).not.toContain('<b>');
    expect(html).toContain('>Lantern talks &lt;b&gt;begin&lt;/b&gt;</text>');
  });

  test('names each event’s actors in a data hook', async () => {
    const html = await render();
    expect(tagWith(html, 'data-event', 'lantern-talks')).toContain(
      'data-actors="ria-vell north-port"',
    );
    expect(tagWith(html, 'data-event', 'grain-audit')).not.toContain('data-actors');
  });

  test('embeds one JSON payload with dates as readers see them, names and evidence', async () => {
    const layout = layoutTimeline(EVENTS, { width: 800 });
    const html = await harness.render('/src/components/Timeline.astro', {
      props: {
        layout,
        title: 'T',
        base: '/site/',
        events: EVENTS,
        actors: ACTORS,
        articles: ARTICLES,
      },
    });
    // The payload is the text of a <template>: escaped by Astro, no `<` in it, quotes as backticks.
    const match = html.match(/<template data-timeline-payload[^>]*>([^<]*)<\/template>/);
    expect(match).not.toBeNull();
    const template = select('template[data-timeline-payload]', fromHtml(html, { fragment: true }));
    const text = (template?.content?.children ?? [])
      .map((child) => (child.type === 'text' ? child.value : ''))
      .join('');
    const payload = JSON.parse(fromTemplateText(text));
    expect(payload.events.map((e: { id: string }) => e.id)).toEqual([
      'lantern-talks',
      'river-drills',
      'grain-audit',
    ]);
    const talks = payload.events[0];
    expect(talks.when).toBe('14 March 2030');
    expect(talks.title).toBe('Lantern talks <b>begin</b>');
    expect(talks.evidence).toEqual([
      { quote: 'We will keep the lanterns lit', source: 'Lanterns over the harbour' },
    ]);
    expect(payload.actors['ria-vell']).toEqual({
      name: 'Ria Vell',
      href: '/site/actors/ria-vell/',
    });
    expect(payload.events[2].when).toBe('c. May 2030');
    // Author text cannot close the template: no `<` reaches it (the regex above), `>` arrives escaped.
    expect(match?.[1]).toContain('Lantern talks \\u003cb&gt;begin');
  });

  test('keeps the interactive controls hidden until the script shows them', async () => {
    const html = await render();
    expect(html).toMatch(/<div class="controls"[^>]*data-timeline-controls[^>]*hidden/);
    expect(html).toMatch(/<svg class="overview"[^>]*hidden/);
  });

  test('draws markers and an axis with tick labels', async () => {
    const html = await render();
    expect(tagWith(html, 'data-marker', 'lantern-story')).toContain('data-date="2030-07-01"');
    expect(html).toMatch(/<text[^>]*>Published<\/text>/);
    expect(html).toMatch(/<text[^>]*>Apr 2030<\/text>/);
    expect(html).toMatch(/<text[^>]*>May<\/text>/);
  });
});

describe('EventList.astro', () => {
  async function render(props: Record<string, unknown> = {}, slots?: Record<string, string>) {
    return harness.render('/src/components/EventList.astro', {
      props: {
        events: EVENTS,
        actors: ACTORS,
        allEvents: EVENTS,
        articles: ARTICLES,
        base: '/site/',
        ...props,
      },
      ...(slots ? { slots } : {}),
    });
  }

  test('lists events in time order, each with its anchor id', async () => {
    const html = await render();
    const ids = [...html.matchAll(/<li[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['event-lantern-talks', 'event-river-drills', 'event-grain-audit']);
  });

  test('gives dates a machine-readable datetime, ranges and a circa prefix', async () => {
    const html = await render();
    expect(html).toMatch(/<time[^>]*datetime="2030-03-14"[^>]*>14 March 2030<\/time>/);
    expect(html).toMatch(/<time[^>]*datetime="2030-04-02"[^>]*>2 April – 20 June 2030<\/time>/);
    expect(html).toMatch(/<time[^>]*datetime="2030-05"[^>]*>c\. May 2030<\/time>/);
  });

  test('links actors under the base and attributes evidence to its article', async () => {
    const html = await render();
    expect(html).toMatch(/<a[^>]*href="\/site\/actors\/ria-vell\/"[^>]*>Ria Vell<\/a>/);
    expect(html).toMatch(/<blockquote[^>]*>\s*<p[^>]*>We will keep the lanterns lit<\/p>/);
    expect(html).toMatch(
      /<cite[^>]*><a[^>]*href="\/site\/articles\/lantern-story\/"[^>]*>Lanterns over the harbour<\/a><\/cite>/,
    );
  });

  test('uses the requested heading level', async () => {
    expect(await render()).toMatch(/<h3[^>]*>River drills<\/h3>/);
    expect(await render({ headingLevel: 2 })).toMatch(/<h2[^>]*>River drills<\/h2>/);
  });

  test('places a slot named after each event inside its entry', async () => {
    const html = await render({}, { 'river-drills': '<p class="body">Boats on the river.</p>' });
    expect(html).toMatch(
      /id="event-river-drills"[\s\S]*Boats on the river\.[\s\S]*id="event-grain-audit"/,
    );
  });
});
