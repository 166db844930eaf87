/**
 * Full-text search: after `astro build`, Pagefind indexes the built pages and
 * writes its bundle to `<outDir>/pagefind/`. Pages mark what is indexed with
 * `data-pagefind-body` (articles, actors, the timeline) and their result type
 * with `data-pagefind-filter`/`data-pagefind-meta`; each event is added as a
 * record of its own linking to its place on the timeline. The header's
 * `<site-search>` loads the bundle on first use.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { loadStory } from '../lib/model/load.ts';
import { eventRecords, type SearchRecord, searchLanguage } from '../lib/search/records.ts';

/** Folder of the bundle inside the site, also what `<site-search>` loads from. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Not text to search: the drawn diagram and timeline repeat names the tables
 * and lists beside them already hold, and the timeline page's own event list
 * is indexed event by event as records instead (one result per event).
 */
const EXCLUDE_SELECTORS = [
  'svg',
  'button',
  '[data-diagram]',
  '[data-timeline]',
  // Column headings ("From Relation To When Evidence") run into the excerpts and match nothing useful.
  'thead',
  'main[data-pagefind-filter="type:Event"] .event-list',
];

/** Pagefind's ready-made UIs build results with innerHTML; the site uses its own, so these are removed. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** What indexing did. */
export interface IndexOutcome {
  pages: number;
  records: number;
  outputPath: string;
}

/**
 * Indexes the HTML pages under `dir` plus `records`, and writes the bundle to
 * `dir/pagefind/`; throws with Pagefind's errors. A story has one language,
 * so pages and records go into one index in `language` (ISO 639-1) when given.
 */
export async function indexSite(
  dir: string,
  records: readonly SearchRecord[] = [],
  language?: string,
): Promise<IndexOutcome> {
  try {
    const created = await pagefind.createIndex({
      excludeSelectors: EXCLUDE_SELECTORS,
      ...(language ? { forceLanguage: language } : {}),
    });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    failOn(added.errors, 'Pagefind could not index the pages');
    for (const record of records) {
      failOn(
        (await index.addCustomRecord(record)).errors,
        `Pagefind could not index ${record.url}`,
      );
    }
    const outputPath = path.join(dir, SEARCH_BUNDLE_DIR);
    failOn((await index.writeFiles({ outputPath })).errors, 'Pagefind could not write its bundle');
    await Promise.all(
      UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })),
    );
    return { pages: added.page_count, records: records.length, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Options of the search integration. */
export interface SearchOptions {
  /** The story folder, for the event records; `CONTENT_DIR` or `content` by default. */
  contentDir?: string;
}

/** The Astro integration: runs `indexSite` on the output folder once the build is done. */
export function search(options: SearchOptions = {}): AstroIntegration {
  return {
    name: 'dramatis-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const contentDir = options.contentDir ?? process.env.CONTENT_DIR ?? 'content';
        await runIndex(fileURLToPath(dir), contentDir, logger);
      },
    },
  };
}

async function runIndex(
  dir: string,
  contentDir: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const started = performance.now();
  // The content gate has already passed, so the story loads clean.
  const { story } = await loadStory(contentDir);
  const outcome = await indexSite(dir, eventRecords(story), searchLanguage(story.site.language));
  if (outcome.pages === 0) logger.warn(`no HTML page found in ${dir}: search will find nothing`);
  logger.info(
    `${outcome.pages} HTML files scanned, ${outcome.records} event records added; bundle in ${path.relative(process.cwd(), outcome.outputPath) || '.'}/ (${Math.round(performance.now() - started)} ms)`,
  );
}

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`${what}: ${errors.join('; ')}`);
}
