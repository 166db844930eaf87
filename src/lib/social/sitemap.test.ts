import { describe, expect, test } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import type { Story } from '../model/types.ts';
import { actor, article, date, urlFor } from './fixtures.ts';
import { buildRobots, buildSitemap, listSitePages, sitemapEntries } from './sitemap.ts';

const story: Story = {
  site: { title: 'Port Watch', description: 'D.', language: 'en' },
  kinds: [],
  articles: [
    article('port-talks', {
      source: {
        publisher: 'Bay Courier',
        via: [],
        published: date('2031-05-10T09:30+02:00'),
        updated: date('2031-05-11'),
      },
    }),
  ],
  actors: [actor('north', 'Norland', 'state')],
  events: [],
  relations: [],
};

describe('listSitePages', () => {
  test('lists the fixed pages, each article and each actor', () => {
    expect(listSitePages(story).map((p) => p.path)).toEqual([
      '',
      'actors/',
      'graph/',
      'timeline/',
      'articles/port-talks/',
      'actors/north/',
    ]);
  });
});

describe('buildSitemap', () => {
  test('writes absolute URLs with the authored last change of articles', () => {
    const xml = buildSitemap(sitemapEntries(listSitePages(story), urlFor));
    expect(() => fromXml(xml)).not.toThrow();
    expect(xml).toContain('<url><loc>https://news.example/d/</loc></url>');
    expect(xml).toContain(
      '<url><loc>https://news.example/d/articles/port-talks/</loc><lastmod>2031-05-11</lastmod></url>',
    );
    expect(xml.match(/<url>/g)).toHaveLength(6);
  });

  test('escapes ampersands in URLs', () => {
    expect(buildSitemap([{ loc: 'https://x.example/?a=1&b=2' }])).toContain(
      '<loc>https://x.example/?a=1&amp;b=2</loc>',
    );
  });
});

describe('buildRobots', () => {
  test('allows everything and names the sitemap', () => {
    expect(buildRobots('https://news.example/d/sitemap.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://news.example/d/sitemap.xml\n',
    );
  });
});
