/**
 * A large diagram in Debian's Chromium: a synthetic story big enough for the
 * diagram's large mode (src/scripts/actor-graph.ts, LARGE_GRAPH), where a
 * highlight is drawn in layers over the drawing (src/scripts/graph/
 * highlight-layer.ts) and the drawing itself is never restyled for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateStory, writeStory } from '../scripts/synthetic.ts';
import { buildSite } from './helpers/build.ts';
import { settle, siteInBrowser, watchedPages } from './helpers/site.ts';

/** Actors in the story: with three relations each, well past the large-mode threshold (200 nodes and edges). */
const ACTORS = 80;

let work: string;
let dist: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dramatis-large-diagram-'));
  const content = path.join(work, 'content');
  await writeStory(content, generateStory({ actors: ACTORS }));
  const outcome = await buildSite(content, {}, path.join(work, 'dist'));
  if (outcome.code !== 0) throw new Error(`build failed:\n${outcome.stdout}\n${outcome.stderr}`);
  dist = outcome.outDir;
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const site = siteInBrowser(() => dist);
const pages = watchedPages(site);

async function open(
  colorScheme: 'light' | 'dark' = 'light',
  reducedMotion: 'reduce' | 'no-preference' = 'reduce',
): Promise<Page> {
  const page = await pages.open('graph/', {
    viewport: { width: 1280, height: 900 },
    reducedMotion,
    colorScheme,
  });
  await page.locator('[data-diagram][data-enhanced][data-large]').waitFor({ state: 'attached' });
  await settle(page);
  return page;
}

/** The node nearest the middle of the view that the pointer can reach: its id and screen centre. */
async function nodeInView(page: Page): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-diagram] .canvas')?.getBoundingClientRect();
    if (!box) throw new Error('no canvas');
    let best: { id: string; x: number; y: number; d: number } | undefined;
    for (const g of document.querySelectorAll<SVGGElement>('[data-diagram] g.node[data-actor]')) {
      const r = g.querySelector('circle')?.getBoundingClientRect();
      if (!r || r.width === 0 || g.hasAttribute('data-filtered')) continue;
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      // Not under the search box, the buttons or another node's name.
      if (y > innerHeight || document.elementFromPoint(x, y)?.closest('g.node') !== g) continue;
      const d = Math.hypot(x - (box.x + box.width / 2), y - (box.y + box.height / 2));
      if (!best || d < best.d) best = { id: g.dataset.actor ?? '', x, y, d };
    }
    if (!best) throw new Error('no node');
    return { id: best.id, x: best.x, y: best.y };
  });
}

/**
 * Puts the pointer on a node, where it is drawn at that moment, until its
 * highlight shows (the page may still shift once as it settles).
 */
async function hoverNode(page: Page, id: string): Promise<{ x: number; y: number }> {
  let at = { x: 0, y: 0 };
  await expect
    .poll(async () => {
      const box = await page.locator(`[data-diagram] [data-actor="${id}"] circle`).boundingBox();
      if (!box) return 0;
      at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(at.x, at.y);
      return (await layers(page)).fadeOpacity;
    })
    .toBe(1);
  return at;
}

/** What the layers hold and show now, and how the drawing's own shapes look. */
async function layers(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('[data-diagram]');
    const fade = root?.querySelector<SVGSVGElement>('svg.fade-layer');
    const picks = root?.querySelector<SVGSVGElement>('svg.picks-layer');
    if (!root || !fade || !picks) throw new Error('no highlight layers');
    // Drawn unless it or a parent is display: none (the fade layer's opacity aside).
    const shown = (e: Element) => e.getBoundingClientRect().width > 0;
    const highlighted = [
      ...root.querySelectorAll('.canvas > .sheet > svg[role="group"] [data-highlighted]'),
    ];
    return {
      rootHighlighting: root.hasAttribute('data-highlighting'),
      fadeOpacity: Number(getComputedStyle(fade).opacity),
      names: [...fade.querySelectorAll('text')].filter(shown).length,
      pickedNodes: picks.querySelectorAll('g.node').length,
      pickedEdges: picks.querySelectorAll('g.edge:not([data-hover])').length,
      highlightedNodes: highlighted.filter((e) => e.matches('g.node')).length,
      highlightedEdges: highlighted.filter((e) => e.matches('g.edge')).length,
      // Every circle of the drawing, as drawn: a highlight must leave them all as they were.
      circles: [...root.querySelectorAll('.canvas > .sheet > svg[role="group"] circle')]
        .map((c) => {
          const s = getComputedStyle(c);
          return `${s.opacity} ${s.fillOpacity} ${s.strokeOpacity} ${s.stroke}`;
        })
        .join('|'),
    };
  });
}

describe('a large diagram', () => {
  test('highlights in layers over the drawing, leaving the drawing as it was', async () => {
    const page = await open();
    const before = await layers(page);
    expect(before.fadeOpacity).toBe(0);
    expect(before.pickedNodes + before.pickedEdges).toBe(0);

    const target = await nodeInView(page);
    await hoverNode(page, target.id);
    const during = await layers(page);
    // The contract: what is linked carries data-highlighted…
    expect(during.highlightedNodes).toBeGreaterThan(1);
    expect(during.highlightedEdges).toBeGreaterThan(0);
    // …and is drawn again over the veil, once each; the drawing under it is untouched.
    expect(during.pickedNodes).toBe(during.highlightedNodes);
    expect(during.pickedEdges).toBe(during.highlightedEdges);
    expect(during.circles).toBe(before.circles);
    expect(during.rootHighlighting).toBe(false);
    // Every actor's name is drawn again above the veil, so that faded names stay readable.
    expect(during.names).toBe(ACTORS);
    // Copies are decoration: not in the accessibility tree, not found by id queries.
    expect(await page.locator(`[data-diagram] [data-actor="${target.id}"]`).count()).toBe(1);
    expect(await page.locator('svg.picks-layer').getAttribute('aria-hidden')).toBe('true');

    await page.mouse.move(2, 2);
    await expect.poll(async () => (await layers(page)).fadeOpacity).toBe(0);
    const after = await layers(page);
    expect(after.pickedNodes + after.pickedEdges).toBe(0);
    expect(after.highlightedNodes + after.highlightedEdges).toBe(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`faded names keep 4.5:1 against the page in ${scheme} mode, under a veil that fades the shapes`, async () => {
      const page = await open(scheme);
      const target = await nodeInView(page);
      await hoverNode(page, target.id);
      const look = await page.evaluate(() => {
        const fade = document.querySelector('svg.fade-layer');
        const name = fade?.querySelector('text');
        const veil = fade?.querySelector('.veil');
        if (!fade || !name || !veil) throw new Error('no fade layer');
        // `rgb(r, g, b)` in 0–255, or `color(srgb r g b)` in 0–1 (what color-mix() computes to).
        const rgb = (value: string) => {
          const scale = value.startsWith('color(') ? 255 : 1;
          return (value.match(/[\d.]+/g) ?? [])
            .slice(0, 3)
            .map((n) => Math.round(Number(n) * scale));
        };
        return {
          name: rgb(getComputedStyle(name).fill),
          veil: rgb(getComputedStyle(veil).fill),
          veilOpacity: Number(getComputedStyle(veil).fillOpacity),
          page: rgb(getComputedStyle(document.body).backgroundColor),
        };
      });
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (c: number) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const [hi, lo] = [luminance(look.name), luminance(look.page)].sort((a, b) => b - a);
      expect(((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)).toBeGreaterThanOrEqual(4.5);
      // The veil is the page's own colour, thick enough to fade shapes to 15 %.
      expect(look.veil).toEqual(look.page);
      expect(look.veilOpacity).toBeCloseTo(0.85);
    });
  }

  test('a drag draws in its own layer; afterwards the copies and the faded name stand where the node now is', async () => {
    const page = await open();
    const target = await nodeInView(page);
    const at = await hoverNode(page, target.id);
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await page.mouse.move(at.x + 6 * i, at.y + 4 * i);
    // While the drag runs, its own layer draws what moves and the highlight's layers step aside.
    const midDrag = await page.evaluate(() => ({
      moving: document.querySelectorAll('[data-diagram] .drag-layer circle').length,
      fade: getComputedStyle(document.querySelector('svg.fade-layer') as Element).display,
      picks: getComputedStyle(document.querySelector('svg.picks-layer') as Element).display,
    }));
    expect(midDrag).toEqual({ moving: expect.any(Number), fade: 'none', picks: 'none' });
    expect(midDrag.moving).toBeGreaterThan(0);
    await page.mouse.up();
    await expect
      .poll(() => page.locator('[data-diagram] .drag-layer circle').count(), { timeout: 10_000 })
      .toBe(0);
    // Away and back onto the node where it now is (pressing it focused it, which highlights too).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(2, 2);
    await expect.poll(async () => (await layers(page)).fadeOpacity).toBe(0);
    await hoverNode(page, target.id);
    const where = await page.evaluate((id) => {
      const original = document.querySelector(`[data-diagram] [data-actor="${id}"]`);
      const circle = original?.querySelector('circle');
      const label = original?.querySelector('text');
      const at = (e: Element | null | undefined) =>
        `${e?.getAttribute('cx')},${e?.getAttribute('cy')}`;
      const textAt = (e: Element | null | undefined) =>
        `${e?.getAttribute('x')},${e?.getAttribute('y')}`;
      const copies = [...document.querySelectorAll('svg.picks-layer g.node circle')].map(at);
      const names = [...document.querySelectorAll('svg.fade-layer text')].map(textAt);
      return { circle: at(circle), label: textAt(label), copies, names };
    }, target.id);
    expect(where.copies).toContain(where.circle);
    expect(where.names).toContain(where.label);
  });

  test('a released drag comes to rest within its time limit even when frames are slow', async () => {
    // With motion: the neighbours follow and cool after the release.
    const page = await open('light', 'no-preference');
    const target = await nodeInView(page);
    const at = await hoverNode(page, target.id);
    const cx = () =>
      page.locator(`[data-diagram] [data-actor="${target.id}"] circle`).getAttribute('cx');
    const before = await cx();
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await page.mouse.move(at.x + 6 * i, at.y + 4 * i);
    // From here every frame takes 120 ms: cooling tick by tick (about 110 ticks) would take 13 s.
    await page.evaluate(() => {
      const slow = () => {
        const until = performance.now() + 120;
        while (performance.now() < until) {
          // busy, as a slow frame is
        }
        requestAnimationFrame(slow);
      };
      requestAnimationFrame(slow);
    });
    expect(await page.locator('[data-diagram] .drag-layer circle').count()).toBeGreaterThan(0);
    await page.mouse.up();
    const released = Date.now();
    await expect
      .poll(() => page.locator('[data-diagram] .drag-layer circle').count(), { timeout: 8_000 })
      .toBe(0);
    // 2.5 s of cooling, plus the slow frames the test itself waits through.
    expect(Date.now() - released).toBeLessThan(6_000);
    expect(await cx()).not.toBe(before);
  });

  test('the edge under the pointer is drawn over the rest with its label, without restyling the drawing', async () => {
    const page = await open();
    const before = await layers(page);
    const point = await page.evaluate(() => {
      const canvas = document.querySelector('[data-diagram] .canvas')?.getBoundingClientRect();
      for (const path of document.querySelectorAll<SVGPathElement>(
        '[data-diagram] g.edge > path:not(.hit)',
      )) {
        const matrix = path.getScreenCTM();
        if (!matrix || !canvas) continue;
        const p = path.getPointAtLength(path.getTotalLength() / 2);
        const q = new DOMPoint(p.x, p.y).matrixTransform(matrix);
        const inside =
          q.x > canvas.x + 60 &&
          q.y > canvas.y + 60 &&
          q.x < canvas.right - 60 &&
          q.y < canvas.bottom - 60;
        const hit = inside ? document.elementFromPoint(q.x, q.y) : null;
        const group = hit?.closest<SVGGElement>('g.edge[data-relation]');
        if (group?.querySelector('text[data-label-hidden]'))
          return { x: q.x, y: q.y, id: group.dataset.relation };
      }
      return undefined;
    });
    expect(point).toBeDefined();
    if (!point) return;
    await page.mouse.move(point.x, point.y);
    const hovered = page.locator('svg.picks-layer g.edge[data-hover]');
    await expect.poll(() => hovered.count()).toBe(1);
    expect(await hovered.locator('text').evaluate((e) => getComputedStyle(e).display)).not.toBe(
      'none',
    );
    // The original's hidden label stays hidden, and no circle of the drawing changed.
    const original = page.locator(`[data-diagram] [data-relation="${point.id}"] text`);
    expect(await original.evaluate((e) => getComputedStyle(e).display)).toBe('none');
    expect((await layers(page)).circles).toBe(before.circles);
    await page.mouse.move(2, 2);
    await expect.poll(() => hovered.count()).toBe(0);
  });

  test('filtered actors leave the faded names too', async () => {
    const page = await open();
    const kinds = page.locator('[data-diagram] button[data-filter-actor-kind]');
    const first = kinds.first();
    const kind = await first.getAttribute('data-filter-actor-kind');
    await first.click();
    const hidden = await page.locator(`[data-diagram] g.node[data-filtered]`).count();
    expect(hidden).toBeGreaterThan(0);
    expect(kind).toBeTruthy();
    const target = await nodeInView(page);
    await hoverNode(page, target.id);
    expect((await layers(page)).names).toBe(ACTORS - hidden);
  });
});

describe('the table of all relations on a large story', () => {
  test('starts closed, so the page does not render its rows, and opens on its summary', async () => {
    const page = await open();
    const details = page.locator('details.long-table');
    await expect(details.getAttribute('open')).resolves.toBeNull();
    const rows = await page.locator('details.long-table tbody tr').count();
    expect(rows).toBe(ACTORS * 3);
    await expect(page.locator('details.long-table summary').textContent()).resolves.toBe(
      `The table of all ${rows} relations`,
    );
    // Closed: the browser skips its contents (no boxes), however far the page scrolls.
    const firstRow = page.locator('details.long-table tbody tr').first();
    await page.locator('details.long-table summary').scrollIntoViewIfNeeded();
    await expect(firstRow.isVisible()).resolves.toBe(false);
    await page.locator('details.long-table summary').click();
    await expect(details.getAttribute('open')).resolves.toBe('');
    await firstRow.scrollIntoViewIfNeeded();
    await expect(firstRow.isVisible()).resolves.toBe(true);
  });
});
