import { describe, expect, test } from 'vitest';
import { actor, article, date, event, urlFor } from './fixtures.ts';
import {
  buildActorJsonLd,
  buildArticleJsonLd,
  buildTimelineJsonLd,
  buildWebsiteJsonLd,
} from './json-ld.ts';

const north = actor('north', 'Norland', 'state', { wikidata: 'Q1234', aliases: ['the North'] });
const wire = actor('wire', 'Wire Agency', 'media', { aliases: ['WA'] });
const mayor = actor('mayor', 'Ada Mayor', 'person', {
  role: 'Mayor of Port',
  affiliation: 'north',
  country: 'NO',
});
const board = actor('board', 'Port Board', 'organization', { affiliation: 'north', country: 'NO' });
const all = [north, wire, mayor, board];

describe('buildArticleJsonLd', () => {
  const story = article('port-talks', {
    title: 'Norland presses over the port',
    summary: 'A made-up summary.',
    tags: ['port', 'trade'],
    source: {
      publisher: 'Bay Courier',
      byline: 'WA',
      via: ['wire'],
      url: 'https://source.example/port',
      published: date('2031-05-10T09:30+02:00'),
      updated: date('2031-05-11'),
    },
  });
  const ld = buildArticleJsonLd({
    article: story,
    actors: [north, mayor],
    allActors: all,
    urlFor,
    image: urlFor('cards/port-talks.png'),
    language: 'en',
    siteName: 'Port Watch',
  });

  test('describes the source as a NewsArticle with dates as authored', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Norland presses over the port',
      description: 'A made-up summary.',
      url: 'https://news.example/d/articles/port-talks/',
      datePublished: '2031-05-10T09:30+02:00',
      dateModified: '2031-05-11',
      isBasedOn: 'https://source.example/port',
      publisher: { '@type': 'NewsMediaOrganization', name: 'Bay Courier' },
      image: ['https://news.example/d/cards/port-talks.png'],
      keywords: ['port', 'trade'],
      inLanguage: 'en',
    });
  });

  test('resolves a byline that names an agency in `via` to that actor', () => {
    expect(ld.author).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'Wire Agency',
      url: 'https://news.example/d/actors/wire/',
    });
  });

  test('makes an unknown byline a Person and uses the publisher when there is no byline', () => {
    const byPerson = buildArticleJsonLd({
      article: article('a', { source: { ...story.source, byline: 'Jo Writer' } }),
      actors: [],
      allActors: all,
      urlFor,
      language: 'en',
      siteName: 'Port Watch',
    });
    expect(byPerson.author).toEqual({ '@type': 'Person', name: 'Jo Writer' });
    expect(byPerson.about).toBeUndefined();
    const bare = buildArticleJsonLd({
      article: article('b'),
      actors: [],
      allActors: all,
      urlFor,
      language: 'en',
      siteName: 'Port Watch',
    });
    expect(bare.author).toEqual({ '@type': 'NewsMediaOrganization', name: 'Bay Courier' });
    expect(bare.isBasedOn).toBeUndefined();
  });

  test('is about the actors, each with its page and Wikidata item', () => {
    expect(ld.about).toEqual([
      {
        '@type': 'Country',
        name: 'Norland',
        url: 'https://news.example/d/actors/north/',
        sameAs: 'https://www.wikidata.org/wiki/Q1234',
      },
      { '@type': 'Person', name: 'Ada Mayor', url: 'https://news.example/d/actors/mayor/' },
    ]);
  });
});

describe('buildActorJsonLd', () => {
  test('makes a person a Person with job title, affiliation and nationality', () => {
    const ld = buildActorJsonLd({ actor: mayor, affiliation: north, urlFor });
    expect(ld).toMatchObject({
      '@type': 'Person',
      name: 'Ada Mayor',
      jobTitle: 'Mayor of Port',
      affiliation: { '@type': 'Country', name: 'Norland' },
      nationality: { '@type': 'Country', identifier: 'NO' },
    });
    expect(ld.memberOf).toBeUndefined();
  });

  test('makes a state a Country with aliases as alternateName and Wikidata as sameAs', () => {
    const ld = buildActorJsonLd({ actor: north, urlFor, description: 'A state.' });
    expect(ld).toMatchObject({
      '@type': 'Country',
      name: 'Norland',
      alternateName: ['the North'],
      sameAs: 'https://www.wikidata.org/wiki/Q1234',
      url: 'https://news.example/d/actors/north/',
      description: 'A state.',
    });
    expect(ld.jobTitle).toBeUndefined();
  });

  test('makes media a NewsMediaOrganization and an organisation a member of its affiliation', () => {
    expect(buildActorJsonLd({ actor: wire, urlFor })['@type']).toBe('NewsMediaOrganization');
    const ld = buildActorJsonLd({ actor: board, affiliation: north, urlFor });
    expect(ld).toMatchObject({
      '@type': 'Organization',
      memberOf: { '@type': 'Country', name: 'Norland' },
      address: { '@type': 'PostalAddress', addressCountry: 'NO' },
    });
  });

  test('leaves out what the actor does not have', () => {
    const bare = actor('bare', 'Bare Outlet', 'media');
    const ld = JSON.parse(JSON.stringify(buildActorJsonLd({ actor: bare, urlFor })));
    expect(Object.keys(ld).sort()).toEqual(['@context', '@id', '@type', 'name', 'url']);
  });
});

describe('buildTimelineJsonLd', () => {
  test('lists events in the given order with start and end dates as authored', () => {
    const ld = buildTimelineJsonLd({
      events: [
        event('fees', '2031-03', { end: date('2031-05'), actors: ['north', 'gone'] }),
        event('closed', '2031-05-02T08:00+02:00', { title: 'Port closed' }),
      ],
      actors: all,
      urlFor,
      name: 'Timeline',
    });
    expect(ld).toMatchObject({ '@type': 'ItemList', numberOfItems: 2 });
    expect(ld.itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        item: {
          '@type': 'Event',
          '@id': 'https://news.example/d/timeline/#event-fees',
          url: 'https://news.example/d/timeline/#event-fees',
          name: 'Event fees',
          startDate: '2031-03',
          endDate: '2031-05',
          about: [
            {
              '@type': 'Country',
              name: 'Norland',
              url: 'https://news.example/d/actors/north/',
              sameAs: 'https://www.wikidata.org/wiki/Q1234',
            },
          ],
          sameAs: undefined,
        },
      },
      {
        '@type': 'ListItem',
        position: 2,
        item: expect.objectContaining({
          name: 'Port closed',
          startDate: '2031-05-02T08:00+02:00',
          endDate: undefined,
          about: undefined,
        }),
      },
    ]);
  });
});

describe('buildWebsiteJsonLd', () => {
  test('names the site at its home URL', () => {
    expect(
      buildWebsiteJsonLd({ name: 'Port Watch', description: 'D.', language: 'en', urlFor }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: 'Port Watch',
      description: 'D.',
      url: 'https://news.example/d/',
      inLanguage: 'en',
    });
  });
});
