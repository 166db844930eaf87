/**
 * `node scripts/lighthouse.ts [dist] [--page articles/<id>/] [--desktop]`:
 * Lighthouse over one page of a built site (the first article by default),
 * served on loopback by scripts/lib/serve.ts, in Debian's Chromium. Prints
 * the four category scores and every audit that cost points; exits 1 when a
 * score is below its target (100 for accessibility, best practices and SEO,
 * 95 for performance). Build first (`npm run build`).
 *
 * Lighthouse is the `lighthouse` devDependency; it launches Chromium with
 * its own dependency `chrome-launcher`.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_PATH } from './lib/browser.ts';
import { flag } from './lib/cli.ts';
import { serveStatic } from './lib/serve.ts';

/** Lowest score each category may have, out of 100. */
const TARGETS: Record<string, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};
const PERCENT = 100;
/** Flags for a closed network and a root user, as in scripts/lib/browser.ts. */
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu'];

async function firstArticle(dist: string): Promise<string> {
  const entries = await readdir(path.join(dist, 'articles'), { withFileTypes: true });
  const first = entries.filter((e) => e.isDirectory()).map((e) => e.name)[0];
  if (!first) throw new Error(`no article in ${dist}/articles: build the site first`);
  return `articles/${first}/`;
}

async function main(): Promise<void> {
  const positional = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--page'));
  const dist = path.resolve(positional[0] ?? 'dist');
  const page = flag('page') ?? (await firstArticle(dist));

  // Compressed, as any static host serves it.
  const server = await serveStatic(dist, '/', { gzip: true });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const url = server.url + page;
    const desktop = process.argv.includes('--desktop');
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(TARGETS),
      },
      desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits, runWarnings } = result.lhr;
    process.stdout.write(`Lighthouse (${desktop ? 'desktop' : 'mobile'}) on ${url}\n`);
    let failed = false;
    for (const [id, target] of Object.entries(TARGETS)) {
      const category = categories[id];
      const score = Math.round((category?.score ?? 0) * PERCENT);
      const ok = score >= target;
      failed ||= !ok;
      process.stdout.write(
        `${ok ? '✔' : '✖'} ${category?.title ?? id}: ${score} (target ${target})\n`,
      );
      // What cost points: scored audits below 1 that carry weight in this category.
      for (const ref of category?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric') continue;
        process.stdout.write(
          `    ${audit.title}: ${Math.round(audit.score * PERCENT)}${audit.displayValue ? ` (${audit.displayValue})` : ''}\n`,
        );
      }
    }
    for (const warning of runWarnings) process.stdout.write(`  warning: ${warning}\n`);
    if (failed) process.exitCode = 1;
  } finally {
    chrome.kill();
    await server.close();
  }
}

await main();
