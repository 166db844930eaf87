/**
 * The build caches (checked story, content store, layouts, search bundle)
 * save time without changing what is built: a second build of the same
 * content writes the same site from the caches, and an edit reaches every
 * page it affects, including wikilinks to a renamed actor in other files.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuildOutcome, buildSite } from './helpers/build.ts';

/** Every file under `dir` with its bytes, by relative path. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, Buffer>();
  for (const file of files) {
    if (!file.isFile()) continue;
    const full = path.join(file.parentPath, file.name);
    out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}

function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => {
    const x = a.get(name);
    const y = b.get(name);
    return !x || !y || !x.equals(y);
  });
}

function succeeded(outcome: BuildOutcome): BuildOutcome {
  if (outcome.code !== 0) throw new Error(`build failed:\n${outcome.stdout}\n${outcome.stderr}`);
  return outcome;
}

describe('build caches', () => {
  let content: string;
  let env: Record<string, string>;
  let first: BuildOutcome;
  let second: BuildOutcome;

  beforeAll(async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'dramatis-cache-'));
    content = path.join(work, 'story');
    await cp(path.resolve('tests/fixtures/story'), content, { recursive: true });
    const caches = path.join(work, 'cache');
    env = {
      STORY_CACHE_DIR: path.join(caches, 'story'),
      LAYOUT_CACHE_DIR: path.join(caches, 'layouts'),
      SEARCH_CACHE_DIR: path.join(caches, 'search'),
    };
    first = succeeded(await buildSite(content, env));
    second = succeeded(await buildSite(content, env));
  }, 240_000);

  test('a second build of unchanged content reuses the search bundle and writes the same site', async () => {
    expect(first.stdout).toMatch(/HTML files scanned/);
    expect(second.stdout).toMatch(/HTML files unchanged, bundle reused/);
    const a = await snapshot(first.outDir);
    const b = await snapshot(second.outDir);
    expect(a.size).toBeGreaterThan(20);
    expect(differing(a, b)).toEqual([]);
  });

  test('renaming an actor reaches its page, the wikilinks to it in other files and the search index', async () => {
    const file = path.join(content, 'actors', 'northland.md');
    const text = await readFile(file, 'utf8');
    const name = /^name: (.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '');
    expect(name).toBeTruthy();
    await writeFile(file, text.replace(/^name: .+$/m, 'name: Renamed Realm'));
    const third = succeeded(await buildSite(content, env));
    expect(third.stdout).toMatch(/HTML files scanned/);
    const actorPage = await readFile(
      path.join(third.outDir, 'actors/northland/index.html'),
      'utf8',
    );
    expect(actorPage).toContain('Renamed Realm');
    const articles = await readdir(path.join(third.outDir, 'articles'));
    const pages = await Promise.all(
      articles.map((id) => readFile(path.join(third.outDir, 'articles', id, 'index.html'), 'utf8')),
    );
    // The article body links the actor by id only, so its text comes from the name.
    const linked = pages.filter((page) =>
      /<a[^>]*data-actor="northland"[^>]*>Renamed Realm</.test(page),
    );
    expect(linked.length).toBeGreaterThan(0);
    expect(pages.some((page) => page.includes(`data-actor="northland">${name}<`))).toBe(false);
    const changed = differing(await snapshot(second.outDir), await snapshot(third.outDir));
    expect(changed.some((f) => f.startsWith('pagefind'))).toBe(true);
  }, 240_000);
});
