/**
 * Enhancement does not move the page: the diagram and the timeline are drawn
 * at build time, and when their scripts take over (zoomable canvas, legend
 * toggles, timeline controls, overview strip, hints) nothing on screen may
 * jump. Measured with the browser's own Layout Instability API on the
 * fixture story, at desktop and phone size.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  enhanceTimeline,
  layoutShifts,
  PAGE_TYPES,
  recordLayoutShifts,
  settle,
  siteInBrowser,
  watchedPages,
} from './helpers/site.ts';

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Most layout shift (the browser's score: share of the view that moved times
 * how far) allowed on the timeline page; 0.1 is the web's own bar for "good".
 */
const MOST_TIMELINE_SHIFT = 0.01;

const site = siteInBrowser();
const pages = watchedPages(site);

/** Opens `route` recording layout shifts, and waits until `ready` says the page's widgets are enhanced. */
async function openRecording(
  route: string,
  viewport: { width: number; height: number },
  ready: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await pages.context({ viewport });
  await recordLayoutShifts(context);
  const page = await context.newPage();
  await page.goto(site.server.url + route);
  await ready(page);
  await settle(page);
  return page;
}

const diagramReady = async (page: Page) => {
  await page.locator('[data-diagram][data-enhanced]').first().waitFor({ state: 'attached' });
};

describe('enhancing a page moves nothing on it', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    for (const type of ['graph', 'actor', 'article'] as const) {
      test(`the diagram of the ${type} page, ${name}`, async () => {
        const page = await openRecording(PAGE_TYPES[type], viewport, diagramReady);
        expect(await layoutShifts(page)).toEqual([]);
      });
    }

    test(`the timeline page, ${name}`, async () => {
      const page = await openRecording(PAGE_TYPES.timeline, viewport, enhanceTimeline);
      expect(await page.locator('[data-timeline-controls]').isVisible()).toBe(true);
      const shifts = await layoutShifts(page);
      // The controls, the chart and its strip keep their place. The chart is drawn at build time
      // for a 960px column; at a phone's width its events may need another lane, which moves
      // only what follows the chart, by that lane.
      const moved = shifts.flatMap((shift) => shift.sources);
      expect(moved.filter((source) => !source.startsWith('figcaption.legend'))).toEqual([]);
      const score = shifts.reduce((sum, shift) => sum + shift.value, 0);
      expect(score).toBeLessThan(MOST_TIMELINE_SHIFT);
    });
  }
});

describe('the recorder', () => {
  test('sees a shift when something moves the page', async () => {
    // The check above is only worth something if a real jump would show up in it.
    const page = await openRecording(PAGE_TYPES.graph, VIEWPORTS.desktop, diagramReady);
    await page.evaluate(() => {
      const block = document.createElement('div');
      block.style.height = '120px';
      document.querySelector('main')?.prepend(block);
    });
    await expect.poll(async () => (await layoutShifts(page)).length).toBeGreaterThan(0);
  });
});
