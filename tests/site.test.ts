/** Integration: the fixture story built by `astro build`, checked page by page. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { attr, readPage, select, selectAll, text } from './helpers/html.ts';

const dist = inject('fixtureDist');

describe('built fixture site', () => {
  test('writes every page type', async () => {
    const pages = [
      'index.html',
      '404.html',
      'graph/index.html',
      'timeline/index.html',
      'actors/index.html',
      'articles/harbour-talks/index.html',
      'articles/older-note/index.html',
      ...['northland', 'southland', 'mayor-ada', 'wire-service', 'harbour-board'].map(
        (id) => `actors/${id}/index.html`,
      ),
    ];
    for (const page of pages) {
      const tree = await readPage(dist, page);
      expect(select('h1', tree), page).toBeTruthy();
      expect(select('html[lang="en"]', tree), page).toBeTruthy();
    }
    expect((await readdir(path.join(dist, 'articles'))).sort()).toEqual([
      'harbour-talks',
      'older-note',
    ]);
  });

  test('lists stories newest first on the home page', async () => {
    const tree = await readPage(dist, 'index.html');
    const links = selectAll('.stories h3 a', tree).map((a) => attr(a, 'href'));
    expect(links).toEqual(['/articles/harbour-talks/', '/articles/older-note/']);
  });

  test('pre-renders the article diagram with the stable hooks', async () => {
    const tree = await readPage(dist, 'articles/harbour-talks/index.html');
    const diagram = select('[data-diagram]', tree);
    expect(diagram).toBeTruthy();
    const actors = selectAll('[data-actor]', diagram).map((n) => attr(n, 'dataActor'));
    expect(new Set(actors)).toEqual(
      new Set(['northland', 'southland', 'mayor-ada', 'wire-service', 'harbour-board']),
    );
    const edges = selectAll('[data-relation]', diagram);
    expect(edges).toHaveLength(5);
    const pressure = edges.find((e) => attr(e, 'dataRelation') === 'northland-pressures-southland');
    expect(attr(pressure, 'dataKind')).toBe('pressures');
    expect(attr(pressure, 'dataCategory')).toBe('pressure');
    expect(select('svg', diagram)).toBeTruthy();
    expect(select('[data-filter-category="pressure"]', tree)).toBeTruthy();
    expect(select('[data-filter-kind="pressures"]', tree)).toBeTruthy();
    // The fallback table has one row per relation.
    expect(selectAll('table tbody tr', tree)).toHaveLength(5);
  });

  test('pre-renders the timeline with authored dates and precision', async () => {
    const tree = await readPage(dist, 'articles/harbour-talks/index.html');
    const timeline = select('[data-timeline]', tree);
    expect(timeline).toBeTruthy();
    const events = Object.fromEntries(
      selectAll('[data-event]', timeline).map((n) => [
        attr(n, 'dataEvent'),
        [attr(n, 'dataDate'), attr(n, 'dataPrecision')],
      ]),
    );
    expect(events).toEqual({
      'harbour-closed': ['2031-05-02', 'day'],
      'spring-tension': ['2031-03', 'month'],
      'gazette-report': ['2031-05-10T09:30+02:00', 'time'],
    });
    // Ordered fallback list, in time order.
    const items = selectAll('ol li[id^="event-"]', tree).map((li) => attr(li, 'id'));
    expect(items).toEqual(['event-spring-tension', 'event-harbour-closed', 'event-gazette-report']);
  });

  test('renders wikilinks in the body through the remark plugin', async () => {
    const tree = await readPage(dist, 'articles/harbour-talks/index.html');
    const mention = select('a.mention[data-actor="southland"]', tree);
    expect(attr(mention, 'href')).toBe('/actors/southland/');
    expect(text(mention)).toBe('its southern neighbour');
    expect(text(select('a.mention[data-actor="northland"]', tree))).toBe('Northland');
    expect(attr(select('a.mention[data-event="harbour-closed"]', tree), 'href')).toBe(
      '/timeline/#event-harbour-closed',
    );
    expect(text(select('code', tree))).toBe('[[not-a-link]]');
  });

  test('strips script, event handlers and javascript: URLs from Markdown bodies', async () => {
    const tree = await readPage(dist, 'articles/harbour-talks/index.html');
    const body = select('.body', tree);
    expect(body).toBeTruthy();
    expect(selectAll('script', body)).toHaveLength(0);
    for (const element of selectAll('*', body)) {
      for (const name of Object.keys(element.properties ?? {}))
        expect(name.toLowerCase()).not.toMatch(/^on/);
      expect(String(attr(element, 'href') ?? '')).not.toMatch(/^javascript:/i);
    }
  });

  test('shows the source line with the agency chain and the authored time', async () => {
    const tree = await readPage(dist, 'articles/harbour-talks/index.html');
    const source = text(select('.source', tree));
    expect(source).toContain('Coast Gazette');
    expect(source).toContain('Wire Service');
    expect(source).toContain('10 May 2031, 09:30 UTC+02:00');
  });

  test('shows an actor page with relations in and out, events and stories', async () => {
    const tree = await readPage(dist, 'actors/southland/index.html');
    expect(text(select('h1', tree))).toBe('Southland');
    expect(select('[data-diagram] [data-actor="southland"]', tree)).toBeTruthy();
    const tables = selectAll('table', tree);
    expect(tables.length).toBe(2);
    expect(text(select('#stories + ul', tree))).toContain(
      'Northland presses Southland over the harbour',
    );
    expect(selectAll('li[id^="event-"]', tree).map((li) => attr(li, 'id'))).toContain(
      'event-trade-year',
    );
    const ada = await readPage(dist, 'actors/mayor-ada/index.html');
    expect(text(select('h1', ada))).toBe('Ada Ørsted-Lin');
    expect(attr(select('.facts a', ada), 'href')).toBe('/actors/southland/');
  });

  test('shows everything on /graph/ and /timeline/', async () => {
    const graph = await readPage(dist, 'graph/index.html');
    expect(selectAll('[data-diagram] [data-actor]', graph)).toHaveLength(5);
    expect(selectAll('[data-diagram] [data-relation]', graph)).toHaveLength(5);
    const timeline = await readPage(dist, 'timeline/index.html');
    const events = selectAll('[data-timeline] [data-event]', timeline);
    expect(events.map((e) => attr(e, 'dataEvent')).sort()).toEqual([
      'gazette-report',
      'harbour-closed',
      'spring-tension',
      'trade-year',
    ]);
    expect(
      attr(
        events.find((e) => attr(e, 'dataEvent') === 'trade-year'),
        'dataPrecision',
      ),
    ).toBe('year');
  });
});
