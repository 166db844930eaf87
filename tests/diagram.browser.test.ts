/**
 * The interactive diagram in Debian's Chromium, on the fixture story: zoom,
 * drag, highlight, selection and panel, legend filters, search, keyboard,
 * the URL view state (restore, time window, event) and the JavaScript size.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { settle, siteInBrowser, watchedPages } from './helpers/site.ts';

const DESKTOP = { width: 1280, height: 900 };
/** Most JavaScript (gzip) a page with the diagram may load. */
const JS_BUDGET = 40 * 1024;
/** Long enough for d3's softened drag to move the neighbours a little. */
const SETTLE_MS = 400;

const site = siteInBrowser();
const pages = watchedPages(site);

/** Opens a page of the fixture site with the diagram enhanced; reduced motion unless asked otherwise. */
async function open(route: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await pages.open(route, { viewport: DESKTOP, reducedMotion: 'reduce', ...options });
  await page.locator('[data-diagram][data-enhanced]').waitFor({ state: 'attached' });
  await settle(page);
  return page;
}

/** The zoom transform of the drawing: translate and scale. */
async function transformOf(page: Page): Promise<{ x: number; y: number; k: number }> {
  const value = (await page.locator('[data-diagram] g.viewport').getAttribute('transform')) ?? '';
  const match = value.match(/translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/);
  if (!match) throw new Error(`unexpected transform ${value}`);
  return { x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) };
}

/** The centre of an element on screen. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The screen point halfway along an edge's path. */
async function edgeMiddle(page: Page, relation: string): Promise<{ x: number; y: number }> {
  return page.evaluate((id) => {
    const path = document.querySelector<SVGPathElement>(`[data-relation="${id}"] path`);
    const matrix = path?.getScreenCTM();
    if (!path || !matrix) throw new Error(`no edge ${id}`);
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const q = new DOMPoint(p.x, p.y).matrixTransform(matrix);
    return { x: q.x, y: q.y };
  }, relation);
}

/** The view in the page's URL hash, read in the page (Playwright's own record of the URL may lag a pushState). */
async function hashOf(page: Page): Promise<URLSearchParams> {
  return new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
}

const node = (id: string) => `[data-diagram] [data-actor="${id}"]`;
const edge = (id: string) => `[data-diagram] [data-relation="${id}"]`;

describe('the URL', () => {
  test('keeps the view in the hash even on a path with a doubled slash', async () => {
    // `//graph/` alone reads as a host: the view must be written on the whole URL.
    const page = await open('/graph/');
    expect(new URL(page.url()).pathname).toBe('//graph/');
    await page.locator('[data-diagram] button[data-filter-actor-kind="media"]').click();
    expect((await hashOf(page)).get('hideactor')).toBe('media');
    expect(new URL(page.url()).pathname).toBe('//graph/');
  });
});

describe('zoom and pan', () => {
  test('the wheel zooms the drawing about the pointer', async () => {
    const page = await open('graph/');
    const before = await transformOf(page);
    const centre = await centreOf(page, '[data-diagram] .canvas > .sheet > svg');
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await transformOf(page)).k).toBeGreaterThan(before.k * 1.2);
  });

  test('during a wheel gesture only the painted sheet moves, unclipped; the drawing takes the transform when it ends, clipped again at rest', async () => {
    const page = await open('graph/');
    const sheet = page.locator('[data-diagram] .canvas > .sheet');
    const clip = () => sheet.evaluate((element) => getComputedStyle(element).overflow);
    // The first view shows the whole drawing: nothing to clip, so the clip is not switched.
    await page.waitForTimeout(1500);
    expect(await clip()).toBe('visible');
    // Zoomed in, the drawing reaches beyond the canvas; at rest the sheet clips it (cheap to paint and layer after a highlight).
    for (let i = 0; i < 3; i += 1)
      await page.locator('[data-diagram]').getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(clip, { timeout: 5000 }).toBe('hidden');
    const before = await transformOf(page);
    // Dispatched and read in one task, so d3-zoom's end-of-gesture timer cannot run in between.
    const during = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('[data-diagram] svg[role="group"]');
      const moved = svg?.parentElement;
      if (!svg || !moved) throw new Error('no diagram');
      const box = svg.getBoundingClientRect();
      const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
      svg.dispatchEvent(
        new WheelEvent('wheel', { ...at, deltaY: -200, bubbles: true, cancelable: true }),
      );
      return {
        css: moved.style.transform,
        own: svg.style.transform,
        g: svg.querySelector('g.viewport')?.getAttribute('transform'),
        // While it moves, what lies beyond the canvas is painted too, so a pan shows no blank strips.
        overflow: getComputedStyle(moved).overflow,
      };
    });
    expect(during.css).toMatch(/translate\(.+\) scale\(1\.\d+\)/);
    expect(during.own).toBe('');
    expect(during.overflow).toBe('visible');
    expect(during.g).toBe(`translate(${before.x},${before.y}) scale(${before.k})`);
    await expect.poll(async () => (await transformOf(page)).k).toBeGreaterThan(before.k * 1.1);
    expect(await sheet.evaluate((element: HTMLElement) => element.style.transform)).toBe('');
    await expect.poll(clip, { timeout: 5000 }).toBe('hidden');
  });

  test('a wheel gesture that d3-zoom ends while more wheel events wait behind a long frame is not committed in between', async () => {
    const page = await open('graph/');
    const before = await transformOf(page);
    const result = await page.evaluate(async () => {
      const svg = document.querySelector<SVGSVGElement>('[data-diagram] svg[role="group"]');
      if (!svg) throw new Error('no diagram');
      const box = svg.getBoundingClientRect();
      const wheel = () =>
        svg.dispatchEvent(
          new WheelEvent('wheel', {
            clientX: box.x + box.width / 2,
            clientY: box.y + box.height / 2,
            deltaY: -100,
            bubbles: true,
            cancelable: true,
          }),
        );
      const committed = () => svg.querySelector('g.viewport')?.getAttribute('transform');
      wheel();
      // A frame longer than d3-zoom's 150 ms wheel wait: its end-of-gesture timer is due when it is over.
      const until = performance.now() + 250;
      while (performance.now() < until) {
        // busy, as a long frame is
      }
      // A timer with a delay runs after the overdue one, d3-zoom's end (one without may run before it).
      await new Promise((resolve) => setTimeout(resolve, 1));
      const afterEnd = committed();
      // The next wheel event of the same gesture, handled before the next frame.
      wheel();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { afterEnd, afterNext: committed(), moved: svg.parentElement?.style.transform };
    });
    const first = `translate(${before.x},${before.y}) scale(${before.k})`;
    expect(result.afterEnd).toBe(first);
    expect(result.afterNext).toBe(first);
    expect(result.moved).toMatch(/scale\(1\.\d+\)/);
    // Once the wheel rests, the drawing takes the transform of both events.
    await expect.poll(async () => (await transformOf(page)).k).toBeGreaterThan(before.k * 1.2);
  });

  test('dragging the background pans, double-click zooms in', async () => {
    const page = await open('graph/');
    const svg = await page.locator('[data-diagram] .canvas > .sheet > svg').boundingBox();
    if (!svg) throw new Error('no canvas');
    const before = await transformOf(page);
    // An empty spot near the bottom right of the canvas.
    const x = svg.x + svg.width - 60;
    const y = svg.y + svg.height - 80;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 50, y - 30, { steps: 5 });
    await page.mouse.up();
    const panned = await transformOf(page);
    expect(panned.x).toBeCloseTo(before.x - 50, 0);
    expect(panned.y).toBeCloseTo(before.y - 30, 0);
    await page.mouse.dblclick(x, y);
    await expect.poll(async () => (await transformOf(page)).k).toBeCloseTo(before.k * 2, 5);
  });

  test('the buttons zoom in and out, Fit shows everything and Reset restores the first view', async () => {
    const page = await open('graph/');
    const first = await transformOf(page);
    await page.locator('[data-diagram]').getByRole('button', { name: 'Zoom in' }).click();
    expect((await transformOf(page)).k).toBeCloseTo(first.k * 1.5, 5);
    await page.locator('[data-diagram]').getByRole('button', { name: 'Zoom in' }).click();
    await page.locator('[data-diagram]').getByRole('button', { name: 'Zoom out' }).click();
    expect((await transformOf(page)).k).toBeCloseTo(first.k * 1.5, 5);
    await page.locator('[data-diagram]').getByRole('button', { name: 'Fit' }).click();
    // Fit brings every node inside the canvas.
    const canvas = await page.locator('[data-diagram] .canvas').boundingBox();
    for (const circle of await page.locator('[data-diagram] [data-actor] circle').all()) {
      const box = await circle.boundingBox();
      expect(
        box && canvas && box.x >= canvas.x && box.x + box.width <= canvas.x + canvas.width,
      ).toBe(true);
      expect(
        box && canvas && box.y >= canvas.y && box.y + box.height <= canvas.y + canvas.height,
      ).toBe(true);
    }
    await page.locator('[data-diagram]').getByRole('button', { name: 'Reset' }).click();
    expect(await transformOf(page)).toEqual(first);
  });

  test('the view cannot be zoomed out or panned without limit', async () => {
    const page = await open('graph/');
    const canvas = await page.locator('[data-diagram] .canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, 2000);
    expect((await transformOf(page)).k).toBeGreaterThan(0.2);
    // Drag the background far to the left and up: part of the drawing stays on the canvas.
    const start = { x: canvas.x + canvas.width - 10, y: canvas.y + canvas.height - 60 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 3000, start.y - 3000, { steps: 10 });
    await page.mouse.up();
    const drawing = await page.locator('[data-diagram] g.viewport').boundingBox();
    if (!drawing) throw new Error('no drawing');
    expect(drawing.x + drawing.width).toBeGreaterThan(canvas.x + 20);
    expect(drawing.y + drawing.height).toBeGreaterThan(canvas.y + 20);
  });
});

describe('dragging a node', () => {
  test('moves its circle, its edges and its label, pins it, and the neighbours follow', async () => {
    const page = await open('graph/', { reducedMotion: 'no-preference' });
    const circle = page.locator(`${node('northland')} circle`);
    const cx = Number(await circle.getAttribute('cx'));
    const neighbour = page.locator(`${node('southland')} circle`);
    const neighbourCx = Number(await neighbour.getAttribute('cx'));
    const pathBefore = await page
      .locator(`${edge('wire-service-reports-on-northland')} path`)
      .first()
      .getAttribute('d');
    const start = await centreOf(page, `${node('northland')} circle`);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 60, start.y + 40, { steps: 8 });
    await page.waitForTimeout(SETTLE_MS);
    await page.mouse.up();
    const k = (await transformOf(page)).k;
    expect(Number(await circle.getAttribute('cx'))).toBeCloseTo(cx - 60 / k, 0);
    expect(await page.locator(node('northland')).getAttribute('data-pinned')).toBe('');
    expect(
      await page
        .locator(`${edge('wire-service-reports-on-northland')} path`)
        .first()
        .getAttribute('d'),
    ).not.toBe(pathBefore);
    // Southland is tied to Northland by three relations: it follows, but less far.
    const moved = neighbourCx - Number(await neighbour.getAttribute('cx'));
    expect(moved).toBeGreaterThan(1);
    expect(moved).toBeLessThan(60 / k);
    // A drag is not a click: nothing got selected.
    expect((await hashOf(page)).get('actor')).toBeNull();
    // A double-click lets the node go (and does not zoom).
    const before = await transformOf(page);
    const at = await centreOf(page, `${node('northland')} circle`);
    await page.mouse.dblclick(at.x, at.y);
    expect(await page.locator(node('northland')).getAttribute('data-pinned')).toBeNull();
    expect((await transformOf(page)).k).toBe(before.k);
  });

  test('Reset puts every node back where the build drew it', async () => {
    const page = await open('graph/');
    const circle = page.locator(`${node('harbour-board')} circle`);
    const baked = { cx: await circle.getAttribute('cx'), cy: await circle.getAttribute('cy') };
    const start = await centreOf(page, `${node('harbour-board')} circle`);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 40, { steps: 4 });
    await page.mouse.up();
    expect(await circle.getAttribute('cx')).not.toBe(baked.cx);
    await page.locator('[data-diagram]').getByRole('button', { name: 'Reset' }).click();
    expect({ cx: await circle.getAttribute('cx'), cy: await circle.getAttribute('cy') }).toEqual(
      baked,
    );
    expect(await page.locator(node('harbour-board')).getAttribute('data-pinned')).toBeNull();
  });
});

describe('highlight, selection and the detail panel', () => {
  test('hovering a node highlights it, its relations and neighbours, and fades the rest', async () => {
    const page = await open('graph/');
    await page.locator(`${node('harbour-board')} circle`).hover();
    expect(await page.locator('[data-diagram]').getAttribute('data-highlighting')).toBe('');
    const highlighted = await page
      .locator('[data-diagram] [data-highlighted]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-actor') ?? e.getAttribute('data-relation')),
      );
    expect(highlighted.sort()).toEqual([
      'harbour-board',
      'mayor-ada',
      'mayor-ada-heads-harbour-board',
    ]);
    await expect
      .poll(() =>
        // The shape fades; its name stays readable (a muted colour, tests/a11y.test.ts measures it).
        page
          .locator(`${node('northland')} circle`)
          .evaluate((e) => Number(getComputedStyle(e).opacity)),
      )
      .toBeLessThan(0.5);
    await page.mouse.move(1, 1);
    expect(await page.locator('[data-diagram]').getAttribute('data-highlighting')).toBeNull();
  });

  test('a click selects the actor instead of following its link, and the panel shows its relations with evidence', async () => {
    const page = await open('graph/');
    const path = new URL(page.url()).pathname;
    await page.locator(`${node('southland')} circle`).click();
    expect(new URL(page.url()).pathname).toBe(path);
    expect((await hashOf(page)).get('actor')).toBe('southland');
    expect(await page.locator(node('southland')).getAttribute('aria-current')).toBe('true');
    const panel = page.locator('[data-diagram] aside');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByRole('heading').textContent()).toBe('Southland');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('State');
    expect(text).toContain('3 relations');
    expect(text).toContain('Northland — presses to reopen the harbour → Southland');
    expect(text).toContain('Southland — trades with — Northland');
    expect(text).toContain('2030 – April 2031');
    expect(text).toContain('reopen the harbour at once');
    expect(await panel.locator('a[href="/articles/harbour-talks/"]').first().textContent()).toBe(
      'Northland presses Southland over the harbour',
    );
    expect(await panel.locator('a[href="/actors/southland/"]').count()).toBe(1);
    expect(await page.locator('[data-diagram] [data-live]').textContent()).toBe(
      'Southland selected: 3 relations',
    );
    // Its neighbours and relations stay highlighted while it is selected.
    await page.mouse.move(1, 1);
    expect(await page.locator(node('northland')).getAttribute('data-highlighted')).toBe('');
    expect(await page.locator(node('mayor-ada')).getAttribute('data-highlighted')).toBeNull();
  });

  test('a click on an edge shows that relation: sentence, dates, evidence', async () => {
    const page = await open('graph/');
    const at = await edgeMiddle(page, 'wire-service-reports-on-northland');
    await page.mouse.click(at.x, at.y);
    expect((await hashOf(page)).get('relation')).toBe('wire-service-reports-on-northland');
    expect(
      await page.locator(edge('wire-service-reports-on-northland')).getAttribute('aria-current'),
    ).toBe('true');
    const panel = page.locator('[data-diagram] aside');
    expect(await panel.getByRole('heading').textContent()).toBe(
      'Wire Service — reports on → Northland',
    );
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Information · reports on');
    expect(text).toContain('since 10 May 2031');
    expect(text).toContain('Northland said');
    // The actors of the relation are one click away.
    await panel.getByRole('button', { name: 'Northland' }).click();
    expect((await hashOf(page)).get('actor')).toBe('northland');
    expect((await hashOf(page)).get('relation')).toBeNull();
  });

  test('a relation in the actor panel opens that relation, Escape and the close button clear', async () => {
    const page = await open('graph/#actor=mayor-ada');
    const panel = page.locator('[data-diagram] aside');
    await panel.getByRole('button', { name: 'Ada Ørsted-Lin heads Harbour Board' }).click();
    expect((await hashOf(page)).get('relation')).toBe('mayor-ada-heads-harbour-board');
    await page.keyboard.press('Escape');
    expect(page.url()).not.toContain('#relation');
    expect(await panel.isVisible()).toBe(false);
    await page.locator(`${node('northland')} circle`).click();
    await panel.getByRole('button', { name: 'Close details' }).click();
    expect((await hashOf(page)).get('actor')).toBeNull();
    expect(await page.locator('[data-diagram] [aria-current]').count()).toBe(0);
  });
});

describe('legend filters and labels', () => {
  test('legend entries are toggle buttons that hide relations and write the URL', async () => {
    const page = await open('graph/');
    const conflict = page.locator('[data-diagram] button[data-filter-category="conflict"]');
    expect(await conflict.getAttribute('aria-pressed')).toBe('true');
    await conflict.click();
    expect(await conflict.getAttribute('aria-pressed')).toBe('false');
    expect(
      await page.locator(edge('northland-quarrels-with-southland')).getAttribute('data-filtered'),
    ).toBe('');
    expect(await page.locator(edge('northland-quarrels-with-southland')).isVisible()).toBe(false);
    expect((await hashOf(page)).get('hidecat')).toBe('conflict');

    await page.locator('[data-diagram] button[data-filter-kind="heads"]').click();
    expect(
      await page.locator(edge('mayor-ada-heads-harbour-board')).getAttribute('data-filtered'),
    ).toBe('');
    expect((await hashOf(page)).get('hide')).toBe('heads');

    await page.locator('[data-diagram] button[data-filter-actor-kind="media"]').click();
    expect(await page.locator(node('wire-service')).getAttribute('data-filtered')).toBe('');
    expect(
      await page.locator(edge('wire-service-reports-on-northland')).getAttribute('data-filtered'),
    ).toBe('');
    expect((await hashOf(page)).get('hideactor')).toBe('media');

    await conflict.click();
    expect(
      await page.locator(edge('northland-quarrels-with-southland')).getAttribute('data-filtered'),
    ).toBeNull();
    expect((await hashOf(page)).get('hidecat')).toBeNull();
    // Filters are restored from the URL.
    await page.reload();
    await page.locator('[data-diagram][data-enhanced]').waitFor({ state: 'attached' });
    await settle(page);
    expect(
      await page
        .locator('[data-diagram] button[data-filter-kind="heads"]')
        .getAttribute('aria-pressed'),
    ).toBe('false');
    expect(await page.locator(node('wire-service')).getAttribute('data-filtered')).toBe('');
  });

  test('the label toggle hides and shows the relation labels', async () => {
    const page = await open('graph/');
    const toggle = page.getByRole('button', { name: 'Relation labels' });
    const label = page.locator(`${edge('mayor-ada-heads-harbour-board')} text`);
    expect(await label.isVisible()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await label.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await label.isVisible()).toBe(true);
  });
});

describe('search', () => {
  test('finds an actor without its accents and selects, focuses and reveals it', async () => {
    const page = await open('graph/');
    const search = page.locator('[data-diagram] input[type="search"]');
    await search.fill('orsted');
    const options = page.locator('[data-diagram] [role="listbox"] [role="option"]');
    expect(await options.allTextContents()).toEqual(['Ada Ørsted-Lin']);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await search.press('ArrowDown');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    expect((await hashOf(page)).get('actor')).toBe('mayor-ada');
    expect(await page.locator(node('mayor-ada')).getAttribute('aria-current')).toBe('true');
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('[data-actor]')?.getAttribute('data-actor'),
      ),
    ).toBe('mayor-ada');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
  });

  test('matches aliases and says which one', async () => {
    const page = await open('graph/');
    await page.locator('[data-diagram] input[type="search"]').fill('the north');
    const option = page.locator('[data-diagram] [role="option"]');
    expect(await option.allTextContents()).toEqual(['Northland (the North)']);
    await option.click();
    expect((await hashOf(page)).get('actor')).toBe('northland');
  });
});

describe('keyboard', () => {
  test('Tab reaches every node left to right; arrows move, Enter selects, Escape clears', async () => {
    const page = await open('graph/');
    await page.locator('[data-diagram] input[type="search"]').focus();
    const visited: string[] = [];
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.closest('[data-actor]')?.getAttribute('data-actor') ?? '',
      );
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      visited.push(await focused());
    }
    expect(new Set(visited).size).toBe(5);
    const xs = await Promise.all(
      visited.map(async (id) =>
        Number(await page.locator(`${node(id)} circle`).getAttribute('cx')),
      ),
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));

    // Focus highlights like hover.
    await page.locator(`${node('wire-service')} a`).focus();
    expect(await page.locator(node('northland')).getAttribute('data-highlighted')).toBe('');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('northland');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).not.toBe('northland');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('northland');
    await page.keyboard.press('Enter');
    expect((await hashOf(page)).get('actor')).toBe('northland');
    expect(await page.locator(node('northland')).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[data-diagram] [data-live]').textContent()).toBe(
      'Northland selected: 4 relations',
    );
    await page.keyboard.press('Escape');
    expect((await hashOf(page)).get('actor')).toBeNull();
    expect(await page.locator(node('northland')).getAttribute('aria-current')).toBeNull();
    expect(await page.locator('[data-diagram] aside').isVisible()).toBe(false);
  });

  test('the focused node shows a visible focus ring', async () => {
    const page = await open('graph/');
    await page.locator('[data-diagram] input[type="search"]').focus();
    await page.keyboard.press('Tab');
    // Polled: the site's reduced-motion rule turns every style change into a 0.01 ms transition.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const circle = document.activeElement?.querySelector('circle');
          return circle ? Number.parseFloat(getComputedStyle(circle).strokeWidth) : 0;
        }),
      )
      .toBeGreaterThanOrEqual(3);
  });
});

describe('the view in the URL', () => {
  test('#actor= restores the selection and opens the panel', async () => {
    const page = await open('graph/#actor=southland');
    expect(await page.locator(node('southland')).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('[data-diagram] aside').getByRole('heading').textContent()).toBe(
      'Southland',
    );
    // Back and Forward step through selections.
    await page.locator(`${node('northland')} circle`).click();
    await page.goBack();
    await expect
      .poll(() => page.locator(node('southland')).getAttribute('aria-current'))
      .toBe('true');
  });

  test('a time window hides the relations not active in it and says so', async () => {
    const page = await open('graph/#from=2031-05&to=2031-05');
    expect(
      await page.locator(edge('northland-trades-with-southland')).getAttribute('data-filtered'),
    ).toBe('');
    expect(
      await page.locator(edge('mayor-ada-heads-harbour-board')).getAttribute('data-filtered'),
    ).toBeNull();
    expect(
      await page.locator(edge('northland-pressures-southland')).getAttribute('data-filtered'),
    ).toBeNull();
    const readout = page.locator('[data-diagram] .readout');
    expect(await readout.isVisible()).toBe(true);
    expect(await readout.locator('.readout-text').textContent()).toBe(
      'Relations active in May 2031: 4 of 5',
    );
    // A window set later (as the timeline's brush does) applies at once; Show all clears it.
    await page.evaluate(() => {
      location.hash = '#from=2030&to=2030';
    });
    await expect
      .poll(() => readout.locator('.readout-text').textContent())
      .toBe('Relations active in 2030: 2 of 5');
    expect(
      await page.locator(edge('northland-trades-with-southland')).getAttribute('data-filtered'),
    ).toBeNull();
    await readout.getByRole('button', { name: 'Show all' }).click();
    expect(await readout.isVisible()).toBe(false);
    expect(await page.locator('[data-diagram] [data-filtered]').count()).toBe(0);
  });

  test("#event= highlights the event's actors", async () => {
    const page = await open('graph/#event=harbour-closed');
    expect(await page.locator(node('southland')).getAttribute('data-highlighted')).toBe('');
    expect(await page.locator(node('harbour-board')).getAttribute('data-highlighted')).toBe('');
    expect(await page.locator(node('northland')).getAttribute('data-highlighted')).toBeNull();
  });
});

describe('every diagram, every device', () => {
  test.each([
    ['the article page', 'articles/harbour-talks/'],
    ["the actor page's ego network", 'actors/southland/'],
  ])('%s gets the same behaviour', async (_name, route) => {
    const page = await open(route);
    await page.locator(`${node('northland')} circle`).click();
    expect((await hashOf(page)).get('actor')).toBe('northland');
    expect(await page.locator('[data-diagram] aside').isVisible()).toBe(true);
    await page.locator('[data-diagram] input[type="search"]').fill('south');
    expect(await page.locator('[data-diagram] [role="option"]').first().textContent()).toBe(
      'Southland',
    );
  });

  test('a tap selects on a phone', async () => {
    const page = await open('graph/', {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await page.locator(`${node('southland')} circle`).tap();
    expect((await hashOf(page)).get('actor')).toBe('southland');
    expect(await page.locator('[data-diagram] aside').isVisible()).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

describe('without JavaScript', () => {
  test('the drawing shows and no control that needs a script does', async () => {
    const context = await pages.context({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}graph/`);
    expect(await page.locator('[data-diagram] [data-actor] circle').count()).toBe(5);
    for (const selector of [
      'input[type="search"]',
      '.zoom',
      '.panel',
      '.label-toggle',
      '.hint',
      '.readout',
    ]) {
      expect(await page.locator(`[data-diagram] ${selector}`).isVisible(), selector).toBe(false);
    }
    // Legend entries stay plain list items; nodes stay links to the actor pages.
    expect(await page.locator('[data-diagram] li[data-filter-category="conflict"]').count()).toBe(
      1,
    );
    await page.locator(`${node('southland')} circle`).click();
    expect(new URL(page.url()).pathname).toBe('/actors/southland/');
  });
});

describe('JavaScript', () => {
  /** Gzip size of a page's module scripts and every chunk they import. */
  async function scriptSize(route: string): Promise<{ bytes: number; files: string[] }> {
    const dist = inject('fixtureDist');
    const html = await readFile(path.join(dist, route, 'index.html'), 'utf8');
    const seen = new Map<string, number>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      const code = await readFile(path.join(dist, file));
      seen.set(file, gzipSync(code, { level: 9 }).length);
      for (const m of code.toString().matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
        await visit(path.posix.join(path.posix.dirname(file), m[1] ?? ''));
      }
    };
    for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) await visit(m[1] ?? '');
    return { bytes: [...seen.values()].reduce((a, b) => a + b, 0), files: [...seen.keys()] };
  }

  test('the diagram script and what it imports stay within the budget; pages without a diagram load none of it', async () => {
    const graph = await scriptSize('graph/');
    const diagramEntry = graph.files.find((f) => f.includes('Diagram'));
    expect(diagramEntry).toBeTruthy();
    const dist = inject('fixtureDist');
    const entryCode = await readFile(path.join(dist, diagramEntry ?? ''), 'utf8');
    let diagramBytes = gzipSync(entryCode, { level: 9 }).length;
    for (const m of entryCode.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const chunk = path.posix.join(path.posix.dirname(diagramEntry ?? ''), m[1] ?? '');
      diagramBytes += gzipSync(await readFile(path.join(dist, chunk)), { level: 9 }).length;
    }
    console.info(
      `graph page JS: ${graph.bytes} B gzip in total; the diagram's share: ${diagramBytes} B`,
    );
    expect(diagramBytes).toBeLessThanOrEqual(JS_BUDGET);
    for (const route of ['actors/', 'timeline/', '']) {
      expect((await scriptSize(route)).files.some((f) => f.includes('Diagram'))).toBe(false);
    }
  });
});
