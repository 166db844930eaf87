/**
 * The Pagefind bundle of a story: what is indexed comes from the story, not
 * the built pages (a document per actor and article page, see
 * src/lib/search/documents.ts, and a record per event, linking to its place
 * on the timeline, see src/lib/search/records.ts). So it can be made while
 * Astro builds the pages (search.ts runs it in search-worker.ts), and an
 * unchanged story reuses the last bundle without reading a page.
 */

import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { partsHash } from '../lib/hash.ts';
import type { Story } from '../lib/model/types.ts';
import { type SearchDocument, searchDocuments } from '../lib/search/documents.ts';
import { eventRecords, type SearchRecord, searchLanguage } from '../lib/search/records.ts';
import { filesUnder, SEARCH_BUNDLE_DIR } from './folders.ts';

/** Pagefind's version (the package this module imports), part of the cache key. */
function pagefindVersion(): string {
  const candidates: string[] = [];
  try {
    // node_modules/pagefind/lib/index.js → node_modules/pagefind/package.json
    const entry = fileURLToPath(import.meta.resolve('pagefind'));
    candidates.push(path.join(path.dirname(entry), '..', 'package.json'));
  } catch {
    // No import.meta.resolve where a bundler loaded this module.
  }
  candidates.push(path.resolve('node_modules/pagefind/package.json'));
  for (const file of candidates) {
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'pagefind') return String(pkg.version);
    } catch {
      // Try the next place.
    }
  }
  return 'unknown';
}

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

/** What search is made from: the story's documents and records, in one language. */
export interface SearchInput {
  documents: readonly SearchDocument[];
  records: readonly SearchRecord[];
  /** ISO 639-1: a story has one language, so everything goes into one index. */
  language: string;
}

/** The search input of a story. */
export function searchInput(story: Story): SearchInput {
  return {
    documents: searchDocuments(story),
    records: eventRecords(story),
    language: searchLanguage(story.site.language),
  };
}

/**
 * Requests sent to Pagefind before the first is answered. Its process takes
 * them in the order they come, and the bundle's bytes depend on that order;
 * waiting for each reply in turn took half as long again (6.1 s against
 * 3.9 s for 7,500 at 5,000 actors), for the same bundle. The window keeps
 * the messages in memory at once to a few hundred.
 */
const IN_FLIGHT = 256;

/** Calls each job's `send` in order, at most `limit` unanswered; the answers in the same order. */
async function sendInOrder<T>(
  jobs: readonly { url: string; send: () => Promise<{ errors: string[] } & T> }[],
  limit: number,
): Promise<{ url: string; errors: string[] }[]> {
  const answers: Promise<{ url: string; errors: string[] }>[] = [];
  const pending = new Set<Promise<unknown>>();
  for (const job of jobs) {
    if (pending.size >= limit) await Promise.race(pending);
    const answer = job.send().then((reply) => ({ url: job.url, errors: reply.errors }));
    const settled = answer.finally(() => pending.delete(settled));
    // A failure is reported from `answers` below; here it only frees the slot.
    settled.catch(() => {});
    pending.add(settled);
    answers.push(answer);
  }
  return Promise.all(answers);
}

/** What indexing made. */
export interface IndexOutcome {
  pages: number;
  records: number;
}

/** Writes the Pagefind bundle of `input` to `outputPath`; throws with Pagefind's errors. */
export async function indexStory(
  input: SearchInput,
  outputPath: string,
  { inFlight = IN_FLIGHT }: { inFlight?: number } = {},
): Promise<IndexOutcome> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: input.language });
    const index = created.index;
    if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
    const jobs = [
      ...input.documents.map((document) => ({
        url: document.url,
        send: () => index.addHTMLFile({ url: document.url, content: document.html }),
      })),
      ...input.records.map((record) => ({
        url: record.url,
        send: () => index.addCustomRecord(record),
      })),
    ];
    for (const { url, errors } of await sendInOrder(jobs, inFlight))
      failOn(errors, `Pagefind could not index ${url}`);
    failOn((await index.writeFiles({ outputPath })).errors, 'Pagefind could not write its bundle');
    await Promise.all(
      UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })),
    );
    return { pages: input.documents.length, records: input.records.length };
  } finally {
    await pagefind.close();
  }
}

/** Default folder of the search-bundle cache, relative to the project root. */
export const DEFAULT_SEARCH_CACHE_DIR = '.cache/search';

/**
 * Bump when indexing changes in a way the key does not see (the removed
 * files, the options): a stored bundle is then a miss.
 */
const SEARCH_CACHE_VERSION = 2;

/** Marks a complete stored bundle and remembers what it holds. */
const CACHE_META_FILE = 'complete.json';

/**
 * SHA-256 of everything the bundle is made from: each document's URL and
 * HTML, the records, the language, Pagefind's version and
 * SEARCH_CACHE_VERSION, each part length-prefixed.
 */
export function searchKey(input: SearchInput): string {
  const hash = partsHash()
    .add(JSON.stringify([SEARCH_CACHE_VERSION, pagefindVersion(), input.language]))
    .add(JSON.stringify(input.records));
  for (const document of input.documents) hash.add(document.url).add(document.html);
  return hash.hex();
}

/** What a bundle is made from, and the key it is kept under (none: not kept). */
export interface SearchSource {
  key: string | undefined;
  input(): SearchInput;
}

/** A source keyed by its input (`searchKey`). */
export function inputSource(input: SearchInput): SearchSource {
  return { key: searchKey(input), input: () => input };
}

/**
 * Project files (relative to its root) that make a bundle from a story
 * besides src/lib/: the indexing code and the lock file (the versions of the
 * packages that word the documents). The caller folds their digest into
 * `storySource`'s `codeStamp`.
 */
export const SEARCH_CODE = [
  'src/integration/search-bundle.ts',
  'src/integration/search-worker.ts',
  'package-lock.json',
];

/**
 * A story's source, keyed without making its documents: by the story itself
 * and `codeStamp`, a digest of the code that words and indexes the documents
 * (src/lib/ and SEARCH_CODE; undefined when unknown: then the bundle is not
 * kept). Turning a thousand bodies into text costs a second; an unchanged
 * story skips it.
 */
export function storySource(story: Story, codeStamp: string | undefined): SearchSource {
  const key =
    codeStamp &&
    partsHash()
      .add(JSON.stringify([SEARCH_CACHE_VERSION, 'story', codeStamp, indexingStamp()]))
      .add(JSON.stringify(story))
      .hex();
  return { key: key || undefined, input: () => searchInput(story) };
}

/**
 * What else shapes a bundle made from a story besides the code (which the
 * caller's `codeStamp` covers, see SEARCH_CODE): Pagefind's version and the
 * binary it is told to use, and Node's date-format data. Worked out once per
 * thread.
 */
function indexingStamp(): string {
  stampedIndexing ??= JSON.stringify([
    pagefindVersion(),
    process.env.PAGEFIND_BINARY_PATH ?? '',
    process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? '',
    process.versions.icu,
    process.versions.cldr,
    process.versions.tz,
  ]);
  return stampedIndexing;
}

let stampedIndexing: string | undefined;

/** A finished bundle somewhere outside the site, to be put into it. */
export interface SearchBundle extends IndexOutcome {
  /** The folder holding pagefind.js and the rest. */
  dir: string;
  /** Whether it was kept from an earlier build. */
  cached: boolean;
  /** A folder only this build needed (a bundle made without a cache), removed once placed. */
  temporary?: string;
}

/** How long a `.tmp` folder in the cache may belong to a running build; older ones are leftovers. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** A folder name in `cacheDir` that no other build or thread uses, ending in `.tmp`. */
function privateName(cacheDir: string, key: string, purpose: string): string {
  return path.join(cacheDir, `${key}.${purpose}.${randomUUID()}.tmp`);
}

/**
 * The bundle of `input`: the one kept in `cacheDir/<key>/` when the same
 * input was indexed before, else a new one, kept there for the next build
 * (only the latest is kept). Either way the build gets its own hard-linked
 * copy (`temporary`, removed once placed): another build may replace the
 * kept bundle before this one is done. Without `cacheDir`, or when it
 * cannot be written, the bundle is made in a temporary folder.
 */
export async function searchBundle(source: SearchSource, cacheDir: string): Promise<SearchBundle> {
  const { key } = source;
  if (!cacheDir || !key)
    return indexedIn(await mkdtemp(path.join(tmpdir(), 'dramatis-search-')), source.input());
  const stored = path.join(cacheDir, key);
  const mine = privateName(cacheDir, key, 'build');
  try {
    const kept = JSON.parse(
      await readFile(path.join(stored, CACHE_META_FILE), 'utf8'),
    ) as IndexOutcome;
    linkTree(path.join(stored, SEARCH_BUNDLE_DIR), path.join(mine, SEARCH_BUNDLE_DIR));
    // Leftovers of builds that stopped before placing their copy.
    await sweep(cacheDir, new Set([stored, mine]), { onlyStale: true });
    return { ...kept, dir: path.join(mine, SEARCH_BUNDLE_DIR), cached: true, temporary: mine };
  } catch {
    // Not stored, unreadable, or removed by another build while linking: index.
    await rm(mine, { recursive: true, force: true });
  }
  const input = source.input();
  try {
    await mkdir(mine, { recursive: true });
  } catch {
    return indexedIn(await mkdtemp(path.join(tmpdir(), 'dramatis-search-')), input);
  }
  const outcome = await indexedIn(mine, input);
  await keep(outcome, cacheDir, key);
  return outcome;
}

/**
 * Stores a copy of `bundle` as `cacheDir/<key>/` for the next build, and
 * removes older bundles and leftovers of interrupted builds. Another build's
 * folders in progress (`.tmp`, recent) stay. A cache that cannot be written
 * only costs the next build its indexing.
 */
async function keep(bundle: SearchBundle, cacheDir: string, key: string): Promise<void> {
  const copy = privateName(cacheDir, key, 'store');
  try {
    linkTree(bundle.dir, path.join(copy, SEARCH_BUNDLE_DIR));
    // Written last: a copy without it (an interrupted build) is never used.
    await writeFile(
      path.join(copy, CACHE_META_FILE),
      JSON.stringify({ pages: bundle.pages, records: bundle.records } satisfies IndexOutcome),
    );
    await sweep(cacheDir, new Set([copy, bundle.temporary ?? '']), { onlyStale: false });
    // Fails when another build stored the same key meanwhile: its copy is as good.
    await rename(copy, path.join(cacheDir, key));
  } catch {
    // Not writable: the next build indexes again.
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * Removes from `cacheDir` what no build needs any more, except `spared`:
 * `.tmp` folders once they are older than STALE_TEMPORARY_MS (younger ones
 * may belong to a running build), and, unless `onlyStale`, every kept bundle.
 */
async function sweep(
  cacheDir: string,
  spared: ReadonlySet<string>,
  { onlyStale }: { onlyStale: boolean },
): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(cacheDir).catch(() => [] as string[])) {
    const full = path.join(cacheDir, entry);
    if (spared.has(full)) continue;
    if (entry.endsWith('.tmp')) {
      const changed = await stat(full).then(
        (info) => info.mtimeMs,
        () => now,
      );
      if (now - changed < STALE_TEMPORARY_MS) continue;
    } else if (onlyStale) continue;
    await rm(full, { recursive: true, force: true });
  }
}

async function indexedIn(folder: string, input: SearchInput): Promise<SearchBundle> {
  const dir = path.join(folder, SEARCH_BUNDLE_DIR);
  try {
    const outcome = await indexStory(input, dir);
    return { ...outcome, dir, cached: false, temporary: folder };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Puts `bundle` into the site at `siteDir/pagefind/`, unless the site holds
 * it already: an output folder kept from the last build (kept-output.ts)
 * whose bundle was linked from the same files.
 */
export async function placeBundle(bundle: SearchBundle, siteDir: string): Promise<string> {
  const target = path.join(siteDir, SEARCH_BUNDLE_DIR);
  if (!holdsBundle(target, bundle.dir)) {
    // Linked beside it first: a link that fails leaves the site's folder as it was.
    const beside = `${target}.${randomUUID()}.tmp`;
    try {
      linkTree(bundle.dir, beside);
      rmSync(target, { recursive: true, force: true });
      await rename(beside, target);
    } finally {
      rmSync(beside, { recursive: true, force: true });
    }
  }
  // Synchronous: at the end of the build nothing else waits, and it is several times faster.
  if (bundle.temporary) rmSync(bundle.temporary, { recursive: true, force: true });
  return target;
}

/** The file every Pagefind bundle has, which the search script loads first. */
const BUNDLE_ENTRY = 'pagefind-entry.json';

/**
 * Whether `target` holds the bundle in `dir` already: the same file names
 * (Pagefind's index files are named by their content) and its entry file
 * linked from the same one. A bundle is placed whole or not at all and
 * never edited in place, so a copy made where links fail never counts.
 */
export function holdsBundle(target: string, dir: string): boolean {
  try {
    const placed = statSync(path.join(target, BUNDLE_ENTRY));
    const source = statSync(path.join(dir, BUNDLE_ENTRY));
    if (placed.ino !== source.ino || placed.dev !== source.dev) return false;
  } catch {
    return false;
  }
  const names = filesUnder(target);
  const wanted = filesUnder(dir);
  return names.length === wanted.length && names.every((name, at) => name === wanted[at]);
}

/**
 * Puts every file under `from` at the same place under `to`: as a hard link
 * where the file system allows (no bytes copied; the bundle is never edited
 * in place, only replaced), else as a copy. Synchronous: one call per file,
 * about twice as fast as as many round trips through libuv's pool.
 */
function linkTree(from: string, to: string): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true }).filter((file) =>
    file.isFile(),
  );
  const folders = new Set([to]);
  for (const file of files) folders.add(path.join(to, path.relative(from, file.parentPath)));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const source = path.join(file.parentPath, file.name);
    const target = path.join(to, path.relative(from, source));
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

function failOn(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`${what}: ${errors.join('; ')}`);
}
