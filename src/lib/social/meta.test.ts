import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  buildSocialMeta,
  cardPath,
  documentTitle,
  MAX_TITLE_LENGTH,
  toOpenGraphLocale,
  urlForSite,
} from './meta.ts';

const base = {
  title: 'Norland presses over the port',
  description: 'A made-up summary.',
  url: 'https://news.example/d/articles/port-talks/',
  siteName: 'Port Watch',
  image: 'https://news.example/d/cards/port-talks.png',
  imageAlt: 'Norland presses over the port',
  language: 'en',
};

function content(tags: ReturnType<typeof buildSocialMeta>, key: string): string[] {
  return tags.filter((t) => (t.property ?? t.name) === key).map((t) => t.content);
}

describe('absoluteUrl', () => {
  test('joins the origin, the base and the site path', () => {
    expect(absoluteUrl('https://news.example', '/d/', 'actors/x/')).toBe(
      'https://news.example/d/actors/x/',
    );
    expect(absoluteUrl(new URL('http://localhost:4321'), '/', '')).toBe('http://localhost:4321/');
    expect(absoluteUrl('https://news.example/ignored/', '/d/', cardPath('a'))).toBe(
      'https://news.example/d/cards/a.png',
    );
  });
});

describe('urlForSite', () => {
  test('makes absolute URLs on the origin, or root-relative ones without it', () => {
    expect(urlForSite('https://news.example', '/d/')('feed.xml')).toBe(
      'https://news.example/d/feed.xml',
    );
    expect(urlForSite(undefined, '/d/')('feed.xml')).toBe('/d/feed.xml');
  });
});

describe('buildSocialMeta', () => {
  test('writes Open Graph and a large-image Twitter card for an article', () => {
    const tags = buildSocialMeta({
      ...base,
      type: 'article',
      publishedTime: '2031-05-10T09:30:00+02:00',
      modifiedTime: '2031-05-11T00:00:00Z',
      tags: ['port', 'trade'],
    });
    expect(content(tags, 'og:type')).toEqual(['article']);
    expect(content(tags, 'og:title')).toEqual([base.title]);
    expect(content(tags, 'og:url')).toEqual([base.url]);
    expect(content(tags, 'og:image')).toEqual([base.image]);
    expect(content(tags, 'og:image:width')).toEqual(['1200']);
    expect(content(tags, 'og:image:height')).toEqual(['630']);
    expect(content(tags, 'og:site_name')).toEqual(['Port Watch']);
    expect(content(tags, 'article:published_time')).toEqual(['2031-05-10T09:30:00+02:00']);
    expect(content(tags, 'article:modified_time')).toEqual(['2031-05-11T00:00:00Z']);
    expect(content(tags, 'article:tag')).toEqual(['port', 'trade']);
    expect(content(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(content(tags, 'twitter:image')).toEqual([base.image]);
    expect(tags.filter((t) => t.name).every((t) => t.name?.startsWith('twitter:'))).toBe(true);
  });

  test('leaves article times out of a profile or website page', () => {
    const tags = buildSocialMeta({
      ...base,
      type: 'profile',
      publishedTime: '2031-01-01T00:00:00Z',
    });
    expect(content(tags, 'og:type')).toEqual(['profile']);
    expect(content(tags, 'article:published_time')).toEqual([]);
  });
});

describe('toOpenGraphLocale', () => {
  test('writes language_TERRITORY', () => {
    expect(toOpenGraphLocale('en')).toBe('en');
    expect(toOpenGraphLocale('pt-br')).toBe('pt_BR');
    expect(toOpenGraphLocale('zh-Hant-TW')).toBe('zh_TW');
    expect(toOpenGraphLocale('es-419')).toBe('es_419');
  });
});

describe('documentTitle', () => {
  test('joins page and site title when both fit', () => {
    expect(documentTitle('Harbour talks', 'The Harbour Story')).toBe(
      'Harbour talks · The Harbour Story',
    );
  });

  test('is the site title alone on pages named after the site', () => {
    expect(documentTitle('The Harbour Story', 'The Harbour Story')).toBe('The Harbour Story');
  });

  test('drops the site name when page and site title together are too long', () => {
    const title = 'Northland urges Southland to consider reopening the harbour';
    expect(documentTitle(title, 'The Harbour Story')).toBe(title);
  });

  test('shortens a page title over the limit at a word, never beyond the limit', () => {
    const title =
      'Northland urges Southland to consider introducing new measures against Westland over the harbour';
    const shown = documentTitle(title, 'Site');
    expect([...shown].length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(shown.endsWith('…')).toBe(true);
    expect(title.startsWith(shown.slice(0, -1))).toBe(true);
    expect(title[shown.length - 1]).toBe(' ');
  });

  test('counts characters, not UTF-16 units, and cuts a title without spaces', () => {
    const title = '北'.repeat(80);
    const shown = documentTitle(title, 'Site');
    expect([...shown]).toHaveLength(MAX_TITLE_LENGTH);
    expect(shown.endsWith('…')).toBe(true);
  });
});
