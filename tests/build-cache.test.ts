/**
 * The build caches (checked story, content store, incremental pages, layouts,
 * search bundle) save time without changing what is built: a second build of
 * the same content writes the same site from the caches, and after an edit a
 * cached build writes exactly what a build from scratch writes, including
 * wikilinks to a renamed actor in other files.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runCommand } from '../scripts/lib/run.ts';
import { BUNDLE_RECORD } from '../src/integration/asset-check.ts';
import { type BuildOutcome, buildSite } from './helpers/build.ts';
import { folderFiles } from './helpers/files.ts';

function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => {
    const x = a.get(name);
    const y = b.get(name);
    return !x || !y || !x.equals(y);
  });
}

/** Pages Astro's incremental build copied from the last build instead of rendering. */
function restored(outcome: BuildOutcome): string[] {
  return [...outcome.stdout.matchAll(/(\/\S+) \((?:restored|cached)\)/g)].map((m) => m[1] ?? '');
}

function succeeded(outcome: BuildOutcome): BuildOutcome {
  if (outcome.code !== 0) throw new Error(`build failed:\n${outcome.stdout}\n${outcome.stderr}`);
  return outcome;
}

/** The check that pages copied from the last build link only bundles this build wrote... */
const CHECKED = /pages copied from the last build link only bundles this build wrote/;
/** ...and its short form, when this build wrote every bundle the last one recorded. */
const SPARED = /it wrote all the last build did/;

describe('build caches', () => {
  let content: string;
  let work: string;
  let env: Record<string, string>;
  let first: BuildOutcome;
  let second: BuildOutcome;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dramatis-cache-'));
    content = path.join(work, 'story');
    await cp(path.resolve('tests/fixtures/story'), content, { recursive: true });
    const caches = path.join(work, 'cache');
    env = {
      STORY_CACHE_DIR: path.join(caches, 'story'),
      LAYOUT_CACHE_DIR: path.join(caches, 'layouts'),
      SEARCH_CACHE_DIR: path.join(caches, 'search'),
      ASTRO_CACHE_DIR: path.join(caches, 'astro'),
    };
    first = succeeded(await buildSite(content, env));
    second = succeeded(await buildSite(content, env));
  }, 240_000);

  /** A build of the same content with every cache empty. */
  async function fromScratch(): Promise<BuildOutcome> {
    const empty = path.join(work, `scratch-${Date.now()}`);
    const outcome = succeeded(
      await buildSite(content, {
        STORY_CACHE_DIR: path.join(empty, 'story'),
        LAYOUT_CACHE_DIR: path.join(empty, 'layouts'),
        SEARCH_CACHE_DIR: path.join(empty, 'search'),
        ASTRO_CACHE_DIR: path.join(empty, 'astro'),
      }),
    );
    expect(restored(outcome)).toEqual([]);
    await rm(empty, { recursive: true, force: true });
    return outcome;
  }

  /** Builds with the caches and from scratch; the two sites must be the same file for file. */
  async function cachedMatchesScratch(): Promise<BuildOutcome> {
    const cached = succeeded(await buildSite(content, env));
    const scratch = await fromScratch();
    expect(differing(await folderFiles(cached.outDir), await folderFiles(scratch.outDir))).toEqual(
      [],
    );
    return cached;
  }

  test('a second build of unchanged content reuses the search bundle and writes the same site', async () => {
    expect(first.stdout).toMatch(/indexed beside the build/);
    expect(second.stdout).toMatch(/unchanged, bundle reused/);
    // The check for bundles that copied pages link runs only when pages may have been copied.
    expect(first.stdout).not.toMatch(CHECKED);
    expect(second.stdout).toMatch(CHECKED);
    // The first build recorded its bundles and the second wrote them all: no page was read.
    expect(second.stdout).toMatch(SPARED);
    const a = await folderFiles(first.outDir);
    const b = await folderFiles(second.outDir);
    expect(a.size).toBeGreaterThan(20);
    expect(differing(a, b)).toEqual([]);
    // Every actor page, article page and card was copied, not rendered.
    expect(restored(first)).toEqual([]);
    const copied = restored(second);
    expect(copied).toContain('/actors/northland/index.html');
    expect(copied).toContain('/articles/harbour-talks/index.html');
    expect(copied).toContain('/graph/index.html');
    expect(copied).toContain('/timeline/index.html');
    expect(copied.filter((p) => p.startsWith('/cards/')).length).toBeGreaterThan(0);
  });

  test('after edits to single entries, only the pages showing them render again, and the site is the one a build from scratch writes', async () => {
    const edit = async (file: string, change: (text: string) => string) => {
      const full = path.join(content, file);
      const before = await readFile(full, 'utf8');
      const after = change(before);
      expect(after).not.toBe(before);
      await writeFile(full, after);
    };
    // An actor's body, a relation's dates, an event's date and an article's body.
    await edit('actors/mayor-ada.md', (t) => `${t}\nA sentence added by the cache test.\n`);
    await edit('relations/mayor-ada-heads-harbour-board.md', (t) =>
      t.replace('kind: heads', 'kind: heads\nsince: 2029'),
    );
    await edit('events/gazette-report.md', (t) => t.replace(/^date: .+$/m, 'date: 2031-05-11'));
    await edit('articles/older-note.md', (t) => `${t}\nOne more line in the article.\n`);
    // A bundle the last build wrote and this one does not: the copied pages are read for their links.
    const record = path.join(env.ASTRO_CACHE_DIR ?? '', BUNDLE_RECORD);
    const { outDir, bundles } = JSON.parse(await readFile(record, 'utf8'));
    expect(bundles.length).toBeGreaterThan(3);
    await writeFile(record, JSON.stringify({ outDir, bundles: [...bundles, 'gone.abc.js'] }));
    const cached = await cachedMatchesScratch();
    expect(cached.stdout).toMatch(CHECKED);
    expect(cached.stdout).not.toMatch(SPARED);
    const copied = restored(cached);
    // The pages of the actors they touch render again (Southland lists the mayor as a member)...
    for (const page of ['mayor-ada', 'harbour-board', 'southland', 'wire-service']) {
      expect(copied).not.toContain(`/actors/${page}/index.html`);
    }
    // ...and a page that shows none of them is copied.
    expect(copied).toContain('/actors/northland/index.html');
  }, 240_000);

  test('renaming an actor reaches its page, the wikilinks to it in other files and the search index', async () => {
    const file = path.join(content, 'actors', 'northland.md');
    const text = await readFile(file, 'utf8');
    const name = /^name: (.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '');
    expect(name).toBeTruthy();
    await writeFile(file, text.replace(/^name: .+$/m, 'name: Renamed Realm'));
    const third = await cachedMatchesScratch();
    expect(third.stdout).toMatch(/indexed beside the build/);
    // Every page may show the name (wikilinks): none is copied.
    expect(restored(third).filter((p) => p.startsWith('/actors/'))).toEqual([]);
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
    const changed = differing(await folderFiles(second.outDir), await folderFiles(third.outDir));
    expect(changed.some((f) => f.startsWith('pagefind'))).toBe(true);
  }, 240_000);
});

/** The log line of a build that kept the last build's output folder (src/integration/kept-output.ts). */
const KEPT = /kept the last build's output folder; removed (\d+) file\(s\)/;

/** `npm run build:in-place` (scripts/build.ts --in-place) of `content` into `out`, with `env`. */
async function buildInPlace(
  content: string,
  env: Record<string, string>,
  out: string,
): Promise<BuildOutcome> {
  const { code, stdout, stderr } = await runCommand(
    process.execPath,
    ['scripts/build.ts', '--in-place'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: content,
        OUT_DIR: out,
        ...env,
      },
    },
  );
  return { code, stdout, stderr, outDir: out };
}

describe('an output folder kept from the last build', () => {
  test('is updated in place: unchanged pages stay, what this build no longer writes goes, and the site is the one a build from scratch writes', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'dramatis-kept-'));
    const content = path.join(work, 'story');
    await cp(path.resolve('tests/fixtures/story'), content, { recursive: true });
    const extra = path.join(content, 'actors', 'passing-envoy.md');
    await writeFile(extra, '---\nname: Passing Envoy\nkind: person\n---\nHere for one build.\n');
    const caches = path.join(work, 'cache');
    const env = {
      STORY_CACHE_DIR: path.join(caches, 'story'),
      LAYOUT_CACHE_DIR: path.join(caches, 'layouts'),
      SEARCH_CACHE_DIR: path.join(caches, 'search'),
      ASTRO_CACHE_DIR: path.join(caches, 'astro'),
    };
    const out = path.join(work, 'dist');
    const first = succeeded(await buildInPlace(content, env, out));
    expect(first.stdout).not.toMatch(KEPT);
    expect(existsSync(path.join(out, 'actors/passing-envoy/index.html'))).toBe(true);

    // A story the gate refuses stops the build before it touches anything: the next one still keeps the site.
    const actor = path.join(content, 'actors', 'northland.md');
    const text = await readFile(actor, 'utf8');
    await writeFile(actor, text.replace(/^kind: .+$/m, 'kind: planet'));
    expect((await buildSite(content, env, out)).code).not.toBe(0);
    await writeFile(actor, text);

    // The actor goes; a stray file and an old bundle are left in the site.
    await rm(extra);
    await writeFile(path.join(out, 'stray.html'), '<p>left by hand</p>');
    await writeFile(path.join(out, '_astro', 'old.abc123.js'), '');
    const kept = succeeded(await buildInPlace(content, env, out));
    // The actor's page and the stray file (the old bundle went with the old bundle folder).
    expect(KEPT.exec(kept.stdout)?.[1]).toBe('2');
    // Unchanged pages (a card here: the name list every page key holds has changed) stay where they
    // are, and none is copied from Astro's cache.
    expect(kept.stdout).toMatch(/\/cards\/\S+\.png \(cached\)/);
    expect(kept.stdout).not.toMatch(/\(restored\)/);
    expect(existsSync(path.join(out, 'actors/passing-envoy'))).toBe(false);
    expect(existsSync(path.join(out, 'stray.html'))).toBe(false);
    expect(existsSync(path.join(out, '_astro', 'old.abc123.js'))).toBe(false);
    const scratch = succeeded(await buildSite(content, {}));
    const keptFiles = await folderFiles(out);
    expect(keptFiles.size).toBeGreaterThan(20);
    expect(differing(keptFiles, await folderFiles(scratch.outDir))).toEqual([]);

    // A build into another folder with the same caches empties that folder; the next one into it
    // keeps it, and the next one here, after a build elsewhere, starts afresh.
    const elsewhere = succeeded(await buildSite(content, env));
    expect(elsewhere.stdout).not.toMatch(KEPT);
    await writeFile(path.join(elsewhere.outDir, 'stray.html'), '');
    const again = succeeded(await buildSite(content, env, elsewhere.outDir));
    expect(KEPT.exec(again.stdout)?.[1]).toBe('1');
    const back = succeeded(await buildSite(content, env, out));
    expect(back.stdout).not.toMatch(KEPT);
    expect(differing(await folderFiles(out), keptFiles)).toEqual([]);
    expect(differing(await folderFiles(again.outDir), keptFiles)).toEqual([]);
    await rm(work, { recursive: true, force: true });
  }, 300_000);
});
