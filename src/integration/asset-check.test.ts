import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  BUNDLE_RECORD,
  bundleNames,
  linkedAssets,
  missingAssets,
  pagesNeedReading,
  readBuildRecord,
  writeBuildRecord,
} from './asset-check.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dramatis-assets-'));
  await mkdir(path.join(dir, '_astro'));
  await mkdir(path.join(dir, 'actors', 'a'), { recursive: true });
  await writeFile(path.join(dir, '_astro', 'Base.abc.css'), 'body{}');
  await writeFile(path.join(dir, '_astro', 'graph.def.js'), '');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('asset check', () => {
  test('finds the bundled files a page links, under any base path', () => {
    const html =
      '<link rel="stylesheet" href="/sub/_astro/Base.abc.css"><script type="module" src="/_astro/graph.def.js?v=1"></script><a href="/actors/">x</a>';
    expect(linkedAssets(html)).toEqual(['Base.abc.css', 'graph.def.js']);
    expect(linkedAssets(Buffer.from(html))).toEqual(['Base.abc.css', 'graph.def.js']);
  });

  test('ignores the same path written as text, or in another attribute', () => {
    const html =
      '<p>Files live in /_astro/ after a build, e.g. /_astro/x.js</p><a title="see /_astro/y.js" href="/x/">x</a><meta content="/_astro/z.js">';
    expect(linkedAssets(html)).toEqual([]);
  });

  test('reports a linked file the output lacks, with a page that links it', async () => {
    await writeFile(
      path.join(dir, 'index.html'),
      '<link href="/_astro/Base.abc.css"><script src="/_astro/graph.def.js"></script>',
    );
    expect(await missingAssets(dir)).toEqual(new Map());
    await writeFile(
      path.join(dir, 'actors', 'a', 'index.html'),
      '<script type="module" src="/_astro/graph.old.js"></script>',
    );
    expect(await missingAssets(dir)).toEqual(
      new Map([['graph.old.js', path.join('actors', 'a', 'index.html')]]),
    );
  });
});

describe('the record of the last build’s bundles', () => {
  test('lists the files under _astro/, sorted, and none without the folder', async () => {
    await mkdir(path.join(dir, '_astro', 'nested'));
    await writeFile(path.join(dir, '_astro', 'nested', 'a.js'), '');
    expect(bundleNames(dir)).toEqual(['Base.abc.css', 'graph.def.js', 'nested/a.js']);
    expect(bundleNames(path.join(dir, 'actors'))).toEqual([]);
  });

  test('is written, read back and removed in the cache folder, which it creates', async () => {
    const cache = path.join(dir, 'cache', 'astro');
    const record = { outDir: '/site/dist', bundles: ['a.js', 'b.css'] };
    expect(await readBuildRecord(cache)).toBeUndefined();
    await writeBuildRecord(cache, record);
    expect(await readBuildRecord(cache)).toEqual(record);
    await writeBuildRecord(cache, undefined);
    expect(await readBuildRecord(cache)).toBeUndefined();
  });

  test('is ignored unless it names the output folder and lists bundle names', async () => {
    const unreadable = [
      '{"a.js":true}',
      '{"outDir":"/site/dist","bundles":["a.js",3]}',
      '{"bundles":["a.js"]}',
      '{"outDir":7,"bundles":[]}',
      // The record of builds before the output folder was kept: bundle names alone.
      '["a.js","b.css"]',
      'null',
      'not json',
    ];
    for (const text of unreadable) {
      await writeFile(path.join(dir, BUNDLE_RECORD), text);
      expect(await readBuildRecord(dir)).toBeUndefined();
    }
  });

  test('spares reading the pages only when this build wrote every bundle the last one did', () => {
    expect(pagesNeedReading(['a.js', 'b.css'], ['a.js', 'b.css', 'c.js'])).toBe(false);
    expect(pagesNeedReading([], [])).toBe(false);
    expect(pagesNeedReading(['a.js', 'b.css'], ['a.js', 'b2.css'])).toBe(true);
    expect(pagesNeedReading(undefined, ['a.js'])).toBe(true);
  });
});
