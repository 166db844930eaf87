import { describe, expect, test } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import { buildAtomFeed, feedEntriesFromArticles } from './feed.ts';
import { article, date, SCRIPT_BREAKOUT, urlFor } from './fixtures.ts';

const older = article('older', {
  source: { publisher: 'Bay Courier', via: [], published: date('2030') },
});
const newer = article('newer', {
  title: 'Tom & Jerry <quarrel>',
  tags: ['port'],
  source: {
    publisher: 'Bay Courier',
    byline: 'Staff',
    via: [],
    url: 'https://source.example/a?x=1&y=2',
    published: date('2031-05-10T09:30+02:00'),
    updated: date('2031-05-11'),
  },
});

const feed = {
  title: 'Port Watch',
  subtitle: SCRIPT_BREAKOUT,
  language: 'en',
  siteUrl: urlFor(''),
  feedUrl: urlFor('feed.xml'),
};

describe('feedEntriesFromArticles', () => {
  test('orders stories newest first with RFC 3339 dates and byline plus publisher as author', () => {
    const entries = feedEntriesFromArticles([older, newer], urlFor);
    expect(entries.map((e) => e.url)).toEqual([
      'https://news.example/d/articles/newer/',
      'https://news.example/d/articles/older/',
    ]);
    expect(entries[0]).toMatchObject({
      published: '2031-05-10T09:30:00+02:00',
      updated: '2031-05-11T00:00:00Z',
      author: 'Staff, Bay Courier',
      via: { url: 'https://source.example/a?x=1&y=2', title: 'Bay Courier' },
      categories: ['port'],
    });
    expect(entries[1]).toMatchObject({
      published: '2030-01-01T00:00:00Z',
      updated: '2030-01-01T00:00:00Z',
      author: 'Bay Courier',
      via: undefined,
    });
  });
});

describe('buildAtomFeed', () => {
  const xml = buildAtomFeed({ ...feed, entries: feedEntriesFromArticles([older, newer], urlFor) });

  test('is well-formed XML with every text escaped', () => {
    const tree = fromXml(xml);
    expect(tree.type).toBe('root');
    expect(xml).toContain('<title type="text">Tom &amp; Jerry &lt;quarrel&gt;</title>');
    expect(xml).toContain('href="https://source.example/a?x=1&amp;y=2"');
    expect(xml).not.toContain('<script>');
  });

  test('takes the feed updated time from the latest entry and links itself', () => {
    expect(xml).toContain('<updated>2031-05-11T00:00:00Z</updated>\n  <link rel="self"');
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://news.example/d/feed.xml"/>',
    );
    expect(xml.indexOf('articles/newer/')).toBeLessThan(xml.indexOf('articles/older/'));
  });

  test('has an updated time even with no entries', () => {
    const empty = buildAtomFeed({ ...feed, entries: [] });
    expect(() => fromXml(empty)).not.toThrow();
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
  });
});
