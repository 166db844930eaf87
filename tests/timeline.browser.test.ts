/**
 * The interactive timeline in Debian's Chromium, on the fixture story: zoom, Fit, keyboard,
 * selection in the URL, the brush and its window, linked highlighting with the diagram,
 * grouping, tooltips, sharing, Back/Forward. Every test also fails on console errors.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { enhanceTimeline, siteInBrowser } from './helpers/site.ts';

const ARTICLE = 'articles/harbour-talks/';
const ALL_EVENTS = 'timeline/';
/** The article's events in time order. */
const ARTICLE_ORDER = ['spring-tension', 'harbour-closed', 'gazette-report'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const site = siteInBrowser();

/** A page at `route` (with an optional hash) whose console errors are collected. */
async function open(
  route: string,
  options: {
    viewport?: { width: number; height: number };
    permissions?: string[];
    reducedMotion?: 'reduce';
  } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await site.browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  if (options.permissions) {
    await context.grantPermissions(options.permissions, {
      origin: new URL(site.server.url).origin,
    });
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(site.server.url + route, { waitUntil: 'load' });
  // Mouse gestures need the drawing on screen; coming near it also loads its script.
  await enhanceTimeline(page);
  return { page, context, problems };
}

/** Centre x of an event's mark in CSS px. */
async function markX(page: Page, id: string): Promise<number> {
  const box = await page.locator(`[data-timeline] [data-event="${id}"] .mark`).boundingBox();
  if (!box) throw new Error(`no mark for ${id}`);
  return box.x + box.width / 2;
}

/** Ids carrying an attribute among the timeline's events. */
async function eventsWith(page: Page, attribute: string): Promise<string[]> {
  return page
    .locator(`[data-timeline] [data-event][${attribute}]`)
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-event') ?? ''));
}

const current = (page: Page) => eventsWith(page, 'aria-current="true"');

/** Screen x (CSS px) of an instant on the overview strip. */
async function overviewX(page: Page, iso: string): Promise<number> {
  return page.evaluate((ms) => {
    const chart = document.querySelector('[data-timeline] svg.chart') as SVGSVGElement;
    const strip = document.querySelector('[data-timeline] svg.overview') as SVGSVGElement;
    const d0 = Number(chart.dataset.domainStart);
    const d1 = Number(chart.dataset.domainEnd);
    const rect = strip.getBoundingClientRect();
    const width = strip.viewBox.baseVal.width;
    const margin = 16;
    const x = margin + ((ms - d0) / (d1 - d0)) * (width - 2 * margin);
    return rect.left + (x * rect.width) / width;
  }, Date.parse(iso));
}

describe('zoom and pan', () => {
  test('wheel zoom moves marks apart and refines the axis; Fit restores the view', async () => {
    const { page, context, problems } = await open(ARTICLE);
    const before = [await markX(page, 'harbour-closed'), await markX(page, 'gazette-report')];
    const ticksBefore = await page.locator('[data-timeline] .axis .tick text').allTextContents();
    const chart = await page.locator('[data-timeline] svg.chart').boundingBox();
    if (!chart) throw new Error('no chart');
    await page.mouse.move(before[0] as number, chart.y + chart.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await expect
      .poll(
        async () => (await markX(page, 'gazette-report')) - (await markX(page, 'harbour-closed')),
      )
      .toBeGreaterThan(((before[1] as number) - (before[0] as number)) * 2);
    const ticksAfter = await page.locator('[data-timeline] .axis .tick text').allTextContents();
    expect(ticksAfter).not.toEqual(ticksBefore);

    await page.locator('[data-timeline] [data-zoom="fit"]').click();
    // Both marks back where they were (the transition moves both, so wait for both at once).
    await expect
      .poll(async () =>
        Math.max(
          Math.abs((await markX(page, 'harbour-closed')) - (before[0] as number)),
          Math.abs((await markX(page, 'gazette-report')) - (before[1] as number)),
        ),
      )
      .toBeLessThan(0.5);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('keys zoom and fit, at once when the reader prefers reduced motion', async () => {
    const { page, context, problems } = await open(ARTICLE, { reducedMotion: 'reduce' });
    const ticks = () => page.locator('[data-timeline] .axis .tick text').allTextContents();
    const before = await ticks();
    const x = await markX(page, 'spring-tension');
    await page.locator('[data-timeline] a.event-link[tabindex="0"]').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    // No transition: the next frame already shows the new zoom.
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await ticks()).not.toEqual(before);
    await page.keyboard.press('0');
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await ticks()).toEqual(before);
    expect(await markX(page, 'spring-tension')).toBeCloseTo(x, 0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('labels in one lane never overlap at any zoom', async () => {
    const { page, context, problems } = await open(ALL_EVENTS);
    const overlaps = () =>
      page.evaluate(() => {
        let found = 0;
        // Compare in screen coordinates: labels of one lane share a baseline.
        const rects = [
          ...document.querySelectorAll<SVGTextElement>('[data-timeline] g.event text.label'),
        ]
          .map((t) => ({
            lane: (t.parentNode as SVGGElement).dataset.lane,
            r: t.getBoundingClientRect(),
          }))
          .filter((l) => l.r.width > 0);
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++) {
            const a = rects[i];
            const b = rects[j];
            if (!a || !b || a.lane !== b.lane) continue;
            if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1) found++;
          }
        }
        return found;
      });
    expect(await overlaps()).toBe(0);
    const chart = await page.locator('[data-timeline] svg.chart').boundingBox();
    if (!chart) throw new Error('no chart');
    await page.mouse.move(chart.x + chart.width * 0.8, chart.y + chart.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(50);
      expect(await overlaps()).toBe(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('selection', () => {
  test('arrow keys, Home and End move the selection in time order', async () => {
    const { page, context, problems } = await open(ARTICLE);
    await page.locator('[data-timeline] a.event-link[tabindex="0"]').focus();
    await page.keyboard.press('Home');
    expect(await current(page)).toEqual([ARTICLE_ORDER[0]]);
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toEqual([ARTICLE_ORDER[1]]);
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toEqual([ARTICLE_ORDER[2]]);
    await page.keyboard.press('ArrowRight');
    expect(await current(page)).toEqual([ARTICLE_ORDER[2]]);
    await page.keyboard.press('Home');
    expect(await current(page)).toEqual([ARTICLE_ORDER[0]]);
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toEqual([ARTICLE_ORDER[0]]);
    await page.keyboard.press('End');
    expect(await current(page)).toEqual([ARTICLE_ORDER[2]]);
    // Focus follows the selection, and the URL holds it.
    expect(
      await page.evaluate(() =>
        document.activeElement?.querySelector('[data-event]')?.getAttribute('data-event'),
      ),
    ).toBe(ARTICLE_ORDER[2]);
    expect(new URL(page.url()).hash).toBe(`#event=${ARTICLE_ORDER[2]}`);
    await page.keyboard.press('Escape');
    expect(await current(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a click selects the event, puts it in the URL and opens its details', async () => {
    const { page, context, problems } = await open(ARTICLE);
    await page.locator('[data-timeline] [data-event="harbour-closed"] .mark').click();
    expect(await current(page)).toEqual(['harbour-closed']);
    expect(new URL(page.url()).hash).toBe('#event=harbour-closed');
    const details = page.locator('[data-timeline-details]');
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = await details.textContent();
    expect(text).toContain('The harbour is closed');
    expect(text).toContain('2 May 2031');
    expect(text).toContain('Southland');
    expect(text).toContain('the harbour shut its gates');
    expect(await details.locator('a[href$="/actors/southland/"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('selecting an event highlights its actors in the diagram', async () => {
    const { page, context, problems } = await open(ARTICLE);
    await page.locator('[data-timeline] [data-event="harbour-closed"] .mark').click();
    const highlighted = page.locator('[data-diagram] [data-actor][data-highlighted]');
    await expect
      .poll(() =>
        highlighted.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-actor')).sort()),
      )
      .toEqual(['harbour-board', 'southland']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('an actor in the URL highlights its events', async () => {
    const { page, context, problems } = await open(`${ARTICLE}#actor=southland`);
    expect((await eventsWith(page, 'data-highlighted')).sort()).toEqual([
      'harbour-closed',
      'spring-tension',
    ]);
    await page.evaluate(() => {
      location.hash = '#actor=wire-service';
    });
    await expect.poll(() => eventsWith(page, 'data-highlighted')).toEqual(['gazette-report']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a link to an event-list anchor selects that event on the timeline page', async () => {
    const { page, context, problems } = await open(`${ALL_EVENTS}#event-harbour-closed`);
    await expect.poll(() => current(page)).toEqual(['harbour-closed']);
    expect(new URL(page.url()).hash).toBe('#event=harbour-closed');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('Back and Forward step through selections', async () => {
    const { page, context, problems } = await open(ARTICLE);
    await page.locator('[data-timeline] [data-event="harbour-closed"] .mark').click();
    await page.locator('[data-timeline] [data-event="gazette-report"] .mark').click();
    expect(await current(page)).toEqual(['gazette-report']);
    await page.goBack();
    await expect.poll(() => current(page)).toEqual(['harbour-closed']);
    await page.goBack();
    await expect.poll(() => current(page)).toEqual([]);
    await page.goForward();
    await expect.poll(() => current(page)).toEqual(['harbour-closed']);
    await page.goForward();
    await expect.poll(() => current(page)).toEqual(['gazette-report']);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('hovering a mark shows its date, title, actors and evidence', async () => {
    const { page, context, problems } = await open(ARTICLE);
    await page.locator('[data-timeline] [data-event="harbour-closed"] .mark').hover();
    const tooltip = page.locator('[data-timeline-tooltip]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.textContent();
    expect(text).toContain('2 May 2031');
    expect(text).toContain('The harbour is closed');
    expect(text).toContain('Southland, Harbour Board');
    expect(text).toContain('the harbour shut its gates');
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltip.isVisible()).toBe(false);
    // The month-precise span keeps its approximate date.
    await page.locator('[data-timeline] [data-event="spring-tension"] .mark').hover();
    await expect.poll(() => tooltip.textContent()).toContain('c. March – May 2031');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('time window', () => {
  test('brushing filters timeline events and diagram relations, and writes the URL', async () => {
    const { page, context, problems } = await open(ARTICLE);
    const strip = await page.locator('[data-timeline] svg.overview').boundingBox();
    if (!strip) throw new Error('no overview strip');
    const y = strip.y + strip.height / 2;
    await page.mouse.move(await overviewX(page, '2031-05-05T12:00Z'), y);
    await page.mouse.down();
    await page.mouse.move(await overviewX(page, '2031-05-12T12:00Z'), y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).hash).toBe('#from=2031-05-05&to=2031-05-12');
    expect(await eventsWith(page, 'data-filtered')).toEqual(['harbour-closed']);
    await expect
      .poll(() =>
        page
          .locator('[data-diagram] [data-relation][data-filtered]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-relation'))),
      )
      .toEqual(['northland-trades-with-southland']);

    // Clicking the strip outside the brush clears the window.
    const after = await page.locator('[data-timeline] svg.overview').boundingBox();
    if (!after) throw new Error('no overview strip');
    await page.mouse.click(await overviewX(page, '2031-03-10T00:00Z'), after.y + after.height / 2);
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(await eventsWith(page, 'data-filtered')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a window in the URL draws the brush and fills the date fields', async () => {
    const { page, context, problems } = await open(`${ALL_EVENTS}#from=2031-05&to=2031-05-31`);
    expect(await eventsWith(page, 'data-filtered')).toEqual(['trade-year']);
    const selection = await page.locator('[data-timeline] .overview .selection').boundingBox();
    if (!selection) throw new Error('no brush selection');
    // Within a px and a half: the brush is drawn in the strip's own (rounded) px.
    expect(Math.abs(selection.x - (await overviewX(page, '2031-05-01T00:00Z')))).toBeLessThan(1.5);
    expect(
      Math.abs(selection.x + selection.width - (await overviewX(page, '2031-06-01T00:00Z'))),
    ).toBeLessThan(1.5);
    expect(await page.locator('[data-window-from]').inputValue()).toBe('2031-05-01');
    expect(await page.locator('[data-window-to]').inputValue()).toBe('2031-05-31');
    await page.locator('[data-window-clear]').click();
    await expect.poll(() => eventsWith(page, 'data-filtered')).toEqual([]);
    expect(await page.locator('[data-timeline] .overview .selection').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('controls', () => {
  test('grouping by actor draws a band per actor with echoes of shared events', async () => {
    const { page, context, problems } = await open(ARTICLE);
    await page.locator('[data-timeline]').getByRole('radio', { name: 'actor' }).check();
    const bands = await page.locator('[data-timeline] .band-label').allTextContents();
    expect(bands).toEqual(expect.arrayContaining(['Southland', 'Northland', 'Harbour Board']));
    expect(await page.locator('[data-timeline] [data-event]').count()).toBe(3);
    expect(await page.locator('[data-timeline] [data-echo-of="harbour-closed"]').count()).toBe(1);
    await page.locator('[data-timeline]').getByRole('radio', { name: 'kind' }).check();
    expect(await page.locator('[data-timeline] .band-label').allTextContents()).toEqual([
      'Statement',
      'Report',
      'Other',
    ]);
    expect(await page.locator('[data-timeline] [data-echo-of]').count()).toBe(0);
    await page.locator('[data-timeline]').getByRole('radio', { name: 'none' }).check();
    expect(await page.locator('[data-timeline] .band-label').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('"Share this view" copies the URL and confirms it', async () => {
    const { page, context, problems } = await open(`${ARTICLE}#actor=southland`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.locator('[data-timeline]').getByRole('button', { name: 'Share this view' }).click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toContain('copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(problems).toEqual([]);
    await context.close();
  });

  test('without clipboard access, "Share this view" selects the link in a field', async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${site.server.url}${ARTICLE}#event=harbour-closed`);
    await enhanceTimeline(page);
    await page.locator('[data-timeline]').getByRole('button', { name: 'Share this view' }).click();
    const field = page.locator('[data-share-url]');
    await expect.poll(() => field.isVisible()).toBe(true);
    expect(await field.inputValue()).toBe(page.url());
    expect(
      await field.evaluate(
        (input: HTMLInputElement) => (input.selectionEnd ?? 0) - (input.selectionStart ?? 0),
      ),
    ).toBe(page.url().length);
    expect(await page.locator('[data-share-status]').textContent()).toContain(
      'Copy the selected link',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test('on a phone the timeline fits the screen and zooms instead of scrolling', async () => {
    const { page, context, problems } = await open(ARTICLE, { viewport: PHONE });
    const fit = await page.evaluate(() => {
      const chart = document.querySelector('[data-timeline] svg.chart') as SVGSVGElement;
      return {
        viewBox: chart.viewBox.baseVal.width,
        width: chart.getBoundingClientRect().width,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(Math.abs(fit.viewBox - fit.width)).toBeLessThanOrEqual(1);
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('loading', () => {
  test("the timeline's script loads only when the reader reaches it, then enhances it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 400 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.server.url}articles/harbour-talks/`, { waitUntil: 'networkidle' });
    const distance = await page.evaluate(
      () =>
        (document.querySelector('[data-timeline]')?.getBoundingClientRect().top ?? 0) - innerHeight,
    );
    // The page must be long enough for the timeline to start below the screen.
    expect(distance).toBeGreaterThan(100);
    const loaded = () => page.evaluate(() => customElements.get('story-timeline') !== undefined);
    expect(await loaded()).toBe(false);
    const before = scripts.length;
    await page.locator('[data-timeline]').scrollIntoViewIfNeeded();
    await page.locator('[data-timeline].is-interactive').waitFor({ state: 'attached' });
    expect(await loaded()).toBe(true);
    expect(scripts.length).toBeGreaterThan(before);
    await context.close();
  });
});
