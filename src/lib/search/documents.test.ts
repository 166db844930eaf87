import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, test } from 'vitest';
import { relation } from '../graph/fixtures.ts';
import type { Story } from '../model/types.ts';
import { actor, article, date, event, SCRIPT_BREAKOUT } from '../social/fixtures.ts';
import { searchDocuments } from './documents.ts';

const story: Story = {
  site: { title: 'Port Watch', description: 'D.', language: 'en-GB' },
  kinds: [{ id: 'presses', label: 'presses', directed: true, category: 'pressure' }],
  articles: [
    article('old-note', { title: 'Old note', summary: 'Background.' }),
    article('port-talks', {
      title: 'Port talks',
      summary: 'Who wants the port.',
      tags: ['trade-policy'],
      source: {
        publisher: 'Bay Courier',
        byline: 'R. Lund',
        via: ['north'],
        published: date('2031-05-10'),
        updated: date('2031-05-12'),
      },
      body: 'It began when [[north]] wrote to [[ada|the mayor]].',
    }),
  ],
  actors: [
    actor('north', 'Norland', 'state', {
      aliases: ['The North'],
      country: 'NL',
      wikidata: 'Q55',
      body: 'A coastal state.\n\nIt talks to [[ada]] about [[event:fees]].',
    }),
    actor('ada', 'Ada Ørsted', 'person', { role: 'Mayor', affiliation: 'north' }),
  ],
  events: [event('fees', '2031-03', { title: 'Fees rise', actors: ['north'] })],
  relations: [
    {
      ...relation('north-presses-ada', 'north', 'ada', 'presses'),
      since: date('2031-01'),
      articles: ['port-talks', 'old-note'],
      evidence: [{ quote: 'pay or leave', article: 'port-talks' }],
    },
  ],
};

/** The parsed document at `url`. */
function documentAt(url: string, of: Story = story): Root {
  const found = searchDocuments(of).find((d) => d.url === url);
  if (!found) throw new Error(`no document for ${url}`);
  return fromHtml(found.html);
}

/** Text of each element matching `selector`. */
function texts(tree: Root, selector: string): string[] {
  return selectAll(selector, tree).map((node: Element) => toText(node));
}

describe('searchDocuments', () => {
  test('makes one document per actor, then per article, at root-relative page URLs', () => {
    expect(searchDocuments(story).map((d) => d.url)).toEqual([
      '/actors/north/',
      '/actors/ada/',
      '/articles/old-note/',
      '/articles/port-talks/',
    ]);
  });

  test('an actor: name as the only h1, typed Actor, with its facts, profile, relations, events and stories in words', () => {
    const tree = documentAt('/actors/north/');
    const main = selectAll('main', tree)[0];
    expect(main?.properties).toMatchObject({
      dataPagefindBody: '',
      dataPagefindFilter: 'type:Actor',
      dataPagefindMeta: 'type:Actor',
    });
    expect(selectAll('html', tree)[0]?.properties.lang).toBe('en-GB');
    expect(texts(tree, 'h1')).toEqual(['Norland']);
    expect(texts(tree, 'h2')).toEqual([
      'What Norland does',
      'Events',
      'Part of Norland',
      'Stories',
    ]);
    expect(texts(tree, 'p')).toEqual([
      'State',
      'Also called: The North',
      'Country: NL',
      'Wikidata: Q55',
      'A coastal state.',
      'It talks to Ada Ørsted about Fees rise.',
      'Norland presses Ada Ørsted, since January 2031. “pay or leave” (Port talks) Sources: Old note.',
      'Fees rise, March 2031. Other. Involved: Norland.',
      'Ada Ørsted — Mayor',
      'Old note',
      'Port talks',
    ]);
  });

  test('an actor with little to say has no empty sections', () => {
    const tree = documentAt('/actors/ada/');
    expect(texts(tree, 'h2')).toEqual(['What others do to Ada Ørsted', 'Stories']);
    expect(texts(tree, 'p').slice(0, 3)).toEqual(['Person', 'Mayor', 'Part of: Norland']);
  });

  test('an article: title, summary, source, tags, who’s who, body and evidence, typed Story', () => {
    const tree = documentAt('/articles/port-talks/');
    expect(selectAll('main', tree)[0]?.properties.dataPagefindFilter).toBe('type:Story');
    expect(texts(tree, 'h1')).toEqual(['Port talks']);
    expect(texts(tree, 'h2')).toEqual(['Who’s who', 'The evidence behind each relation']);
    expect(texts(tree, 'p')).toEqual([
      'Who wants the port.',
      'Bay Courier, by R. Lund, 10 May 2031, came through Norland, updated 12 May 2031',
      'trade policy',
      'Norland',
      'Ada Ørsted — Mayor',
      'It began when Norland wrote to the mayor.',
      'Norland presses Ada Ørsted, since January 2031. “pay or leave” (Port talks) Sources: Old note.',
    ]);
  });

  test('author text stays text: markup in names and bodies is escaped, never parsed into elements', () => {
    const hostile: Story = {
      ...story,
      actors: [
        actor('x', `<img src=x onerror=alert(1)>${SCRIPT_BREAKOUT}`, 'person', {
          role: '<b>bold</b>',
          body: `Plain words.\n\n<script>alert(2)</script>\n\n<iframe src="https://evil.example"></iframe>`,
        }),
      ],
      relations: [],
      events: [],
      articles: [],
    };
    const [document] = searchDocuments(hostile);
    const tree = fromHtml(document?.html ?? '');
    expect(selectAll('img, script, iframe, b', tree)).toEqual([]);
    expect(texts(tree, 'h1')).toEqual([`<img src=x onerror=alert(1)>${SCRIPT_BREAKOUT}`]);
    expect(texts(tree, 'p')).toEqual(['Person', '<b>bold</b>', 'Plain words.']);
  });
});
