/**
 * Accessibility in Debian's Chromium with axe-core (WCAG 2.0–2.2 A and AA):
 * every page type, light and dark, desktop and phone, with the diagram and
 * timeline as they load and with a selection made. axe does not measure
 * text drawn in SVG, so the diagram's and timeline's marks and labels are
 * measured here too: 4.5:1 for text (edge labels take their category's
 * colour), 3:1 for lines and shapes (WCAG 1.4.3 and 1.4.11).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../scripts/lib/browser.ts';
import { type StaticServer, serveStatic } from '../scripts/lib/serve.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** WCAG 1.4.3: body text. */
const TEXT_CONTRAST = 4.5;
/** WCAG 1.4.11: graphical objects that carry meaning. */
const GRAPHIC_CONTRAST = 3;

const PAGES = {
  home: '',
  article: 'articles/harbour-talks/',
  actors: 'actors/',
  actor: 'actors/southland/',
  graph: 'graph/',
  timeline: 'timeline/',
  'not found': 'no-such-page/',
};

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

type Scheme = 'light' | 'dark';
type ViewportName = keyof typeof VIEWPORTS;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(inject('fixtureDist'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Rules that depend on colour. The dark scheme changes only the colour tokens
 * (tokens.css), never markup or layout, so in dark mode only these run again;
 * names, roles, structure and target sizes are checked once, in light.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** axe's violations as one line per element: rule, selector, what to fix. */
async function axeViolations(page: Page, label: string, scheme: Scheme): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const result = await (scheme === 'dark' ? builder.withRules(COLOUR_RULES) : builder).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${label}: ${v.id} ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
    ),
  );
}

/**
 * Contrast of what the diagram and timeline draw, measured in the page: each
 * visible SVG text against the background behind it, each meaningful line or
 * shape likewise, with the opacity of the element and its ancestors blended
 * in. Context faded by a highlight (everything not linked to the selection)
 * is left out: it is deliberately de-emphasised and returns on clearing it.
 */
async function svgContrastProblems(limits: { text: number; graphic: number }): Promise<string[]> {
  // Right after a change, colours and opacity may be mid-transition: measure where they settle.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  for (const animation of document.getAnimations()) animation.finish();
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | undefined => {
    const m = /rgba?\(([^)]+)\)/.exec(value);
    if (!m?.[1]) return undefined;
    const [r = 0, g = 0, b = 0, a = 1] = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [r, g, b, a];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
  };
  const luminance = ([r, g, b]: Rgba) =>
    [r, g, b]
      .map((c) => c / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + c * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
  const ratio = (x: Rgba, y: Rgba) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };
  const background = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
    }
    return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const opacity = (element: Element): number => {
    let product = 1;
    for (let e: Element | null = element; e; e = e.parentElement)
      product *= Number(getComputedStyle(e).opacity);
    return product;
  };
  const describeElement = (e: Element) => {
    const owner = e.closest('[data-actor],[data-relation],[data-event]');
    const id = owner
      ? [...owner.attributes].find((a) => /^data-(actor|relation|event)$/.test(a.name))
      : undefined;
    return `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}${id ? ` in [${id.name}="${id.value}"]` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
  };
  const FADED =
    '[data-highlighting] :is(.node, .edge, .event, .echo):not([data-highlighted], [aria-current="true"], .is-highlighted, .is-current)';
  const checks: { selector: string; paint: 'fill' | 'stroke'; min: number }[] = [
    {
      selector: '[data-diagram] svg text, [data-timeline] svg text',
      paint: 'fill',
      min: limits.text,
    },
    { selector: '[data-diagram] .edge path:not(.hit)', paint: 'stroke', min: limits.graphic },
    { selector: '[data-diagram] .node circle', paint: 'fill', min: limits.graphic },
    {
      selector: '[data-diagram] .legend .swatch, [data-diagram] .legend .dot',
      paint: 'fill',
      min: limits.graphic,
    },
    { selector: '[data-timeline] .events .mark', paint: 'fill', min: limits.graphic },
  ];
  const problems: string[] = [];
  for (const { selector, paint, min } of checks) {
    for (const element of document.querySelectorAll(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true }) || element.closest(FADED))
        continue;
      if ((element.textContent ?? '').trim() === '' && element.tagName === 'text') continue;
      // Legend swatches are HTML boxes painted with a background.
      const style = getComputedStyle(element);
      const behind = background(element.closest('svg') ?? element.parentElement ?? element);
      const contrastOf = (value: string, alpha: number): number | undefined => {
        const colour = parse(value);
        if (!colour) return undefined;
        const seen = over(
          [colour[0], colour[1], colour[2], colour[3] * alpha * opacity(element)],
          behind,
        );
        return ratio(seen, behind);
      };
      let measured: number | undefined;
      if (!(element instanceof SVGElement)) measured = contrastOf(style.backgroundColor, 1);
      else if (paint === 'stroke') measured = contrastOf(style.stroke, Number(style.strokeOpacity));
      else {
        // A shape shows by its fill or by its outline, whichever stands out more; text by its fill (its halo is the background).
        const fill = contrastOf(style.fill, Number(style.fillOpacity));
        const outline =
          element.tagName === 'text'
            ? undefined
            : contrastOf(style.stroke, Number(style.strokeOpacity));
        measured =
          fill === undefined && outline === undefined
            ? undefined
            : Math.max(fill ?? 0, outline ?? 0);
      }
      if (measured === undefined) continue;
      if (measured < min)
        problems.push(`${describeElement(element)} ${paint} ${measured.toFixed(2)}:1 < ${min}:1`);
    }
  }
  return problems;
}

/** Opens a page at a size (light scheme), once its scripts have enhanced it. */
async function open(route: string, viewport: ViewportName): Promise<Page> {
  // Full motion: the reduced-motion stylesheet turns every change into a 0.01 ms transition,
  // and parts of the page off screen (content-visibility) would report colours mid-switch.
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(server.url + route);
  if ((await page.locator('[data-diagram]').count()) > 0)
    await page.locator('[data-diagram][data-enhanced]').first().waitFor({ state: 'attached' });
  if ((await page.locator('[data-timeline]').count()) > 0)
    await page.locator('[data-timeline].is-interactive').first().waitFor({ state: 'attached' });
  return page;
}

const LIMITS = { text: TEXT_CONTRAST, graphic: GRAPHIC_CONTRAST };

/** axe and the SVG contrast measure in light, then the same page switched to dark. */
async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const backgrounds = new Set<string>();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The switch starts colour transitions (0.01 ms under reduced motion, still one frame): finish them.
    await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      for (const animation of document.getAnimations()) animation.finish();
    });
    backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    problems.push(...(await axeViolations(page, `${label} (${scheme})`, scheme)));
    problems.push(
      ...(await page.evaluate(svgContrastProblems, LIMITS)).map(
        (p) => `${label} (${scheme}): ${p}`,
      ),
    );
  }
  // The switch took: the page is painted in two different schemes.
  expect(backgrounds.size, label).toBe(2);
  return problems;
}

describe.each(['desktop', 'phone'] as const)('%s, light and dark', (viewport) => {
  test('every page type as it loads: no axe violation, SVG contrast met', async () => {
    const problems: string[] = [];
    for (const [name, route] of Object.entries(PAGES)) {
      const page = await open(route, viewport);
      problems.push(...(await audit(page, name)));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  test('with an actor selected in the diagram and an event on the timeline', async () => {
    const problems: string[] = [];
    const graph = await open(PAGES.graph, viewport);
    await graph.locator('[data-diagram] [data-actor="southland"] circle').click();
    await graph.locator('[data-diagram] .panel:not([hidden])').waitFor();
    problems.push(...(await audit(graph, 'graph, actor selected')));
    await graph.context().close();

    const article = await open(PAGES.article, viewport);
    await article.locator('[data-timeline] [data-event="harbour-closed"] .mark').click();
    await article.locator('[data-timeline-details]:not([hidden])').waitFor();
    problems.push(...(await audit(article, 'article, event selected')));
    await article.context().close();
    expect(problems).toEqual([]);
  });
});

describe('the contrast measure', () => {
  test('catches a relation colour too pale for its labels', async () => {
    // Guards the hand-written measure: a pale colour must fail it.
    const page = await open(PAGES.graph, 'desktop');
    // Through the CSSOM: the site's policy rightly refuses an injected <style>.
    await page.evaluate(() =>
      document.documentElement.style.setProperty('--cat-conflict', '#f4a0a0'),
    );
    const problems = await page.evaluate(svgContrastProblems, LIMITS);
    await page.context().close();
    for (const what of ['text.label', 'path.', 'span.swatch'])
      expect(problems).toContainEqual(expect.stringContaining(`${what} `));
    expect(
      problems.every(
        (p) => p.includes('northland-quarrels-with-southland') || p.startsWith('span.swatch'),
      ),
    ).toBe(true);
  });
});
