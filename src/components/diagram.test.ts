/**
 * Renders Diagram.astro and RelationTable.astro with Astro's container API. The components are
 * compiled by a Vite server with Astro's plugins (no astro.config, so no integration runs).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDate } from '../lib/dates/index.ts';
import type { PartialDate } from '../lib/dates/types.ts';
import { actor, fixtureKinds, relation, tinyGraph } from '../lib/graph/fixtures.ts';
import { layoutGraph } from '../lib/graph/layout.ts';
import type { Article, Relation } from '../lib/model/types.ts';
import { type ComponentHarness, startComponentHarness, tagWith } from './test-harness.ts';

function date(raw: string): PartialDate {
  const result = parseDate(raw);
  if (!result.ok) throw new Error(`bad fixture date ${raw}`);
  return result.date;
}

let harness: ComponentHarness;

beforeAll(async () => {
  harness = await startComponentHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The markup from the element carrying `attr="value"` up to the next `</g>` that closes it. */
function groupWith(html: string, attr: string, value: string): string {
  const start = html.indexOf(`${attr}="${value}"`);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf('</g>', start);
  return html.slice(start, end);
}

describe('Diagram.astro', () => {
  const withHtml = {
    ...tinyGraph,
    actors: [...tinyGraph.actors, actor('delta', 'Delta <script>alert(1)</script>')],
  };
  const layout = layoutGraph(withHtml);

  async function render(id?: string): Promise<string> {
    return harness.render('/src/components/Diagram.astro', {
      props: { layout, kinds: fixtureKinds, title: 'Who relates to whom', base: '/sub/', id },
    });
  }

  test('renders the root, an accessible svg and the viewBox of the layout', async () => {
    const html = await render();
    expect(html).toMatch(/<figure[^>]*\sdata-diagram[\s>=]/);
    const svg = tagWith(html, 'role', 'group');
    expect(svg).toContain('aria-label="Who relates to whom"');
    expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
  });

  test('carries the stable hooks on every edge', async () => {
    const html = await render();
    for (const e of layout.edges) {
      const tag = tagWith(html, 'data-relation', e.id);
      expect(tag).toContain(`data-kind="${e.kind}"`);
      expect(tag).toContain(`data-category="${e.category}"`);
    }
  });

  test('puts an arrowhead only on directed edges, coloured per category', async () => {
    const html = await render('story-graph');
    expect(groupWith(html, 'data-relation', 'alpha-presses-beta')).toContain(
      'marker-end="url(#story-graph-arrow-pressure)"',
    );
    expect(groupWith(html, 'data-relation', 'beta-allies-alpha')).not.toContain('marker-end');
    expect(html).toMatch(/<marker[^>]*id="story-graph-arrow-pressure"/);
    expect(html).toMatch(/<marker[^>]*id="story-graph-arrow-information"/);
    // Only undirected edges are in the cooperation category here: no marker needed.
    expect(html).not.toContain('arrow-cooperation');
  });

  test('titles each edge "From label To"', async () => {
    const html = await render();
    expect(groupWith(html, 'data-relation', 'alpha-presses-beta')).toContain(
      '<title>Alpha presses Beta</title>',
    );
  });

  test('makes each node a link to its actor page under the base path', async () => {
    const html = await render();
    const node = groupWith(html, 'data-actor', 'beta');
    expect(tagWith(html, 'data-actor', 'beta')).toContain('data-kind="person"');
    expect(node).toMatch(/<a[^>]*href="\/sub\/actors\/beta\/"/);
    expect(node).toContain('<circle');
    expect(node).toMatch(/<text[^>]*>Beta<\/text>/);
  });

  test('escapes author text', async () => {
    const html = await render();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('Delta &lt;script&gt;');
  });

  test('lists the categories and kinds present, with filter hooks', async () => {
    const html = await render();
    expect(tagWith(html, 'data-filter-category', 'pressure')).toMatch(/^<li/);
    expect(tagWith(html, 'data-filter-kind', 'quotes')).toMatch(/^<li/);
    expect(html).not.toContain('data-filter-category="conflict"');
    expect(html).not.toContain('data-filter-kind="heads"');
  });

  test('keeps colours out of the markup', async () => {
    const html = await render();
    expect(html).not.toMatch(/(fill|stroke)="#/);
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('RelationTable.astro', () => {
  const articles: Article[] = [
    {
      id: 'alpha-story',
      file: '',
      body: '',
      title: 'Alpha presses Beta',
      summary: '',
      tags: [],
      mentions: { actors: [], events: [] },
      source: { publisher: 'The Gamma Gazette', via: [], published: date('2030-07-01') },
    },
  ];
  const relations: Relation[] = [
    {
      ...relation('alpha-presses-beta', 'alpha', 'beta', 'presses', 'urges to stop'),
      since: date('2030-02'),
      until: date('2030-05-04'),
      articles: ['alpha-story'],
      evidence: [{ quote: 'Alpha <b>urged</b> Beta', article: 'alpha-story' }],
    },
    { ...relation('gamma-quotes-alpha', 'gamma', 'alpha', 'quotes'), since: date('2030-03') },
  ];

  async function render(): Promise<string> {
    return harness.render('/src/components/RelationTable.astro', {
      props: {
        relations,
        actors: tinyGraph.actors,
        kinds: fixtureKinds,
        articles,
        base: '/',
        caption: 'Relations in the alpha story',
      },
    });
  }

  test('has a caption and column headers', async () => {
    const html = await render();
    expect(html).toMatch(
      /<caption[^>]*><span class="caption-text"[^>]*>Relations in the alpha story<\/span><\/caption>/,
    );
    expect(html.match(/<th[^>]*scope="col"/g)).toHaveLength(5);
  });

  test('links both actors and shows the relation label, else the kind label', async () => {
    const html = await render();
    expect(html).toMatch(/<a[^>]*href="\/actors\/alpha\/"[^>]*>Alpha<\/a>/);
    expect(html).toMatch(/<a[^>]*href="\/actors\/beta\/"[^>]*>Beta<\/a>/);
    expect(html).toContain('urges to stop');
    expect(html).toMatch(/<td[^>]*>quotes<\/td>/);
  });

  test('formats the dates at their precision', async () => {
    const html = await render();
    expect(html).toContain('February 2030 – 4 May 2030');
    expect(html).toMatch(/since <time[^>]*datetime="2030-03"[^>]*>March 2030<\/time>/);
  });

  test('quotes the evidence, escaped, and links its article', async () => {
    const html = await render();
    expect(html).toMatch(/<q[^>]*>Alpha &lt;b&gt;urged&lt;\/b&gt; Beta<\/q>/);
    expect(html).toMatch(
      /<a[^>]*href="\/articles\/alpha-story\/"[^>]*><cite[^>]*>Alpha presses Beta<\/cite>/,
    );
  });
});
