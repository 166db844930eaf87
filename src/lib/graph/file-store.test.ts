import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLayoutCache, layoutKey } from './cache.ts';
import { fileLayoutStore } from './file-store.ts';
import { tinyGraph } from './fixtures.ts';
import { layoutGraph } from './layout.ts';

let dir: string;

beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-layouts-')), 'layouts');
});

afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe('fileLayoutStore', () => {
  test('writes one JSON file per layout, creating the folder, and reads it back', async () => {
    let calls = 0;
    const count = (...args: Parameters<typeof layoutGraph>) => {
      calls += 1;
      return layoutGraph(...args);
    };
    const store = fileLayoutStore(dir);
    createLayoutCache(store, count)(tinyGraph);
    await store.flush();
    expect(await readdir(dir)).toEqual([`${layoutKey(tinyGraph)}.json`]);
    const again = createLayoutCache(fileLayoutStore(dir), count)(tinyGraph);
    expect(calls).toBe(1);
    expect(again).toEqual(layoutGraph(tinyGraph));
  });

  test('with sync, a layout is on disk as soon as write returns, and no temporary file stays', () => {
    const store = fileLayoutStore(dir, { sync: true });
    store.write('now', '{"n":1}');
    expect(readFileSync(path.join(dir, 'now.json'), 'utf8')).toBe('{"n":1}');
    expect(readdirSync(dir)).toEqual(['now.json']);
  });

  test('recomputes over a corrupted file instead of failing', async () => {
    const store = fileLayoutStore(dir);
    const first = createLayoutCache(store)(tinyGraph);
    await store.flush();
    const file = path.join(dir, `${layoutKey(tinyGraph)}.json`);
    await writeFile(file, '{"key": "trunc');
    expect(createLayoutCache(store)(tinyGraph)).toEqual(first);
    await store.flush();
    expect(JSON.parse(await readFile(file, 'utf8')).layout).toEqual(first);
  });

  test('writes many layouts without losing one', async () => {
    const store = fileLayoutStore(dir);
    for (let i = 0; i < 100; i += 1) store.write(`key-${i}`, `{"n":${i}}`);
    await store.flush();
    expect(await readdir(dir)).toHaveLength(100);
    expect(store.read('key-42')).toBe('{"n":42}');
  });

  test('warns once and goes on when the folder cannot be written', async () => {
    const blocked = path.join(path.dirname(dir), 'a-file');
    await writeFile(blocked, 'not a folder');
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => warnings.push(message);
    try {
      const store = fileLayoutStore(path.join(blocked, 'layouts'));
      store.write('one', '{}');
      store.write('two', '{}');
      await store.flush();
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
  });

  test('returns nothing for a key it does not have', () => {
    expect(fileLayoutStore(dir).read('missing')).toBeUndefined();
  });

  test('tells whether it has a key without reading the file', async () => {
    const store = fileLayoutStore(dir);
    expect(store.has?.('later')).toBe(false);
    store.write('later', '{}');
    await store.flush();
    expect(store.has?.('later')).toBe(true);
    expect(fileLayoutStore(dir).has?.('later')).toBe(true);
    expect(store.has?.('later.json')).toBe(false);
  });
});
