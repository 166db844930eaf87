import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../model/frontmatter.ts';
import { findWikilinks } from '../remark/wikilinks.ts';
import {
  htmlToMarkdown,
  htmlToText,
  planTimelineImport,
  readTimelineDate,
} from './import-timelinejs.ts';
import type { KnownIds } from './scaffold.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../tests/fixtures/import/timeline.json');

const known: KnownIds = {
  articles: new Set(['harbour-talks']),
  actors: new Set(['northland']),
  events: new Set(['trade-year']),
  relations: new Set(),
  kinds: new Set(['pressures']),
};

function frontmatter(text: string): Record<string, unknown> {
  return parse(splitFrontmatter(text).yaml ?? '') as Record<string, unknown>;
}

function body(text: string): string {
  return splitFrontmatter(text).body.trim();
}

/** What a reader sees of some Markdown: its text, and whether any HTML got through. */
function rendered(markdown: string): { text: string; html: number; tree: Root } {
  const tree = fromMarkdown(markdown);
  let text = '';
  let html = 0;
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    if (node.type === 'html') html += 1;
  });
  return { text, html, tree };
}

function plan(json: unknown, article?: string) {
  const result = planTimelineImport(JSON.stringify(json), { known, article });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('readTimelineDate', () => {
  test('writes each precision in its own form', () => {
    const raw = (value: unknown) => {
      const read = readTimelineDate(value);
      return read.ok ? read.date.raw : read.reason;
    };
    expect(raw({ year: 2022 })).toBe('2022');
    expect(raw({ year: '2022', month: '1' })).toBe('2022-01');
    expect(raw({ year: 2022, month: 1, day: 21 })).toBe('2022-01-21');
    expect(raw({ year: 2022, month: 1, day: 21, hour: 9, minute: 30 })).toBe('2022-01-21T09:30');
    expect(raw({ year: 2022, month: 1, day: 21, hour: 9, minute: 30, second: 5 })).toBe(
      '2022-01-21T09:30:05',
    );
    expect(raw({ year: 2022, month: 1, day: 21, hour: 9 })).toBe('2022-01-21T09:00');
    expect(raw({ year: 33, month: '', day: null })).toBe('0033');
  });

  test('keeps the precision: a month is the whole month, not its first day', () => {
    const read = readTimelineDate({ year: 2022, month: 2 });
    expect(read.ok && read.date.precision).toBe('month');
    expect(read.ok && read.date.offsetMinutes).toBeUndefined();
  });

  test('refuses impossible, gapped, unwritable and non-numeric dates with a reason', () => {
    const reason = (value: unknown) => {
      const read = readTimelineDate(value);
      return read.ok ? 'ok' : read.reason;
    };
    expect(reason({ year: 2022, month: 13 })).toBe('month 13 does not exist (read as `2022-13`)');
    expect(reason({ year: 2022, month: 2, day: 30 })).toContain('February 2022 has 28 days');
    expect(reason({ year: 2022, day: 3 })).toBe('it has a `day` but no `month`');
    expect(reason({ year: -500 })).toBe('year -500 is outside 1–9999');
    expect(reason({ year: 'MMXXII' })).toBe('`year` "MMXXII" is not a whole number');
    expect(reason({ month: 3 })).toBe('it has no `year`');
    expect(reason('2022')).toContain('expected an object');
  });
});

describe('htmlToText', () => {
  test('strips tags, decodes entities and drops scripts', () => {
    expect(htmlToText('Talks <em>in</em> Tokyo &amp; Osaka<script>x()</script>')).toBe(
      'Talks in Tokyo & Osaka',
    );
    expect(htmlToText('<p>One</p><p>Two<br>Three</p>')).toBe('One Two Three');
  });
});

describe('htmlToMarkdown', () => {
  test('keeps paragraphs, line breaks, emphasis and lists', () => {
    const markdown = htmlToMarkdown(
      '<p>First <b>bold</b> and <i>soft</i>.</p><p>Line<br>break</p><ol start="3"><li>three</li><li>four</li></ol>',
    );
    expect(markdown).toBe('First **bold** and *soft*.\n\nLine\\\nbreak\n\n3. three\n4. four');
  });

  test('keeps http(s) links and removes other targets and scripts, saying so', () => {
    const dropped: string[] = [];
    const markdown = htmlToMarkdown(
      '<a href="https://example.org/a(b)">site</a> <a href="javascript:alert(1)">bad</a><script>alert(2)</script><img src="x.png">',
      dropped,
    );
    expect(markdown).toBe('[site](<https://example.org/a(b)>) bad');
    expect(dropped).toEqual([
      'link to `javascript:alert(1)` removed, its text kept',
      '`<script>` element removed',
      'image `x.png` not kept',
    ]);
  });

  test('shows decoded text literally: no HTML, no Markdown syntax, no wikilinks get through', () => {
    const source =
      '<p>&lt;img src=x onerror=alert(1)&gt; *not em* _nor_ `code` [[northland]] &amp;amp;</p><p>- not a list</p><p>1. not either</p><p># nor a heading</p>';
    const { text, html, tree } = rendered(htmlToMarkdown(source));
    expect(html).toBe(0);
    expect(findWikilinks(tree)).toEqual([]);
    expect(tree.children.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(text).toBe(
      '<img src=x onerror=alert(1)> *not em* _nor_ `code` [ [northland] ] &amp;- not a list1. not either# nor a heading',
    );
  });

  test('two line breaks end a paragraph, and blank markup leaves nothing', () => {
    expect(htmlToMarkdown('one<br><br>two')).toBe('one\n\ntwo');
    expect(htmlToMarkdown('<p> </p><br>')).toBe('');
  });

  test('quotes and nested lists keep their structure', () => {
    expect(htmlToMarkdown('<blockquote><p>said</p></blockquote>')).toBe('> said');
    expect(htmlToMarkdown('<ul><li>a<ul><li>b</li></ul></li></ul>')).toBe('- a\n\n  - b');
  });
});

describe('planTimelineImport', () => {
  const fixture = planTimelineImport(readFileSync(FIXTURE, 'utf8'), {
    known,
    article: 'harbour-talks',
  });
  if (!fixture.ok) throw new Error(fixture.reason);
  const byId = new Map(fixture.entries.map((e) => [e.id, e]));

  test('makes one event per slide, with unique ids', () => {
    expect(fixture.entries.map((e) => e.path)).toEqual([
      'events/trade-year-2.md',
      'events/tension-rises.md',
      'events/harbour-shut.md',
      'events/mayor-ada-speaks.md',
      'events/embedded-video.md',
    ]);
  });

  test('maps dates by precision, end, approximate, group and article', () => {
    expect(frontmatter(byId.get('trade-year-2')?.text ?? '')).toEqual({
      title: 'Trade year',
      date: 2031,
      kind: 'other',
      articles: ['harbour-talks'],
    });
    expect(frontmatter(byId.get('tension-rises')?.text ?? '')).toMatchObject({
      title: 'Tension rises',
      date: '2031-04',
      approximate: true,
      kind: 'statement',
    });
    expect(frontmatter(byId.get('harbour-shut')?.text ?? '')).toMatchObject({
      date: '2031-05-02',
      end: '2031-05-20',
      kind: 'other',
    });
    expect(frontmatter(byId.get('mayor-ada-speaks')?.text ?? '')).toMatchObject({
      date: '2031-05-03T09:30',
      kind: 'meeting',
    });
  });

  test('writes text as Markdown, a group that is no kind as a note, and media as a line', () => {
    expect(body(byId.get('trade-year-2')?.text ?? '')).toBe(
      'Trade between **Northland** and Southland grew all year.\n\nFigures: 3 \\* 4 \\< 20\n\nGroup: Economy',
    );
    expect(body(byId.get('mayor-ada-speaks')?.text ?? '')).toContain(
      'Media: <https://example.org/ada-speech.jpg> — Ada at the gates, Wire Service',
    );
    for (const entry of fixture.entries) expect(rendered(body(entry.text)).html).toBe(0);
  });

  test('reports the title slide and the malformed date with index and headline', () => {
    expect(fixture.skipped).toEqual([
      {
        where: 'title "The Harbour & the North"',
        message: 'the title slide introduces the whole timeline; it is not an event',
      },
      {
        where: 'events[4] "Impossible month"',
        message:
          'Unexpected `start_date` {"year":2031,"month":13}: month 13 does not exist (read as `2031-13`)',
      },
    ]);
  });

  test('reports every dropped field', () => {
    expect(fixture.notMapped.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'events[2] "Harbour shut": `text.text`: `<script>` element removed',
      'events[2] "Harbour shut": `text.text`: link to `javascript:alert(1)` removed, its text kept',
      'events[3] "Mayor Ada speaks": `display_date` "3 May, morning" not kept: pages print the date from `date`',
      'events[3] "Mayor Ada speaks": `text.text`: image `https://example.org/ada.png` not kept',
      'events[3] "Mayor Ada speaks": `media.thumbnail` not kept',
      'events[5] "Embedded video": `media.url` not kept: only http(s) URLs are, this is `<iframe src="https://video.example.org/1"></iframe>`',
      'events[5] "Embedded video": `background` not kept: events have no such field',
    ]);
    expect(fixture.notes[0]).toContain('no time zone: 1 date-time(s)');
  });

  test('numbers ids that collide with each other and with existing events', () => {
    const result = plan({
      events: [
        { start_date: { year: 2030 }, text: { headline: 'Trade year' } },
        { start_date: { year: 2031 }, text: { headline: 'Trade year' } },
        { start_date: { year: 2032 }, text: { headline: 'Other' }, unique_id: 'trade-year' },
        { start_date: { year: 2033 }, text: { headline: 'Odd id' }, unique_id: 'Not An Id' },
        { start_date: { year: 2034 }, text: { headline: '東京会談' } },
      ],
    });
    expect(result.entries.map((e) => e.id)).toEqual([
      'trade-year-2',
      'trade-year-3',
      'trade-year-4',
      'odd-id',
      'event-2034',
    ]);
    expect(result.notMapped.map((i) => i.message)).toEqual([
      '`unique_id` `trade-year` is taken; the event is `trade-year-4`',
      '`unique_id` `Not An Id` is not a kebab-case id; the id comes from the headline',
    ]);
  });

  test('drops an end before the start and skips a slide without a headline', () => {
    const result = plan({
      events: [
        {
          start_date: { year: 2031, month: 5 },
          end_date: { year: 2031, month: 4 },
          text: { headline: 'Span' },
        },
        { start_date: { year: 2031 }, text: { text: 'no headline' } },
      ],
    });
    expect(frontmatter(result.entries[0]?.text ?? '').end).toBeUndefined();
    expect(result.notMapped[0]?.message).toBe(
      '`end_date` `2031-04` dropped: it is before `2031-05`',
    );
    expect(result.skipped[0]).toEqual({
      where: 'events[1]',
      message: 'it has no `text.headline`, and an event needs a title',
    });
  });

  test('keeps a long headline on one YAML line', () => {
    const headline = `${'Very long headline '.repeat(8)}: with a colon # and a hash`;
    const result = plan({ events: [{ start_date: { year: 2031 }, text: { headline } }] });
    const entry = result.entries[0];
    expect(frontmatter(entry?.text ?? '').title).toBe(headline.trim());
    expect(entry?.id.length).toBeLessThanOrEqual(60);
  });

  test('refuses input that is not TimelineJS3 JSON', () => {
    expect(planTimelineImport('{"events": [', { known })).toMatchObject({ ok: false });
    expect(planTimelineImport('{"timeline": {"date": []}}', { known })).toEqual({
      ok: false,
      reason:
        'this is TimelineJS 2 JSON (`timeline.date`); expected TimelineJS3 JSON with `events`',
    });
    expect(planTimelineImport('[]', { known })).toEqual({
      ok: false,
      reason: 'expected a TimelineJS3 object with an `events` list',
    });
  });
});
