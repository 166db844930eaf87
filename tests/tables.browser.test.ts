/**
 * Relation tables at phone size, in Debian's Chromium: a table wider than
 * the screen scrolls sideways in its own box, and its caption wraps within
 * the screen and stays in view while it does.
 */
import { describe, expect, test } from 'vitest';
import { PAGE_TYPES, siteInBrowser, watchedPages } from './helpers/site.ts';

const PHONE = { width: 390, height: 844 };

const site = siteInBrowser();
const pages = watchedPages(site);

describe('a relation table on a phone', () => {
  for (const type of ['graph', 'actor'] as const) {
    test(`keeps its caption on screen, scrolled or not, on the ${type} page`, async () => {
      const page = await pages.open(PAGE_TYPES[type], { viewport: PHONE });
      const scroller = page.locator('.table-scroll:has(table.relations)').first();
      await scroller.scrollIntoViewIfNeeded();
      // Worth checking only if the table is wider than the screen.
      const { scrollWidth, clientWidth } = await scroller.evaluate((e) => ({
        scrollWidth: e.scrollWidth,
        clientWidth: e.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      const caption = scroller.locator('caption > .caption-text');
      for (const left of [0, scrollWidth]) {
        await scroller.evaluate((e, x) => {
          e.scrollLeft = x;
        }, left);
        const box = await caption.boundingBox();
        expect(box).not.toBeNull();
        expect(box?.x).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      }
    });
  }
});
