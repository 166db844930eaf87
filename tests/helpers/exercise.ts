/**
 * Reader interactions that wake every script of a page: the diagram (zoom,
 * hover, click a node, legend toggle, search), the timeline (click an event,
 * keys) and the header search. Generic over the story: they pick the first
 * node, event or legend entry, so any built site can be exercised.
 */
import type { Page } from 'playwright-core';
import { enhanceTimeline, settle } from './site.ts';

const DIAGRAM = '[data-diagram][data-enhanced]';

/** Zooms, hovers and clicks a node (opening the panel), toggles a legend entry and searches; no-op without a diagram. */
export async function useDiagram(page: Page, query?: string): Promise<boolean> {
  if ((await page.locator('[data-diagram]').count()) === 0) return false;
  await page.locator(DIAGRAM).first().waitFor({ state: 'attached' });
  const root = page.locator(DIAGRAM).first();
  const canvas = root.locator('.canvas > .sheet > svg');
  const box = await canvas.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
  }
  await root.locator('button[data-zoom="in"]').click();
  await root.locator('button[data-zoom="fit"]').click();
  const circle = root.locator('[data-actor] circle').first();
  await circle.hover();
  await circle.click();
  await root.locator('.panel:not([hidden])').waitFor();
  // A relation sentence in the panel selects the relation.
  const sentence = root.locator('.panel-body button.sentence').first();
  if ((await sentence.count()) > 0) await sentence.click();
  const toggle = root.locator('.legend button[data-filter-category]').first();
  if ((await toggle.count()) > 0) {
    await toggle.click();
    await toggle.click();
  }
  const search = root.locator('input[type="search"]');
  const name = query ?? (await root.locator('[data-actor] title').first().textContent()) ?? '';
  await search.fill(name.slice(0, 3));
  await search.press('ArrowDown');
  await search.press('Enter');
  await page.keyboard.press('Escape');
  await settle(page);
  return true;
}

/** Clicks the first event, moves with the keys and zooms with `+`; no-op without a timeline. */
export async function useTimeline(page: Page): Promise<boolean> {
  if ((await page.locator('[data-timeline]').count()) === 0) return false;
  await enhanceTimeline(page);
  const mark = page.locator('[data-timeline] [data-event] .mark').first();
  await mark.hover();
  await mark.click();
  await page.locator('[data-timeline] a.event-link[tabindex="0"]').first().focus();
  for (const key of ['End', 'ArrowLeft', 'Home', 'ArrowRight', '+', '0', 'Escape'])
    await page.keyboard.press(key);
  await settle(page);
  return true;
}

/** Types `query` into the header search and waits until it answers; returns how many results it listed. */
export async function useHeaderSearch(page: Page, query: string): Promise<number> {
  await page.keyboard.press('Escape');
  await page.locator('#site-search-input').click();
  await page.keyboard.type(query);
  const status = page.locator('site-search .search-status');
  await status.filter({ hasText: /result/i }).waitFor();
  const count = await page.locator('#site-search-results [role="option"]').count();
  if (count > 0) {
    await page.keyboard.press('ArrowDown');
    await page.locator('#site-search-results [role="option"]').first().hover();
  }
  await page.keyboard.press('Escape');
  return count;
}
