/**
 * Accessibility in Debian's Chromium with axe-core (WCAG 2.0–2.2 A and AA):
 * every page type, light and dark, desktop and phone, with the diagram and
 * timeline as they load and with a selection made. axe does not measure
 * text drawn in SVG, so the diagram's and timeline's marks and labels are
 * measured here too: 4.5:1 for text (edge labels take their category's
 * colour), 3:1 for lines and shapes (WCAG 1.4.3 and 1.4.11).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { enhanceTimeline, PAGE_TYPES, siteInBrowser } from './helpers/site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** WCAG 1.4.3: body text. */
const TEXT_CONTRAST = 4.5;
/** WCAG 1.4.3: large text (24px, or bold from 18.66px). */
const LARGE_TEXT_CONTRAST = 3;
/** WCAG 1.4.11: graphical objects that carry meaning. */
const GRAPHIC_CONTRAST = 3;

const PAGES = PAGE_TYPES;

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

type Scheme = 'light' | 'dark';
type ViewportName = keyof typeof VIEWPORTS;

const site = siteInBrowser();

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
 * shape likewise, with its fill-opacity and the opacity of the element and
 * its ancestors blended in. Every text that is drawn counts, faded ones too
 * (large text, 24px or bold 18.66px as rendered, needs `limits.large`).
 * Shapes and lines faded by a highlight (everything not linked to the
 * selection) are left out: they are deliberately de-emphasised decoration
 * and return on clearing it.
 */
async function svgContrastProblems(limits: {
  text: number;
  large: number;
  graphic: number;
}): Promise<string[]> {
  // Right after a change, colours and opacity may be mid-transition: measure where they settle.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  for (const animation of document.getAnimations()) animation.finish();
  type Rgba = [number, number, number, number];
  const channels = (list: string) =>
    list
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
  const parse = (value: string): Rgba | undefined => {
    // color-mix() and other CSS Color 4 values compute to color(srgb r g b / a), channels 0–1.
    const srgb = /^color\(srgb ([^)]+)\)$/.exec(value);
    if (srgb?.[1]) {
      const [r = 0, g = 0, b = 0, a = 1] = channels(srgb[1]);
      return [r * 255, g * 255, b * 255, a];
    }
    const m = /rgba?\(([^)]+)\)/.exec(value);
    if (!m?.[1]) return undefined;
    const [r = 0, g = 0, b = 0, a = 1] = channels(m[1]);
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
  /** WCAG's large text, in CSS px as drawn (an SVG's font size scales with its zoom). */
  const LARGE_PX = 24;
  const LARGE_BOLD_PX = 18.66;
  const BOLD = 700;
  const isLarge = (element: Element): boolean => {
    const style = getComputedStyle(element);
    const ctm = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
    const px = Number.parseFloat(style.fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
    return px >= LARGE_PX || (Number(style.fontWeight) >= BOLD && px >= LARGE_BOLD_PX);
  };
  const problems: string[] = [];
  for (const { selector, paint, min: least } of checks) {
    for (const element of document.querySelectorAll(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const isText = element.tagName === 'text';
      if (!isText && element.closest(FADED)) continue;
      if ((element.textContent ?? '').trim() === '' && isText) continue;
      const min = isText && isLarge(element) ? limits.large : least;
      // Legend swatches are HTML boxes painted with a background.
      const style = getComputedStyle(element);
      const behind = background(element.closest('svg') ?? element.parentElement ?? element);
      const contrastOf = (value: string, alpha: number): number | undefined => {
        const colour = parse(value);
        if (!colour) {
          // A colour this measure cannot read must not pass unmeasured.
          if (value !== 'none')
            problems.push(`${describeElement(element)} unreadable colour ${value}`);
          return undefined;
        }
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
  const context = await site.browser.newContext({
    viewport: VIEWPORTS[viewport],
    colorScheme: 'light',
  });
  const page = await context.newPage();
  await page.goto(site.server.url + route);
  if ((await page.locator('[data-diagram]').count()) > 0)
    await page.locator('[data-diagram][data-enhanced]').first().waitFor({ state: 'attached' });
  if ((await page.locator('[data-timeline]').count()) > 0) await enhanceTimeline(page);
  return page;
}

const LIMITS = { text: TEXT_CONTRAST, large: LARGE_TEXT_CONTRAST, graphic: GRAPHIC_CONTRAST };

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
    // A legend toggle switched off, and the panel's relations it hides, read as off by colour, still legible.
    await graph.locator('[data-diagram] .legend button[data-filter-category]').first().click();
    await graph
      .locator('[data-diagram] .legend button[data-filter-category][aria-pressed="false"]')
      .waitFor();
    problems.push(...(await audit(graph, 'graph, actor selected, a category off')));
    await graph.context().close();

    const article = await open(PAGES.article, viewport);
    await article.locator('[data-timeline] [data-event="harbour-closed"] .mark').click();
    await article.locator('[data-timeline-details]:not([hidden])').waitFor();
    problems.push(...(await audit(article, 'article, event selected')));
    // An actor selected fades what is not linked to it in both the diagram and the timeline.
    await article.locator('[data-diagram] [data-actor="southland"] circle').click();
    await article.locator('[data-timeline][data-highlighting]').waitFor({ state: 'attached' });
    problems.push(...(await audit(article, 'article, actor selected')));
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

describe('faded labels', () => {
  test('the measure catches a faded name drawn at low opacity, as it used to be', async () => {
    // Guards the measure of faded text: fading a whole node or event (label included) must fail it.
    const graph = await open(PAGES.graph, 'desktop');
    await graph.locator('[data-diagram] [data-actor="southland"] circle').click();
    await graph.locator('[data-diagram][data-highlighting]').waitFor({ state: 'attached' });
    const node = await graph.evaluate(() => {
      const faded = document.querySelector<SVGGElement>(
        '[data-diagram] .node:not([data-highlighted]):not([aria-current="true"])',
      );
      faded?.style.setProperty('opacity', '0.15');
      return faded?.dataset.actor;
    });
    expect(node).toBeTruthy();
    expect(await graph.evaluate(svgContrastProblems, LIMITS)).toContainEqual(
      expect.stringContaining(`text.label in [data-actor="${node}"]`),
    );
    await graph.context().close();

    const article = await open(PAGES.article, 'desktop');
    await article.locator('[data-diagram] [data-actor="southland"] circle').click();
    await article.locator('[data-timeline][data-highlighting]').waitFor({ state: 'attached' });
    const event = await article.evaluate(() => {
      const faded = [
        ...document.querySelectorAll<SVGGElement>(
          '[data-timeline] .event:not([data-highlighted]):not([aria-current="true"])',
        ),
      ].find((e) => e.querySelector('.label')?.checkVisibility());
      faded?.style.setProperty('opacity', '0.35');
      return faded?.dataset.event;
    });
    expect(event).toBeTruthy();
    expect(await article.evaluate(svgContrastProblems, LIMITS)).toContainEqual(
      expect.stringContaining(`text.label in [data-event="${event}"]`),
    );
    await article.context().close();
  });

  test('faded names stay readable, yet lighter than the highlighted ones', async () => {
    const page = await open(PAGES.article, 'desktop');
    await page.locator('[data-diagram] [data-actor="southland"] circle').click();
    await page.locator('[data-timeline][data-highlighting]').waitFor({ state: 'attached' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const fills = await page.evaluate(() => {
        for (const animation of document.getAnimations()) animation.finish();
        const fill = (selector: string) => {
          const label = document.querySelector(selector);
          return label ? getComputedStyle(label).fill : undefined;
        };
        return {
          timeline: fill('[data-timeline] .event[data-highlighted] .label'),
          timelineFaded: fill(
            '[data-timeline] .event:not([data-highlighted]):not([aria-current="true"]) .label',
          ),
          diagram: fill('[data-diagram] .node[data-highlighted] .label'),
          diagramFaded: fill('[data-diagram] .node:not([data-highlighted]) .label'),
        };
      });
      expect(fills.timelineFaded, scheme).toBeTruthy();
      expect(fills.timelineFaded, scheme).not.toBe(fills.timeline);
      expect(fills.diagramFaded, scheme).toBeTruthy();
      expect(fills.diagramFaded, scheme).not.toBe(fills.diagram);
    }
    await page.context().close();
  });
});
