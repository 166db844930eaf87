/**
 * The setup every browser test file shares: the built fixture site served on
 * loopback and one headless Debian Chromium, started once before the file's
 * tests and closed after them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/serve.ts';

/** One page of each type in the fixture story, by name → site path. */
export const PAGE_TYPES = {
  home: '',
  article: 'articles/harbour-talks/',
  actors: 'actors/',
  actor: 'actors/southland/',
  graph: 'graph/',
  timeline: 'timeline/',
  'not found': 'no-such-page/',
} as const;

/** The browser and server of a test file; read them inside tests (they exist once `beforeAll` ran). */
export interface SiteInBrowser {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that serve `dist` (the fixture
 * build by default) and launch Chromium; call it at the top level of a test
 * file, after any hook that builds `dist`.
 */
export function siteInBrowser(
  dist: () => string | Promise<string> = () => inject('fixtureDist'),
): SiteInBrowser {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(await dist());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('siteInBrowser: the browser is not launched yet');
      return browser;
    },
    get server() {
      if (!server) throw new Error('siteInBrowser: the site is not served yet');
      return server;
    },
  };
}

/**
 * Scrolls the page's first timeline into view and waits until its script has
 * enhanced it: the script loads only when the reader comes near a timeline.
 */
export async function enhanceTimeline(page: Page): Promise<void> {
  await page.locator('[data-timeline]').first().scrollIntoViewIfNeeded();
  await page.locator('[data-timeline].is-interactive').first().waitFor({ state: 'attached' });
  // Its controls appear as it wakes up; a size change from them is redrawn on the next frame.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}
