import { describe, expect, test } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import { buildStory } from '../model/build.ts';
import { makeContent } from '../model/test-content.ts';
import { escapeXml } from '../social/xml.ts';
import { actorsCsv, csvCell, eventsCsv, relationsCsv } from './csv.ts';
import { storyToGexf } from './gexf.ts';
import { STORY_JSON_VERSION, storyFromJson, storyJsonSchema, storyToJson } from './story-json.ts';
import { eventsToTimelineJs, toTimelineJsDate } from './timelinejs.ts';

const hostile = '---\nname: "<b>Evil</b> & \\"Co\\" =cmd"\nkind: organization\n---\n';
const timed =
  '---\ntitle: Late news\ndate: 2020-03-04T23:10+05:30\nend: 2020-03\napproximate: true\nkind: report\nactors: [alpha]\n---\n';
const { story } = buildStory(makeContent({ actors: { evil: hostile }, events: { late: timed } }));

describe('storyToJson / storyFromJson', () => {
  test('round-trips the model', () => {
    const json = JSON.parse(JSON.stringify(storyToJson(story)));
    expect(json.version).toBe(STORY_JSON_VERSION);
    const back = storyFromJson(json);
    const withoutFiles = <T extends { file: string }>(items: T[]) =>
      items.map(({ file: _f, ...rest }) => rest);
    expect(withoutFiles(back.actors)).toEqual(withoutFiles(story.actors));
    expect(withoutFiles(back.events)).toEqual(withoutFiles(story.events));
    expect(withoutFiles(back.relations)).toEqual(withoutFiles(story.relations));
    expect(withoutFiles(back.articles)).toEqual(withoutFiles(story.articles));
    expect(back.kinds).toEqual(story.kinds);
  });

  test('writes dates as authored with precision and interval', () => {
    const meeting = storyToJson(story).events.find((e) => e.id === 'meeting');
    expect(meeting?.date).toEqual({
      value: '2020-02',
      precision: 'month',
      start: '2020-02-01T00:00:00.000Z',
      end: '2020-03-01T00:00:00.000Z',
    });
  });

  test('rejects a malformed document', () => {
    expect(() => storyFromJson({ version: 1, actors: 'nope' })).toThrow();
  });

  test('publishes a JSON Schema that describes the export', () => {
    const schema = storyJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties as object)).toEqual([
      'version',
      'site',
      'kinds',
      'articles',
      'actors',
      'events',
      'relations',
    ]);
  });
});

describe('TimelineJS export', () => {
  test('keeps the authored precision and wall-clock time', () => {
    const late = story.events.find((e) => e.id === 'late');
    const meeting = story.events.find((e) => e.id === 'meeting');
    if (!late || !meeting) throw new Error('fixture');
    expect(toTimelineJsDate(meeting.date)).toEqual({ year: 2020, month: 2 });
    expect(toTimelineJsDate(late.date)).toEqual({
      year: 2020,
      month: 3,
      day: 4,
      hour: 23,
      minute: 10,
    });
    const doc = eventsToTimelineJs(story.events, { headline: 'H <i>', text: 'T' });
    const slide = doc.events.find((e) => e.unique_id === 'late');
    expect(slide).toMatchObject({
      end_date: { year: 2020, month: 3 },
      group: 'report',
      text: { headline: 'Late news' },
    });
    expect(slide?.display_date).toMatch(/^c\. /);
    expect(doc.title?.text.headline).toBe('H &lt;i&gt;');
    for (const e of doc.events) {
      expect(typeof e.start_date.year).toBe('number');
      expect(e.text.headline.length).toBeGreaterThan(0);
    }
  });
});

describe('GEXF export', () => {
  test('is well-formed XML with every actor and relation, text escaped', () => {
    const xml = storyToGexf(story);
    const tree = fromXml(xml);
    const names: string[] = [];
    const walk = (node: { type: string; name?: string; children?: unknown[] }) => {
      if (node.type === 'element' && node.name) names.push(node.name);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree as never);
    expect(names.filter((n) => n === 'node')).toHaveLength(story.actors.length);
    expect(names.filter((n) => n === 'edge')).toHaveLength(story.relations.length);
    expect(xml).toContain('label="&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;Co&quot; =cmd"');
    expect(xml).toContain('start="2020-02-01" end="2020-03-04"');
  });

  test('escapes every XML special character', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  test('drops the noncharacters and lone surrogates XML 1.0 cannot hold', () => {
    expect(escapeXml('a\uFFFEb\uFFFFc\uD800d')).toBe('abcd');
  });
});

describe('CSV export', () => {
  test('quotes cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2')).toBe('-2');
    expect(csvCell('-cmd')).toBe("'-cmd");
  });

  test('writes one row per entry with a header', () => {
    expect(actorsCsv(story).split('\r\n')[0]).toBe(
      'id,name,kind,role,affiliation,aliases,country,wikidata',
    );
    expect(actorsCsv(story).trim().split('\r\n')).toHaveLength(story.actors.length + 1);
    expect(relationsCsv(story)).toContain(
      'alpha-urges-beta,alpha,beta,urges,urges,pressure,true,2020-02,2020-03-04,report,act now',
    );
    expect(eventsCsv(story)).toContain(
      'meeting,Alpha meets Beta,2020-02,,month,false,meeting,alpha; beta,report',
    );
  });
});
