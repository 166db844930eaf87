import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { folderFiles } from '../../tests/helpers/files.ts';
import type { Actor, Story } from '../lib/model/types.ts';
import { actor } from '../lib/social/fixtures.ts';
import {
  holdsBundle,
  indexStory,
  inputSource,
  placeBundle,
  type SearchInput,
  searchBundle,
  searchKey,
  storySource,
} from './search-bundle.ts';

function input(name: string): SearchInput {
  return {
    documents: [
      {
        url: '/actors/a/',
        html: `<html lang="en"><body><main data-pagefind-body><h1>${name}</h1><p>Harbour pilot.</p></main></body></html>`,
      },
    ],
    records: [
      {
        url: '/timeline/#event-e',
        content: 'The harbour closes.',
        language: 'en',
        meta: { title: 'Closing', type: 'Event' },
        filters: { type: ['Event'] },
      },
    ],
    language: 'en',
  };
}

describe('searchKey', () => {
  test('changes with a document, a record or the language, and with nothing else', () => {
    const key = searchKey(input('Ada'));
    expect(searchKey(input('Ada'))).toBe(key);
    expect(searchKey(input('Bo'))).not.toBe(key);
    expect(searchKey({ ...input('Ada'), language: 'de' })).not.toBe(key);
    const changed = input('Ada');
    changed.records = changed.records.map((r) => ({ ...r, content: 'The harbour opens.' }));
    expect(searchKey(changed)).not.toBe(key);
  });
});

describe('storySource', () => {
  const story: Story = {
    site: { title: 'Port Watch', description: 'D.', language: 'en' },
    kinds: [],
    articles: [],
    actors: [actor('north', 'Norland', 'state', { body: 'A coastal state.' })],
    events: [],
    relations: [],
  };

  test('keys a story by all of it and the code stamp, without making its documents', () => {
    const key = storySource(story, 'code').key;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(storySource(structuredClone(story), 'code').key).toBe(key);
    const edited = structuredClone(story);
    edited.actors[0] = { ...edited.actors[0], body: 'A coastal state, edited.' } as Actor;
    expect(storySource(edited, 'code').key).not.toBe(key);
    expect(storySource(story, 'other code').key).not.toBe(key);
    // Code of unknown make: nothing is kept.
    expect(storySource(story, undefined).key).toBeUndefined();
  });

  test('a kept bundle is used without making the documents again', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'dramatis-search-cache-'));
    let made = 0;
    const source = () => {
      const base = storySource(story, 'code');
      const input = () => {
        made += 1;
        return base.input();
      };
      return { key: base.key, input };
    };
    const first = await searchBundle(source(), cache);
    const again = await searchBundle(source(), cache);
    expect([first.cached, again.cached, made]).toEqual([false, true, 1]);
  }, 60_000);
});

describe('indexStory', () => {
  test('writes the same bytes sending a window of requests at once as sending one at a time', async () => {
    const many: SearchInput = {
      ...input('Ada'),
      documents: Array.from({ length: 300 }, (_, i) => ({
        url: `/actors/a${i}/`,
        html: `<html lang="en"><body><main data-pagefind-body><h1>Actor ${i}</h1><p>Harbour pilot number ${i}, ${'word '.repeat(i % 40)}</p></main></body></html>`,
      })),
    };
    const dirs = [];
    for (const inFlight of [1, undefined]) {
      const dir = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-index-')), 'pagefind');
      expect(await indexStory(many, dir, { inFlight })).toEqual({ pages: 300, records: 1 });
      dirs.push(dir);
    }
    const [a, b] = await Promise.all(dirs.map(folderFiles));
    expect(a?.size).toBeGreaterThan(300);
    expect(a).toEqual(b);
  }, 60_000);
});

describe('searchBundle', () => {
  test('indexes once, keeps the bundle for the same input, and keeps only the latest', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'dramatis-search-cache-'));
    const first = await searchBundle(inputSource(input('Ada')), cache);
    expect(first).toMatchObject({ pages: 1, records: 1, cached: false });
    expect(existsSync(path.join(first.dir, 'pagefind.js'))).toBe(true);
    // Pagefind's own UIs (innerHTML) are not shipped.
    expect(existsSync(path.join(first.dir, 'pagefind-ui.js'))).toBe(false);
    const site = await mkdtemp(path.join(tmpdir(), 'dramatis-site-'));
    await placeBundle(first, site);
    expect(await readdir(cache)).toEqual([searchKey(input('Ada'))]);

    const again = await searchBundle(inputSource(input('Ada')), cache);
    expect(again).toMatchObject({ pages: 1, records: 1, cached: true });
    const entry = 'pagefind-entry.json';
    expect(await readFile(path.join(again.dir, entry))).toEqual(
      await readFile(path.join(site, 'pagefind', entry)),
    );

    // Another build of other content replaces the kept bundle before this one places its own...
    const other = await searchBundle(inputSource(input('Bo')), cache);
    expect(other.cached).toBe(false);
    // ...which still holds every file, and is placed as hard links (or copies) into the site.
    const placed = await placeBundle(again, await mkdtemp(path.join(tmpdir(), 'dramatis-site-')));
    expect((await stat(path.join(placed, entry))).size).toBeGreaterThan(0);
    expect(existsSync(path.join(placed, 'pagefind.js'))).toBe(true);
    await placeBundle(other, site);
    // What each build held is gone once placed; the latest bundle stays.
    expect(await readdir(cache)).toEqual([searchKey(input('Bo'))]);
  }, 60_000);

  test('a site that holds the bundle already keeps it; a changed or other bundle is placed whole', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'dramatis-search-cache-'));
    const site = await mkdtemp(path.join(tmpdir(), 'dramatis-site-'));
    const placed = await placeBundle(await searchBundle(inputSource(input('Ada')), cache), site);
    const folder = (await stat(placed)).ino;
    // The next build of the same story finds it in the site (an output folder kept): not placed again.
    const same = await searchBundle(inputSource(input('Ada')), cache);
    expect(holdsBundle(placed, same.dir)).toBe(true);
    await placeBundle(same, site);
    expect((await stat(placed)).ino).toBe(folder);
    expect(existsSync(same.temporary ?? '')).toBe(false);
    // A file the bundle lacks: the site's copy no longer counts, and is replaced whole.
    await writeFile(path.join(placed, 'stray.txt'), '');
    const again = await searchBundle(inputSource(input('Ada')), cache);
    expect(holdsBundle(placed, again.dir)).toBe(false);
    await placeBundle(again, site);
    expect((await stat(placed)).ino).not.toBe(folder);
    expect(existsSync(path.join(placed, 'stray.txt'))).toBe(false);
    // A copy of the same files is not a link to them (it could have been edited).
    const copy = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-site-')), 'pagefind');
    const kept = await searchBundle(inputSource(input('Ada')), cache);
    await cp(kept.dir, copy, { recursive: true });
    expect(holdsBundle(copy, kept.dir)).toBe(false);
    // Another story's bundle.
    const other = await searchBundle(inputSource(input('Bo')), cache);
    expect(holdsBundle(placed, other.dir)).toBe(false);
    await placeBundle(other, site);
    expect(holdsBundle(placed, path.join(cache, searchKey(input('Bo')), 'pagefind'))).toBe(true);
  }, 60_000);

  test('a build that finds its bundle kept removes what stopped builds left over an hour ago', async () => {
    const cache = await mkdtemp(path.join(tmpdir(), 'dramatis-search-cache-'));
    await placeBundle(
      await searchBundle(inputSource(input('Ada')), cache),
      await mkdtemp(path.join(tmpdir(), 'dramatis-site-')),
    );
    const old = path.join(cache, 'x.build.old.tmp');
    const young = path.join(cache, 'x.build.young.tmp');
    await mkdir(old);
    await mkdir(young);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    const hit = await searchBundle(inputSource(input('Ada')), cache);
    expect(hit.cached).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(path.join(cache, searchKey(input('Ada'))))).toBe(true);
  }, 60_000);

  test('without a cache folder, indexes into a temporary folder that placing removes', async () => {
    const bundle = await searchBundle(inputSource(input('Ada')), '');
    expect(bundle.cached).toBe(false);
    expect(existsSync(path.join(bundle.dir, 'pagefind.js'))).toBe(true);
    const site = await mkdtemp(path.join(tmpdir(), 'dramatis-site-'));
    const placed = await placeBundle(bundle, site);
    expect(existsSync(path.join(placed, 'pagefind.js'))).toBe(true);
    expect(existsSync(bundle.dir)).toBe(false);
  }, 60_000);
});
