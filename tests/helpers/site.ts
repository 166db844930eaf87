/**
 * The setup every browser test file shares: the built fixture site served on
 * loopback and one headless Debian Chromium, started once before the file's
 * tests and closed after them.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
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

/** Waits two frames, so resize observers and the first redraw after a change have run. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/**
 * Scrolls the page's first timeline into view and waits until its script has
 * enhanced it: the script loads only when the reader comes near a timeline.
 */
export async function enhanceTimeline(page: Page): Promise<void> {
  await page.locator('[data-timeline]').first().scrollIntoViewIfNeeded();
  await page.locator('[data-timeline].is-interactive').first().waitFor({ state: 'attached' });
  // Its controls appear as it wakes up; a size change from them is redrawn on the next frame.
  await settle(page);
}

/** Opens pages of a served site for the tests of one file. */
export interface WatchedPages {
  /** A page of `route` (appended to the site's URL as it is) in a context of its own with `options`, loaded. */
  open(route: string, options?: BrowserContextOptions): Promise<Page>;
  /** A context of its own with `options`, closed after the test like the pages'. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers an `afterEach` hook that closes every context a test opened and
 * fails the test if any of its pages logged an error or a warning to the
 * console or threw an uncaught exception.
 */
export function watchedPages(site: SiteInBrowser): WatchedPages {
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    const found = problems;
    problems = [];
    expect(found).toEqual([]);
  });
  const context = async (options: BrowserContextOptions = {}) => {
    const opened = await site.browser.newContext(options);
    contexts.push(opened);
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    opened.on('weberror', (error) => problems.push(error.error().message));
    return opened;
  };
  return {
    context,
    async open(route, options = {}) {
      const page = await (await context(options)).newPage();
      await page.goto(site.server.url + route);
      return page;
    },
  };
}

/**
 * Records every layout shift on pages of `context` from their first paint
 * on (the Layout Instability API); read them with `layoutShifts`.
 */
export async function recordLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    Reflect.set(window, '__layoutShifts', shifts);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: { node?: Node | null }[];
        };
        if (shift.hadRecentInput) continue;
        const sources = (shift.sources ?? []).map((source) => {
          const node = source.node;
          return node instanceof Element
            ? `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''}`
            : String(node?.nodeName);
        });
        shifts.push({ value: shift.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts recorded on `page` so far (see recordLayoutShifts), with the elements that moved. */
export async function layoutShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(() => Reflect.get(window, '__layoutShifts') ?? []);
}
