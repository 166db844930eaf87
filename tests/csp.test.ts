/**
 * Content Security Policy: every page carries a strict policy in a `<meta>`
 * (no inline script, no eval, only this origin), and the whole site works
 * under it in Debian's Chromium — diagram, timeline and the Pagefind search
 * raise no violation and no console error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { useDiagram, useHeaderSearch, useTimeline } from './helpers/exercise.ts';
import { collect, consoleErrors, guardContext } from './helpers/guard.ts';
import { PAGE_TYPES, siteInBrowser } from './helpers/site.ts';

const PAGES = PAGE_TYPES;

/** Directives the policy must hold, exactly. */
const REQUIRED = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Types a browser runs as script; anything else in a `<script>` is a data block. */
const EXECUTABLE = /^(|text\/javascript|module|application\/javascript)$/i;

/** The policy of a page, directive → sources. */
function parsePolicy(content: string): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const site = siteInBrowser();

describe('the policy in the markup', () => {
  test('every page has one strict policy before its first executable script', async () => {
    const dist = inject('fixtureDist');
    const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const html = await readFile(path.join(dist, file), 'utf8');
      const metas = [
        ...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi),
      ];
      expect(metas, file).toHaveLength(1);
      const policy = parsePolicy(metas[0]?.[1] ?? '');
      for (const [directive, sources] of Object.entries(REQUIRED))
        expect(policy.get(directive), `${file} ${directive}`).toEqual(sources);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts, file).toContain("'self'");
      expect(scripts, file).toContain("'wasm-unsafe-eval'");
      expect(
        scripts.filter((s) => /^'unsafe-(inline|eval|hashes)'$/.test(s)),
        file,
      ).toEqual([]);
      expect(policy.get('style-src') ?? [], file).not.toContain("'unsafe-inline'");
      // A <meta> policy governs only what follows it: no executable script may come first.
      const metaAt = metas[0]?.index ?? 0;
      for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
        const type = /\btype="([^"]*)"/i.exec(m[1] ?? '')?.[1] ?? '';
        if (EXECUTABLE.test(type))
          expect(m.index, `${file}: script before the policy`).toBeGreaterThan(metaAt);
      }
    }
  });
});

describe('in the browser', () => {
  test.each(Object.entries(PAGES))(
    '%s: used with no violation and no error',
    async (_name, route) => {
      const context = await site.browser.newContext({
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      const report = await guardContext(context);
      const page = await context.newPage();
      await page.goto(site.server.url + route);
      await useDiagram(page);
      await useTimeline(page);
      // Pagefind: its script, WebAssembly and index fragments load under the policy.
      expect(await useHeaderSearch(page, 'harbour')).toBeGreaterThan(0);
      const { pwned } = await collect(page, report);
      await context.close();
      expect(pwned).toBeUndefined();
      expect(report.violations).toEqual([]);
      expect(consoleErrors(report)).toEqual([]);
      // Only the 404 page's own status may be an error.
      expect(report.failed).toEqual(
        route === PAGES['not found'] ? [`404 ${site.server.url}${route}`] : [],
      );
      expect(report.dialogs).toEqual([]);
    },
  );

  test('the policy is live: an injected inline script is blocked and reported', async () => {
    // Proves the listener works, so the zero counts above mean something.
    const context = await site.browser.newContext();
    const report = await guardContext(context);
    const page = await context.newPage();
    await page.goto(`${site.server.url}articles/harbour-talks/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://example.org/pixel.png';
      document.body.append(img);
    });
    await expect
      .poll(
        async () =>
          (
            await page.evaluate(
              () => (window as { __cspViolations?: string[] }).__cspViolations ?? [],
            )
          ).length,
      )
      .toBe(2);
    const { pwned } = await collect(page, report);
    await context.close();
    expect(pwned).toBeUndefined();
    expect(report.violations.join('\n')).toMatch(/script-src-elem blocked inline/);
    expect(report.violations.join('\n')).toMatch(/img-src blocked https:\/\/example\.org/);
  });
});
