/**
 * A last check of the output: every `/_astro/` script, style or image a page
 * links must exist in it. Pages copied from the last build (Astro's
 * incremental build) keep the bundle names they were rendered with; Astro
 * re-renders a page when its own code changes, but a change elsewhere can
 * still rename a bundle it shares. Such a site would load without its
 * scripts, so the build fails instead and says how to rebuild.
 *
 * Reading every page costs a warm build of 1,000 actors about 0.4 s, so the
 * bundle names each successful build wrote are kept in Astro's cache folder,
 * beside the pages it copies from, with the output folder it wrote (the next
 * build keeps that folder instead of emptying it: kept-output.ts). When this build wrote every one of them
 * again, no copied page can link a missing bundle (each was checked, or
 * rendered, by the build that kept it) and the pages are not read.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLES_DIR, filesUnder } from './folders.ts';

const MARKER = Buffer.from('/_astro/');
/** How far before a link its attribute may start (`src="` plus a base path). */
const ATTRIBUTE_REACH = 512;
const QUOTE = 0x22;
const QUERY = 0x3f;
const FRAGMENT = 0x23;

/** Names under `_astro/` that a page links in a `src` or `href` attribute (any base path before it). */
export function linkedAssets(html: Uint8Array | string): string[] {
  const page =
    typeof html === 'string'
      ? Buffer.from(html)
      : Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  const names: string[] = [];
  for (let at = page.indexOf(MARKER); at !== -1; at = page.indexOf(MARKER, at + MARKER.length)) {
    const open = page.lastIndexOf('="', at);
    if (open < 0 || at - open > ATTRIBUTE_REACH) continue;
    // The value must run unbroken from the attribute to here, and the attribute be src or href.
    const quote = page.indexOf(QUOTE, open + 2);
    if (quote !== -1 && quote < at) continue;
    const attribute = page.toString('latin1', Math.max(0, open - 4), open);
    if (!attribute.endsWith('src') && !attribute.endsWith('href')) continue;
    let end = at + MARKER.length;
    while (
      end < page.length &&
      page[end] !== QUOTE &&
      page[end] !== QUERY &&
      page[end] !== FRAGMENT
    )
      end += 1;
    names.push(page.toString('utf8', at + MARKER.length, end));
  }
  return names;
}

/** Pages read at once: one by one, a thousand pages wait a thousand round trips. */
const READS_AT_ONCE = 32;

/**
 * Reads every page under `dir` and returns the linked `_astro/` files it
 * lacks, each with a page that links it. `written` is what `bundleNames`
 * gives for `dir`, when the caller has it already.
 */
export async function missingAssets(
  dir: string,
  written?: readonly string[],
): Promise<Map<string, string>> {
  const pages = (await readdir(dir, { recursive: true, encoding: 'utf8' }))
    .filter((file) => file.endsWith('.html'))
    .sort();
  const present = new Set(written ?? bundleNames(dir));
  const missing = new Map<string, string>();
  for (let i = 0; i < pages.length; i += READS_AT_ONCE) {
    const batch = pages.slice(i, i + READS_AT_ONCE);
    const texts = await Promise.all(batch.map((page) => readFile(path.join(dir, page))));
    for (const [at, page] of batch.entries()) {
      for (const name of linkedAssets(texts[at] ?? ''))
        if (name !== '' && !present.has(name) && !missing.has(name)) missing.set(name, page);
    }
  }
  return missing;
}

/** The error for missing files: which, who links them, and what to do. */
export function missingAssetsError(missing: ReadonlyMap<string, string>): Error {
  const list = [...missing].map(([name, page]) => `_astro/${name} (linked by ${page})`);
  return new Error(
    `${missing.size} file(s) that pages link are missing from the output: ${list.slice(0, 5).join(', ')}. Pages copied from the last build still link bundles this build renamed; build again with \`npm run build -- --force\`.`,
  );
}

/** The record of the last successful build, in Astro's cache folder. */
export const BUNDLE_RECORD = 'dramatis-bundles.json';

/** What the last successful build wrote: the output folder, and the files under its `_astro/`. */
export interface BuildRecord {
  outDir: string;
  bundles: string[];
}

/** The files under `dir/_astro/`, sorted; none when it is missing. */
export function bundleNames(dir: string): string[] {
  return filesUnder(path.join(dir, BUNDLES_DIR));
}

/** The record the last successful build left in `cacheDir`; undefined without a readable one. */
export async function readBuildRecord(cacheDir: string): Promise<BuildRecord | undefined> {
  try {
    const record: unknown = JSON.parse(await readFile(path.join(cacheDir, BUNDLE_RECORD), 'utf8'));
    if (typeof record !== 'object' || record === null) return undefined;
    const { outDir, bundles } = record as Record<string, unknown>;
    const names = Array.isArray(bundles) && bundles.every((n) => typeof n === 'string');
    return typeof outDir === 'string' && names ? { outDir, bundles } : undefined;
  } catch {
    return undefined;
  }
}

/** Records what this build wrote (`undefined` removes the record: a build in progress has none). */
export async function writeBuildRecord(
  cacheDir: string,
  record: BuildRecord | undefined,
): Promise<void> {
  const file = path.join(cacheDir, BUNDLE_RECORD);
  if (record === undefined) return rm(file, { force: true });
  await mkdir(cacheDir, { recursive: true });
  await writeFile(file, JSON.stringify(record));
}

/**
 * Whether copied pages must be read for their links: unless the last
 * successful build's record is known and this build wrote every bundle in it.
 */
export function pagesNeedReading(
  recorded: readonly string[] | undefined,
  written: readonly string[],
): boolean {
  if (recorded === undefined) return true;
  const here = new Set(written);
  return !recorded.every((name) => here.has(name));
}
