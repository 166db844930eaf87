/**
 * What every rendered Markdown body depends on besides its own text and the
 * names wikilinks show: the code of the Markdown pipeline (our plugins, the
 * config that wires them, the locked package versions) and the files a body
 * can embed (images next to the story). It goes into each stored entry's
 * digest (loader.ts), and through that into the page keys, so that changing
 * any of them renders every body, and every page showing one, again.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { partsHash } from '../lib/hash.ts';

/** The project folder (this file is src/integration/render-stamp.ts). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Project files (relative to the root) whose code shapes rendered bodies; folders mean their non-test `.ts` files. */
export const RENDER_CODE = [
  'astro.config.mjs',
  'package-lock.json',
  'src/lib/remark',
  'src/lib/paths.ts',
  'src/integration/index.ts',
];

/** Story files that are read as text, not embedded: the loader hashes each body itself. */
const TEXT_FILE = /\.(md|ya?ml)$/i;

async function codeFiles(root: string, entries: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(root, entry);
    const info = await stat(full).catch(() => undefined);
    if (!info) continue;
    if (!info.isDirectory()) {
      files.push(full);
      continue;
    }
    for (const name of (await readdir(full)).sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(path.join(full, name));
    }
  }
  return files;
}

/**
 * SHA-256 (hex) of project files under `root` (`entries` relative to it;
 * folders mean their non-test `.ts` files): their paths and bytes.
 */
export async function codeDigest(entries: readonly string[], root: string = ROOT): Promise<string> {
  const hash = partsHash();
  for (const file of await codeFiles(root, entries)) {
    hash.add(path.relative(root, file)).add(await readFile(file));
  }
  return hash.hex();
}

/**
 * SHA-256 (hex) of the pipeline's code files under `root` and of every
 * non-text file in `contentDir` (its path, size and modification time).
 */
export async function renderStamp(
  contentDir: string,
  root: string = ROOT,
  code: readonly string[] = RENDER_CODE,
): Promise<string> {
  const hash = partsHash().add(await codeDigest(code, root));
  const assets = await readdir(contentDir, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  const embedded = assets
    .filter((entry) => entry.isFile() && !TEXT_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of embedded) {
    const info = await stat(file);
    hash.add(path.relative(contentDir, file)).add(`${info.size}:${info.mtimeMs}`);
  }
  return hash.hex();
}
