/** The header search in Debian's Chromium: `/` focuses it, Pagefind finds pages and events, keys move and open results. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { SEARCH_BUNDLE_DIR } from '../src/integration/search.ts';
import { siteInBrowser } from './helpers/site.ts';

const BOX = '#site-search-input';
const OPTIONS = '#site-search-results [role="option"]';

let context: BrowserContext | undefined;

/** The fixture build, with the Pagefind bundle the search integration put in it. */
async function searchableDist(): Promise<string> {
  const dist = inject('fixtureDist');
  if (!existsSync(path.join(dist, SEARCH_BUNDLE_DIR, 'pagefind.js')))
    throw new Error(`the fixture build has no search bundle in ${dist}`);
  return dist;
}

const site = siteInBrowser(searchableDist);

/** A fresh page that records console errors, page errors and failed requests. */
async function open(
  route: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(site.server.url + route);
  return { page, problems, requests };
}

/** Hrefs of the listed results, once at least one result shows. */
async function resultLinks(page: Page): Promise<string[]> {
  await page.locator(OPTIONS).first().waitFor();
  return page
    .locator(`${OPTIONS} a`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

afterEach(async () => {
  await context?.close();
  context = undefined;
});

describe('header search', () => {
  test('loads nothing of the search until the box is used; `/` focuses it', async () => {
    const { page, problems, requests } = await open('actors/');
    await expect(page.locator(BOX).isVisible()).resolves.toBe(true);
    expect(requests.some((url) => url.includes('pagefind'))).toBe(false);
    expect(requests.some((url) => url.includes('site-search-panel'))).toBe(false);
    const loaded = page.waitForRequest((r) => r.url().endsWith('/pagefind/pagefind.js'));
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'site-search-input',
    );
    await loaded;
    // Typed inside the box, `/` is text, not the shortcut.
    await page.keyboard.type('a/b');
    await expect(page.locator(BOX).inputValue()).resolves.toBe('a/b');
    expect(problems).toEqual([]);
  });

  test('finds the person by a name with a diacritic', async () => {
    const { page, problems } = await open('');
    await page.locator(BOX).click();
    await page.keyboard.type('Ørsted');
    const links = await resultLinks(page);
    expect(links[0]).toBe('/actors/mayor-ada/');
    await expect(
      page.locator(OPTIONS).first().locator('.result-title').textContent(),
    ).resolves.toBe('Ada Ørsted-Lin');
    await expect(page.locator(OPTIONS).first().locator('.result-type').textContent()).resolves.toBe(
      'Actor',
    );
    expect(problems).toEqual([]);
  });

  test('lists stories, actors and single events for "harbour", with highlights and a count', async () => {
    const { page, problems } = await open('timeline/');
    await page.keyboard.press('/');
    await page.keyboard.type('harbour');
    const links = await resultLinks(page);
    expect(links).toContain('/articles/harbour-talks/');
    expect(links).toContain('/actors/harbour-board/');
    expect(links).toContain('/timeline/#event-harbour-closed');
    const types = await page.locator(`${OPTIONS} .result-type`).allTextContents();
    expect(new Set(types)).toEqual(new Set(['Story', 'Actor', 'Event']));
    expect(await page.locator(`${OPTIONS} mark`).count()).toBeGreaterThan(0);
    await expect(page.locator(BOX).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('[role="status"].search-status').textContent()).resolves.toMatch(
      new RegExp(`${links.length} results`),
    );
    expect(problems).toEqual([]);
  });

  test('arrow keys choose a result and Enter opens it', async () => {
    const { page, problems } = await open('');
    await page.keyboard.press('/');
    await page.keyboard.type('harbour');
    const links = await resultLinks(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = page.locator(OPTIONS).nth(1);
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator(BOX).getAttribute('aria-activedescendant')).resolves.toBe(
      await second.getAttribute('id'),
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // Up from the first wraps to the last.
    await expect(page.locator(OPTIONS).last().getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    const target = new URL(links[0] ?? '', site.server.url).href;
    await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
    expect(problems).toEqual([]);
  });

  test('Escape closes the list, and a second Escape clears the box', async () => {
    const { page } = await open('');
    await page.keyboard.press('/');
    await page.keyboard.type('harbour');
    await resultLinks(page);
    await page.keyboard.press('Escape');
    await expect(page.locator(BOX).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('#site-search-results').isVisible()).resolves.toBe(false);
    await page.keyboard.press('Escape');
    await expect(page.locator(BOX).inputValue()).resolves.toBe('');
  });

  test('says so when nothing matches', async () => {
    const { page } = await open('');
    await page.keyboard.press('/');
    await page.keyboard.type('zzyzx');
    await expect
      .poll(() => page.locator('.search-status').textContent())
      .toBe('No results for “zzyzx”');
    expect(await page.locator(OPTIONS).count()).toBe(0);
  });

  test('is hidden without JavaScript, and `/` does nothing', async () => {
    const { page } = await open('', { javaScriptEnabled: false });
    await expect(page.locator('site-search').isVisible()).resolves.toBe(false);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.not.toBe('INPUT');
  });
});
