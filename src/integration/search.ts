/**
 * Full-text search: after `astro build`, Pagefind indexes the built pages and
 * writes its bundle to `<outDir>/pagefind/`. Pages mark what is indexed with
 * `data-pagefind-body` (articles, actors, the timeline) and their result type
 * with `data-pagefind-filter`/`data-pagefind-meta`; each event is added as a
 * record of its own linking to its place on the timeline. The header's
 * `<site-search>` loads the bundle on first use.
 */
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { checkedContent } from '../data/story.ts';
import { partsHash } from '../lib/hash.ts';
import { loadStory } from '../lib/model/load.ts';
import { eventRecords, type SearchRecord, searchLanguage } from '../lib/search/records.ts';
import { AssetLinks, missingAssets, missingAssetsError } from './asset-check.ts';
import { htmlFiles, readPages } from './site-pages.ts';

/** Pagefind's version (from the project's node_modules), part of the cache key. */
function pagefindVersion(): string {
  try {
    const file = path.resolve('node_modules/pagefind/package.json');
    return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}

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

/** Default folder of the search-bundle cache, relative to the project root. */
export const DEFAULT_SEARCH_CACHE_DIR = '.cache/search';

/**
 * Bump when indexing changes in a way the key does not see (the exclusions,
 * the removed files): a stored bundle is then a miss.
 */
const SEARCH_CACHE_VERSION = 1;

/** Marks a complete stored bundle and remembers its page count. */
const CACHE_META_FILE = 'complete.json';

/**
 * SHA-256 of everything the bundle is made from: each HTML file's path and
 * bytes, the records, the language, the exclusions, Pagefind's version and
 * SEARCH_CACHE_VERSION, each part length-prefixed.
 */
export async function searchKey(
  dir: string,
  records: readonly SearchRecord[],
  language: string | undefined,
  onPage?: (file: string, html: Uint8Array) => void,
): Promise<string> {
  const hash = partsHash()
    .add(
      JSON.stringify([SEARCH_CACHE_VERSION, pagefindVersion(), EXCLUDE_SELECTORS, language ?? '']),
    )
    .add(JSON.stringify(records));
  await readPages(dir, await htmlFiles(dir, SEARCH_BUNDLE_DIR), (file, html) => {
    hash.add(file).add(html);
    onPage?.(file, html);
  });
  return hash.hex();
}

/**
 * `indexSite`, unless the same pages and records were indexed before: then
 * the bundle kept in `cacheDir/<key>/` is copied in instead (Pagefind takes
 * seconds for a thousand pages). Only the latest bundle is kept. A cache
 * folder that cannot be used only costs the time of indexing.
 */
export async function indexSiteCached(
  dir: string,
  records: readonly SearchRecord[],
  language: string | undefined,
  cacheDir: string,
  onPage?: (file: string, html: Uint8Array) => void,
): Promise<IndexOutcome & { cached: boolean }> {
  const key = await searchKey(dir, records, language, onPage);
  const stored = path.join(cacheDir, key);
  const outputPath = path.join(dir, SEARCH_BUNDLE_DIR);
  const meta = path.join(stored, CACHE_META_FILE);
  try {
    const { pages } = JSON.parse(await readFile(meta, 'utf8')) as { pages: number };
    await linkTree(path.join(stored, SEARCH_BUNDLE_DIR), outputPath);
    return { pages, records: records.length, outputPath, cached: true };
  } catch {
    // Not stored (or unreadable, or removed by a concurrent build while copying): index from scratch.
    await rm(outputPath, { recursive: true, force: true });
  }
  const outcome = await indexSite(dir, records, language);
  try {
    await rm(cacheDir, { recursive: true, force: true });
    await linkTree(outputPath, path.join(stored, SEARCH_BUNDLE_DIR));
    // Written last: a bundle without it (an interrupted copy) is never used.
    await writeFile(meta, JSON.stringify({ pages: outcome.pages }));
  } catch {
    // Not writable: the next build indexes again.
  }
  return { ...outcome, cached: false };
}

/** Files linked or copied at once by `linkTree`. */
const LINKS_AT_ONCE = 64;

/**
 * Puts every file under `from` at the same place under `to`: as a hard link
 * where the file system allows (no bytes copied; the bundle is never edited
 * in place, only replaced), else as a copy.
 */
async function linkTree(from: string, to: string): Promise<void> {
  const files = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set([to]);
  for (const file of files)
    if (file.isFile()) folders.add(path.join(to, path.relative(from, file.parentPath)));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const sources = files
    .filter((file) => file.isFile())
    .map((file) => path.join(file.parentPath, file.name));
  // A few at a time: copying (where links fail) holds two file handles per file.
  for (let i = 0; i < sources.length; i += LINKS_AT_ONCE) {
    await Promise.all(
      sources.slice(i, i + LINKS_AT_ONCE).map(async (source) => {
        const target = path.join(to, path.relative(from, source));
        await link(source, target).catch(() => copyFile(source, target));
      }),
    );
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
  // The content gate has already passed (and left what it checked), so the story loads clean.
  const { story } = checkedContent(contentDir) ?? (await loadStory(contentDir));
  const records = eventRecords(story);
  const language = searchLanguage(story.site.language);
  const cacheDir = process.env.SEARCH_CACHE_DIR ?? DEFAULT_SEARCH_CACHE_DIR;
  // Every page is read for the cache key: what they link is checked on the way (asset-check.ts).
  const links = new AssetLinks();
  const outcome = cacheDir
    ? await indexSiteCached(dir, records, language, cacheDir, links.add)
    : { ...(await indexSite(dir, records, language)), cached: false };
  const missing = cacheDir ? await links.missing(dir) : await missingAssets(dir);
  if (missing.size > 0) throw missingAssetsError(missing);
  if (outcome.pages === 0) logger.warn(`no HTML page found in ${dir}: search will find nothing`);
  logger.info(
    `${outcome.pages} HTML files ${outcome.cached ? 'unchanged, bundle reused' : 'scanned'}, ${outcome.records} event records added; bundle in ${path.relative(process.cwd(), outcome.outputPath) || '.'}/ (${Math.round(performance.now() - started)} ms)`,
  );
}

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`${what}: ${errors.join('; ')}`);
}
