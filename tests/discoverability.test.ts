/** Sitemap, robots.txt, Atom feed, social cards and structured data of the built fixture site. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, test } from 'vitest';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';

const dist = inject('fixtureDist');
/** The fixture build sets no SITE, so astro.config.mjs's default origin applies. */
const ORIGIN = 'http://localhost:4321';
const read = (file: string) => readFile(path.join(dist, file), 'utf8');
const page = async (route: string): Promise<Root> =>
  fromHtml(await read(path.join(route, 'index.html')));
const attr = (element: Element | undefined, name: string) =>
  [element?.properties?.[name] ?? ''].flat().join(' ');

/** Every built HTML page as a site path (`actors/`), except the 404 page. */
async function builtPages(): Promise<string[]> {
  const files = await readdir(dist, { recursive: true });
  return files
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) =>
      file
        .split(path.sep)
        .join('/')
        .replace(/index\.html$/, ''),
    )
    .sort();
}

/** Child elements of an XML element (or the root) with a given name. */
function children(node: XmlRoot | XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of node.children) {
    if (child.type === 'element' && child.name === name) out.push(child);
  }
  return out;
}

function text(node: XmlElement | undefined): string {
  return (node?.children ?? []).map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/** schema.org URL prefix of microdata item types. */
const SCHEMA_ORG = 'https://schema.org/';

/**
 * A microdata item read back as a JSON-LD-like object: `@type` and `@id` from
 * `itemtype` and `itemid`, then each property with its value (`content` of a
 * meta, `href` of a link, a nested item), several values as a list.
 */
function microdataItem(element: Element): Record<string, unknown> {
  const values = new Map<string, unknown[]>();
  const walk = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const prop = attr(child, 'itemProp');
      const isItem = child.properties?.itemScope !== undefined;
      if (prop) {
        const value = isItem
          ? microdataItem(child)
          : child.tagName === 'link'
            ? attr(child, 'href')
            : attr(child, 'content');
        values.set(prop, [...(values.get(prop) ?? []), value]);
      }
      if (!isItem) walk(child);
    }
  };
  walk(element);
  const type = [element.properties?.itemType ?? []].flat().map(String);
  const out: Record<string, unknown> = {};
  if (type.length > 0) out['@type'] = type.map((t) => t.replace(SCHEMA_ORG, '')).join(' ');
  if (element.properties?.itemId) out['@id'] = attr(element, 'itemId');
  for (const [prop, list] of values) out[prop] = list.length === 1 ? list[0] : list;
  return out;
}

/** The page's one top-level structured-data item (schema.org microdata). */
function structuredData(tree: Root): Record<string, unknown> {
  const items = selectAll('[itemscope]:not([itemprop])', tree);
  expect(items).toHaveLength(1);
  return microdataItem(items[0] as Element);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('sitemap.xml and robots.txt', () => {
  test('the sitemap lists every built HTML page by absolute URL, and nothing else', async () => {
    const tree = fromXml(await read('sitemap.xml'));
    const [urlset] = children(tree, 'urlset');
    const locs = children(urlset as XmlElement, 'url').map((url) => text(children(url, 'loc')[0]));
    const expected = (await builtPages()).map((p) => `${ORIGIN}/${p}`);
    expect(expected.length).toBeGreaterThan(10);
    expect([...locs].sort()).toEqual(expected);
  });

  test('robots.txt points at the sitemap', async () => {
    expect(await read('robots.txt')).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

describe('feed.xml', () => {
  test('is well-formed Atom with the stories newest first and RFC 3339 dates', async () => {
    const tree = fromXml(await read('feed.xml'));
    const [feed] = children(tree, 'feed');
    expect(feed?.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = children(feed as XmlElement, 'entry');
    expect(entries.map((e) => text(children(e, 'id')[0]))).toEqual([
      `${ORIGIN}/articles/harbour-talks/`,
      `${ORIGIN}/articles/older-note/`,
    ]);
    const first = entries[0] as XmlElement;
    expect(text(children(first, 'published')[0])).toBe('2031-05-10T09:30:00+02:00');
    expect(text(children(children(first, 'author')[0] as XmlElement, 'name')[0])).toBe(
      'Staff, Coast Gazette',
    );
    expect(text(children(entries[1] as XmlElement, 'updated')[0])).toBe('2030-01-01T00:00:00Z');
  });

  test('every page links the feed', async () => {
    for (const route of ['', 'actors/mayor-ada/', 'timeline/']) {
      const link = select('link[rel="alternate"][type="application/atom+xml"]', await page(route));
      expect(attr(link, 'href')).toBe('/feed.xml');
    }
  });
});

describe('social cards and link previews', () => {
  test('each article has its own 1200×630 card and other pages share the default', async () => {
    const article = await page('articles/harbour-talks/');
    const image = select('meta[property="og:image"]', article);
    expect(attr(image, 'content')).toBe(`${ORIGIN}/cards/harbour-talks.png`);
    expect(pngSize(await readFile(path.join(dist, 'cards/harbour-talks.png')))).toEqual({
      width: 1200,
      height: 630,
    });
    const actor = await page('actors/northland/');
    expect(attr(select('meta[property="og:image"]', actor), 'content')).toBe(
      `${ORIGIN}/cards/default.png`,
    );
    expect(pngSize(await readFile(path.join(dist, 'cards/default.png'))).width).toBe(1200);
  });

  test('an article page says it is an article, with its time and a large Twitter card', async () => {
    const tree = await page('articles/harbour-talks/');
    const meta = (key: string) =>
      selectAll(`meta[property="${key}"], meta[name="${key}"]`, tree).map((m) =>
        attr(m, 'content'),
      );
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual([`${ORIGIN}/articles/harbour-talks/`]);
    expect(meta('og:site_name')).toEqual(['Harbour Watch']);
    expect(meta('article:published_time')).toEqual(['2031-05-10T09:30:00+02:00']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('og:type')).toHaveLength(1);
  });

  test('a person is a profile and a state a website', async () => {
    const type = async (route: string) =>
      attr(select('meta[property="og:type"]', await page(route)), 'content');
    expect(await type('actors/mayor-ada/')).toBe('profile');
    expect(await type('actors/northland/')).toBe('website');
    expect(await type('')).toBe('website');
  });
});

describe('structured data', () => {
  test('is schema.org microdata on every page, with no JSON-LD script', async () => {
    let described = 0;
    for (const route of await builtPages()) {
      const tree = await page(route);
      expect(selectAll('script[type="application/ld+json"]', tree), route).toEqual([]);
      const top = selectAll('[itemscope]:not([itemprop])', tree);
      expect(top.length, route).toBeLessThanOrEqual(1);
      described += top.length;
      // The microdata block shows nothing: only meta and link elements carry its values.
      for (const item of top)
        for (const e of selectAll('*', item))
          expect(['div', 'meta', 'link'], route).toContain(e.tagName);
    }
    // Home, timeline, both articles and every actor page.
    expect(described).toBeGreaterThanOrEqual(8);
  });

  test('an article is a NewsArticle based on its source, about its actors', async () => {
    const data = structuredData(await page('articles/harbour-talks/'));
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Northland presses Southland over the harbour',
      datePublished: '2031-05-10T09:30+02:00',
      isBasedOn: 'https://example.org/harbour',
      publisher: { name: 'Coast Gazette' },
      author: { '@type': 'Person', name: 'Staff' },
    });
    const about = [data.about].flat() as { name: string; '@type': string }[];
    expect(about.map((a) => a.name)).toContain('Ada Ørsted-Lin');
    expect(about.every((a) => a['@type'])).toBe(true);
  });

  test('a person, a state and a media outlet get their schema.org types', async () => {
    expect(structuredData(await page('actors/mayor-ada/'))).toMatchObject({
      '@type': 'Person',
      name: 'Ada Ørsted-Lin',
      jobTitle: 'Mayor of the harbour town',
      alternateName: 'Ada',
      affiliation: { '@type': 'Country', name: 'Southland' },
    });
    expect(structuredData(await page('actors/northland/'))).toMatchObject({
      '@type': 'Country',
      identifier: 'NL',
    });
    expect(structuredData(await page('actors/wire-service/'))['@type']).toBe(
      'NewsMediaOrganization',
    );
  });

  test('the timeline is an ItemList of Events with dates as authored', async () => {
    const data = structuredData(await page('timeline/'));
    expect(data['@type']).toBe('ItemList');
    const items = (data.itemListElement as { item: Record<string, string> }[]).map((i) => i.item);
    expect(items.map((i) => i.startDate)).toEqual([
      '2030',
      '2031-03',
      '2031-05-02',
      '2031-05-10T09:30+02:00',
    ]);
    expect(items[1]).toMatchObject({ name: 'Tension over fees', endDate: '2031-05' });
  });

  test('the home page describes the WebSite', async () => {
    expect(structuredData(await page(''))).toMatchObject({
      '@type': 'WebSite',
      name: 'Harbour Watch',
    });
  });
});
