/**
 * Names in any script: the fixture story plus Japanese, accented, Arabic and
 * Hebrew names builds; the actors index sorts them with the site language's
 * collation; right-to-left names are isolated (`dir="auto"`) wherever they
 * are shown in HTML, drawn right to left in the diagram's and the timeline's
 * SVG, and isolated in the diagram's panel and search and in the timeline's
 * tooltip and details panel.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Browser } from 'playwright-core';
import { visitParents } from 'unist-util-visit-parents';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../scripts/lib/browser.ts';
import { type StaticServer, serveStatic } from '../scripts/lib/serve.ts';
import { FIXTURE_CONTENT } from './global-setup.ts';
import { buildSite } from './helpers/build.ts';
import { select, selectAll, text } from './helpers/html.ts';
import { enhanceTimeline } from './helpers/site.ts';

/** People added to the fixture story, by id. */
const PEOPLE: Record<string, { name: string; role?: string; affiliation?: string }> = {
  emile: { name: 'Émile Zola' },
  eliza: { name: 'Eliza Doolittle' },
  fritz: { name: 'Fritz Haber' },
  zed: { name: 'Zed Zeta' },
  kishida: { name: '岸田文雄', role: '内閣総理大臣' },
  mbs: { name: 'محمد بن سلمان (MBS)', role: 'ولي العهد' },
  netanyahu: { name: 'בנימין נתניהו', role: 'ראש הממשלה', affiliation: 'mbs' },
};

/** Characters of right-to-left scripts. */
const RTL_TEXT = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
/** The article of the fixture story that gets the new people. */
const ARTICLE = 'harbour-talks';

let dist: string;
let browser: Browser;
let server: StaticServer;

/** The fixture story plus the people above, in relations, an event and the article's agency chain. */
async function writeStory(dir: string): Promise<void> {
  await cp(FIXTURE_CONTENT, dir, { recursive: true });
  for (const [id, person] of Object.entries(PEOPLE)) {
    const lines = [`name: "${person.name}"`, 'kind: person'];
    if (person.role) lines.push(`role: "${person.role}"`);
    if (person.affiliation) lines.push(`affiliation: ${person.affiliation}`);
    await writeFile(
      path.join(dir, 'actors', `${id}.md`),
      `---\n${lines.join('\n')}\n---\nA profile.\n`,
    );
  }
  const relation = (from: string, to: string, label: string) =>
    `---\nfrom: ${from}\nto: ${to}\nkind: pressures\nlabel: "${label}"\narticles: [${ARTICLE}]\nevidence:\n  - quote: "«${label}»"\n    article: ${ARTICLE}\n---\n`;
  await writeFile(
    path.join(dir, 'relations', 'mbs-presses-northland.md'),
    relation('mbs', 'northland', 'يضغط على'),
  );
  await writeFile(
    path.join(dir, 'relations', 'netanyahu-presses-mbs.md'),
    relation('netanyahu', 'mbs', 'לוחץ על'),
  );
  await writeFile(
    path.join(dir, 'relations', 'kishida-presses-emile.md'),
    relation('kishida', 'emile', 'presses'),
  );
  await writeFile(
    path.join(dir, 'events', 'riyadh-talks.md'),
    `---\ntitle: "محادثات الرياض"\ndate: 2031-05-04\nkind: meeting\nactors: [mbs, netanyahu, northland]\narticles: [${ARTICLE}]\n---\n`,
  );
  const article = path.join(dir, 'articles', `${ARTICLE}.md`);
  const source = await readFile(article, 'utf8');
  await writeFile(article, source.replace('via: [wire-service]', 'via: [wire-service, mbs]'));
}

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'dramatis-unicode-'));
  await writeStory(path.join(root, 'content'));
  const outcome = await buildSite(path.join(root, 'content'), {}, path.join(root, 'dist'));
  if (outcome.code !== 0)
    throw new Error(`build failed (exit ${outcome.code}):\n${outcome.stderr.slice(-4000)}`);
  dist = outcome.outDir;
  server = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function page(file: string): Promise<Root> {
  return fromHtml(await readFile(path.join(dist, file), 'utf8'));
}

describe('the actors index', () => {
  test('sorts names with the site language’s collation, not by code point', async () => {
    const tree = await page('actors/index.html');
    const people = select('#kind-person', tree)
      ? selectAll('section[aria-labelledby="kind-person"] .name', tree)
      : [];
    const names = people.map((a) => text(a));
    const expected = [...names].sort(new Intl.Collator('en').compare);
    expect(names).toEqual(expected);
    // Discriminates: by code point, "Émile" would come after "Zed", and the CJK and RTL names elsewhere.
    expect(names.indexOf('Émile Zola')).toBeGreaterThan(names.indexOf('Eliza Doolittle'));
    expect(names.indexOf('Émile Zola')).toBeLessThan(names.indexOf('Fritz Haber'));
    expect([...names].sort()).not.toEqual(names);
    for (const person of Object.values(PEOPLE)) expect(names).toContain(person.name);
  });
});

describe('right-to-left text in the pages', () => {
  test('is isolated with dir="auto" wherever the HTML shows it', async () => {
    const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
    const bare: string[] = [];
    let seen = 0;
    for (const file of files) {
      const tree = await page(file);
      visitParents(tree, 'text', (node, ancestors) => {
        if (!RTL_TEXT.test(node.value)) return;
        const elements = ancestors.filter((a): a is Element => a.type === 'element');
        const names = elements.map((e) => e.tagName);
        // Not shown as HTML text: the head, data blocks, and SVG (checked below).
        if (names.some((n) => ['head', 'script', 'svg', 'template'].includes(n))) return;
        seen += 1;
        if (!elements.some((e) => e.properties?.dir === 'auto' || e.tagName === 'bdi'))
          bare.push(`${file}: <${names.at(-1)}> "${node.value.trim().slice(0, 40)}"`);
      });
    }
    expect(seen).toBeGreaterThan(10);
    expect(bare).toEqual([]);
  });

  test('is drawn right to left in the diagram, its label still beside its node', async () => {
    const tree = await page(`articles/${ARTICLE}/index.html`);
    const label = selectAll('[data-diagram] [data-actor="mbs"] text', tree)[0];
    expect(label?.properties?.direction).toBe('rtl');
    const latin = selectAll('[data-diagram] [data-actor="northland"] text', tree)[0];
    expect(latin?.properties?.direction).toBeUndefined();
  });

  test('is drawn right to left in the timeline, before and after the script redraws it', async () => {
    const tree = await page(`articles/${ARTICLE}/index.html`);
    const label = selectAll('[data-timeline] [data-event="riyadh-talks"] text.label', tree)[0];
    expect(label?.properties?.direction).toBe('rtl');
    // Flipped anchor: the right-to-left label still starts beside its mark.
    expect(label?.properties?.textAnchor).toBe('end');
    const latin = selectAll('[data-timeline] [data-event="harbour-closed"] text.label', tree)[0];
    expect(latin?.properties?.direction).toBeUndefined();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(`${server.url}articles/${ARTICLE}/`);
    await enhanceTimeline(tab);
    const drawn = (id: string) =>
      tab
        .locator(`[data-timeline] [data-event="${id}"] text.label`)
        .evaluate((e) => [e.getAttribute('direction'), e.getAttribute('text-anchor')]);
    expect(await drawn('riyadh-talks')).toEqual(['rtl', 'end']);
    expect(await drawn('harbour-closed')).toEqual([null, 'start']);
    await context.close();
  });

  test('is isolated in the timeline’s tooltip and details panel', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const tab = await context.newPage();
    await tab.goto(`${server.url}articles/${ARTICLE}/`);
    await enhanceTimeline(tab);
    const mark = tab.locator('[data-timeline] [data-event="riyadh-talks"] .mark');
    await mark.hover();
    const tooltip = tab.locator('[data-timeline-tooltip]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('.tip-title[dir="auto"]').textContent()).toBe('محادثات الرياض');
    // Each involved actor is its own isolate: mbs, netanyahu, northland.
    expect(await tooltip.locator('.tip-actors [dir="auto"]').allTextContents()).toEqual([
      PEOPLE.mbs?.name,
      PEOPLE.netanyahu?.name,
      'Northland',
    ]);
    await mark.click();
    const details = tab.locator('[data-timeline-details]');
    await expect.poll(() => details.isVisible()).toBe(true);
    expect(await details.locator('.details-title[dir="auto"]').textContent()).toBe(
      'محادثات الرياض',
    );
    expect(await details.locator('.details-actors a[dir="auto"]').count()).toBe(3);
    // No author text in the panel outside an isolate.
    const bare = await details.evaluate((panel) => {
      const rtl = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (rtl.test(n.nodeValue ?? '') && !n.parentElement?.closest('[dir="auto"]'))
          found.push(n.nodeValue ?? '');
      return found;
    });
    expect(bare).toEqual([]);
    await context.close();
  });

  test('is isolated in the diagram’s panel and search', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    const tab = await context.newPage();
    await tab.goto(`${server.url}articles/${ARTICLE}/`);
    await tab.locator('[data-diagram][data-enhanced]').waitFor({ state: 'attached' });
    await tab.locator('[data-diagram] [data-actor="mbs"] circle').click();
    const title = tab.locator('[data-diagram] .panel-title');
    await expect.poll(() => title.textContent()).toBe(PEOPLE.mbs?.name);
    expect(await title.locator('[dir="auto"]').textContent()).toBe(PEOPLE.mbs?.name);
    // Each relation sentence isolates its names and label.
    const sentence = tab.locator('[data-diagram] .panel-body button.sentence').first();
    expect(await sentence.locator('[dir="auto"]').count()).toBe(3);
    await tab.locator('[data-diagram] input[type="search"]').fill('محمد');
    const option = tab.locator('[data-diagram] [role="option"]').first();
    expect(await option.locator('[dir="auto"]').first().textContent()).toBe(PEOPLE.mbs?.name);
    await context.close();
  });
});
