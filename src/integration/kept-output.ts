/**
 * Keeping the last build's output instead of emptying it. Astro empties the
 * output folder before every build, and its incremental build then copies
 * each unchanged page back from its cache: at 1,000 actors, deleting 2,600
 * files and copying 1,000 pages back took 0.6–0.9 s of a 5–6 s build after a
 * one-file edit. A page that is unchanged and still in the output folder is
 * left where it is instead ("cached" in Astro's log).
 *
 * That is safe only when the folder holds exactly what the last successful
 * build wrote, which the build record says (asset-check.ts: it is removed at
 * the start of every build and written at the end of a successful one, with
 * the folder it wrote to). What a kept folder still needs:
 * - its old `_astro/` is moved out first (`setBundlesAside`), so the folder
 *   ends up with only the bundles this build wrote, and the check that kept
 *   pages link only those works as it does for copied pages;
 * - files no route of this build wrote and no public file put there (the
 *   page of a deleted actor, a removed public file) are deleted after the
 *   build (`staleFiles`, `removeFiles`).
 */
import { type Dirent, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLES_DIR, filesUnder } from './folders.ts';

/** Where the last build's bundles wait, in Astro's cache folder, until they are deleted. */
export const OLD_BUNDLES = 'dramatis-old-bundles';

/**
 * Moves `<outDir>/_astro/` to `<cacheDir>/dramatis-old-bundles/` (deleting
 * what an earlier build may have left there) and returns where it went, or
 * `null` when the output has no bundles. Throws when the folder cannot be
 * moved (another file system, permissions): the caller then lets Astro empty
 * the output instead.
 */
export function setBundlesAside(outDir: string, cacheDir: string): string | null {
  const from = path.join(outDir, BUNDLES_DIR);
  if (!existsSync(from)) return null;
  const to = path.join(cacheDir, OLD_BUNDLES);
  rmSync(to, { recursive: true, force: true });
  renameSync(from, to);
  return to;
}

/**
 * Files under `outDir` (relative, forward slashes, sorted) that are not in
 * `keep`, leaving out the top-level folders in `skip` (the bundles, which
 * are all new, and the search bundle, which its integration replaces whole).
 */
export function staleFiles(
  outDir: string,
  keep: ReadonlySet<string>,
  skip: ReadonlySet<string>,
): string[] {
  let top: Dirent[];
  try {
    top = readdirSync(outDir, { withFileTypes: true });
  } catch {
    return [];
  }
  return top
    .filter((entry) => !skip.has(entry.name))
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(outDir, entry.name)).map((name) => `${entry.name}/${name}`)
        : [entry.name],
    )
    .filter((name) => !keep.has(name))
    .sort();
}

/**
 * Deletes `files` (relative to `outDir`) and then every folder they leave
 * empty, up to but not including `outDir`.
 */
export async function removeFiles(outDir: string, files: readonly string[]): Promise<void> {
  // Without a trailing separator (Astro's folders are URLs, which end in one).
  const root = path.resolve(outDir);
  const folders = new Set<string>();
  await Promise.all(
    files.map((file) => {
      const full = path.join(root, file);
      for (let dir = path.dirname(full); dir.startsWith(root + path.sep); dir = path.dirname(dir))
        folders.add(dir);
      return rm(full, { force: true });
    }),
  );
  // Deepest first, so a parent is tried once its children are gone.
  const deepestFirst = [...folders].sort((a, b) => b.length - a.length);
  for (const dir of deepestFirst) await rmdir(dir).catch(() => {});
}
