/** Smoke test in Debian's Chromium: every page type loads with no console errors, at desktop and phone size. */
import { describe, expect, test } from 'vitest';
import { PAGE_TYPES, siteInBrowser } from './helpers/site.ts';

const PAGES = PAGE_TYPES;

const site = siteInBrowser();

describe.each([
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
])('%s', (_name, viewport) => {
  test.each(Object.entries(PAGES))('%s page loads cleanly', async (_page, route) => {
    const context = await site.browser.newContext({ viewport });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    const missing = route === 'no-such-page/';
    const response = await page.goto(site.server.url + route, { waitUntil: 'load' });
    expect(response?.status()).toBe(missing ? 404 : 200);
    // The 404 page's own status is logged by Chromium as a failed resource; nothing else may be.
    if (missing) problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('404')));
    await expect(page.locator('h1').count()).resolves.toBe(1);
    // Nothing sticks out sideways on a phone except what scrolls inside its own box.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('diagram and timeline are drawn without JavaScript', async () => {
    const context = await site.browser.newContext({ viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}articles/harbour-talks/`);
    const nodes = page.locator('[data-diagram] [data-actor] circle');
    expect(await nodes.count()).toBe(5);
    const box = await nodes.first().boundingBox();
    expect(box?.width).toBeGreaterThan(4);
    expect(await page.locator('[data-timeline] [data-event]').count()).toBe(3);
    const diagramBox = await page.locator('[data-diagram] svg[role="group"]').boundingBox();
    expect(diagramBox?.height).toBeGreaterThan(150);
    await context.close();
  });
});
