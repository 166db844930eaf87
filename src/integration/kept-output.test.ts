import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { filesUnder } from './folders.ts';
import { OLD_BUNDLES, removeFiles, setBundlesAside, staleFiles } from './kept-output.ts';

let root: string;
let out: string;

async function put(file: string, text = ''): Promise<void> {
  await mkdir(path.dirname(path.join(out, file)), { recursive: true });
  await writeFile(path.join(out, file), text);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dramatis-kept-'));
  out = path.join(root, 'dist');
  for (const file of [
    'index.html',
    'favicon.svg',
    'actors/a/index.html',
    'actors/gone/index.html',
    'cards/gone.png',
    'cards/a.png',
    '_astro/Base.abc.css',
    'pagefind/pagefind.js',
    'pagefind/fragment/x.pf_fragment',
  ])
    await put(file, file);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('keeping the last build’s output', () => {
  test('moves the old bundles into the cache folder, replacing what an earlier build left there', async () => {
    const cache = path.join(root, 'cache');
    await mkdir(path.join(cache, OLD_BUNDLES), { recursive: true });
    await writeFile(path.join(cache, OLD_BUNDLES, 'left-over.js'), '');
    const aside = setBundlesAside(out, cache);
    expect(aside).toBe(path.join(cache, OLD_BUNDLES));
    expect(existsSync(path.join(out, '_astro'))).toBe(false);
    expect(filesUnder(path.join(cache, OLD_BUNDLES))).toEqual(['Base.abc.css']);
    expect(await readFile(path.join(cache, OLD_BUNDLES, 'Base.abc.css'), 'utf8')).toBe(
      '_astro/Base.abc.css',
    );
    // Nothing to move the second time.
    expect(setBundlesAside(out, cache)).toBeNull();
  });

  test('throws when the bundles cannot be moved, leaving them in place', async () => {
    // The cache "folder" is a file: nothing can go under it.
    const cache = path.join(root, 'not-a-folder');
    await writeFile(cache, '');
    expect(() => setBundlesAside(out, cache)).toThrow();
    expect(existsSync(path.join(out, '_astro', 'Base.abc.css'))).toBe(true);
  });

  test('finds the files outside the skipped folders that no route or public file accounts for', async () => {
    const keep = new Set(['index.html', 'favicon.svg', 'actors/a/index.html', 'cards/a.png']);
    expect(staleFiles(out, keep, new Set(['_astro', 'pagefind']))).toEqual([
      'actors/gone/index.html',
      'cards/gone.png',
    ]);
    // Without skipping, the bundles and the search bundle count too.
    expect(staleFiles(out, keep, new Set())).toEqual([
      '_astro/Base.abc.css',
      'actors/gone/index.html',
      'cards/gone.png',
      'pagefind/fragment/x.pf_fragment',
      'pagefind/pagefind.js',
    ]);
    expect(staleFiles(path.join(root, 'missing'), keep, new Set())).toEqual([]);
  });

  test('removes stale files and the folders they leave empty, and nothing else', async () => {
    // The folder as Astro gives it (from a URL): with a trailing separator.
    await removeFiles(`${out}${path.sep}`, [
      'actors/gone/index.html',
      'cards/gone.png',
      'pagefind/pagefind.js',
    ]);
    expect(filesUnder(out)).toEqual([
      '_astro/Base.abc.css',
      'actors/a/index.html',
      'cards/a.png',
      'favicon.svg',
      'index.html',
      'pagefind/fragment/x.pf_fragment',
    ]);
    expect(existsSync(path.join(out, 'actors', 'gone'))).toBe(false);
    expect(existsSync(path.join(out, 'actors'))).toBe(true);
    // The output folder itself stays, even when emptied.
    await removeFiles(out, filesUnder(out));
    expect(existsSync(out)).toBe(true);
    expect(filesUnder(out)).toEqual([]);
  });
});
