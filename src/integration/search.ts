/**
 * Full-text search: Pagefind indexes the story in a worker thread (its own
 * process does the indexing) while Astro builds the pages, and the bundle is
 * put in `<outDir>/pagefind/` when the build is done (search-bundle.ts). The
 * header's `<site-search>` loads the bundle on first use.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { checkedContent } from '../data/story.ts';
import { partsHash } from '../lib/hash.ts';
import { loadStory } from '../lib/model/load.ts';
import type { Story } from '../lib/model/types.ts';
import { codeStamp } from './checked-story.ts';
import { isEmptyFolder } from './folders.ts';
import { codeDigest } from './render-stamp.ts';
import {
  DEFAULT_SEARCH_CACHE_DIR,
  placeBundle,
  SEARCH_CODE,
  type SearchBundle,
  searchBundle,
  storySource,
} from './search-bundle.ts';
import type { SearchWorkerData } from './search-worker.ts';
import { startThreadPool } from './thread-priority.ts';

export { SEARCH_BUNDLE_DIR } from './folders.ts';

/** A bundle being made. */
export interface BundleRun {
  /** The bundle; from this call on, the process waits for it (before, a failed build may end without it). */
  awaited(): Promise<SearchBundle>;
}

/**
 * The bundle of `story`, made in a worker thread so that the main thread
 * goes on building pages; in this thread when no worker can start.
 * `background` lowers the worker's priority (thread-priority.ts).
 */
export function bundleBeside(
  story: Story,
  cacheDir: string,
  codeStamp: string | undefined,
  background = false,
): BundleRun {
  let worker: Worker;
  // Before a background worker can start libuv's pool at its own priority (thread-priority.ts).
  startThreadPool();
  try {
    const data: SearchWorkerData = { story, cacheDir, codeStamp, background };
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { workerData: data });
  } catch {
    const bundle = searchBundle(storySource(story, codeStamp), cacheDir);
    return { awaited: () => bundle };
  }
  const bundle = new Promise<SearchBundle>((resolve, reject) => {
    worker.once('message', (made: SearchBundle) => resolve(made));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(
        new Error(`the search worker stopped (exit code ${code}) before its bundle was ready`),
      ),
    );
  });
  // Reported when awaited; a build that fails before then has its own error to show.
  bundle.catch(() => {});
  // After the listeners, which would hold the process again: a build that fails before
  // awaiting the bundle must still end.
  worker.unref();
  return {
    awaited() {
      worker.ref();
      return bundle;
    },
  };
}

/** Options of the search integration. */
export interface SearchOptions {
  /** The story folder; `CONTENT_DIR` or `content` by default. */
  contentDir?: string;
}

/**
 * The Astro integration: starts indexing as soon as the build has checked
 * the story, and puts the bundle into the site once the build is done.
 */
export function search(options: SearchOptions = {}): AstroIntegration {
  let started: { at: number; run: Promise<BundleRun> } | undefined;
  const contentDir = () => options.contentDir ?? process.env.CONTENT_DIR ?? 'content';
  /**
   * Whether search gives way to the pages: in a build from scratch every
   * page renders and the pages are what the build waits for; after an edit
   * a few pages render, and the build waits for search instead.
   */
  let background = false;
  const start = () => {
    const run = (async () => {
      // The content gate has already passed (and left what it checked), so the story loads clean.
      const { story } = checkedContent(contentDir()) ?? (await loadStory(contentDir()));
      const cacheDir = process.env.SEARCH_CACHE_DIR ?? DEFAULT_SEARCH_CACHE_DIR;
      const lib = codeStamp();
      const stamp =
        lib &&
        partsHash()
          .add(lib)
          .add(await codeDigest(SEARCH_CODE))
          .hex();
      return bundleBeside(story, cacheDir, stamp, background);
    })();
    // Awaited at the end of the build; a build that fails before then must not also report this.
    run.catch(() => {});
    return { at: performance.now(), run };
  };
  return {
    name: 'dramatis-search',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        background = isEmptyFolder(fileURLToPath(config.cacheDir));
        started = start();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { at, run } = started ?? start();
        started = undefined;
        const waiting = performance.now();
        const made = await (await run).awaited();
        const target = await placeBundle(made, fileURLToPath(dir));
        const total = Math.round(performance.now() - at);
        const waited = Math.round(performance.now() - waiting);
        logger.info(
          `${made.pages} pages and ${made.records} event records ${made.cached ? 'unchanged, bundle reused' : 'indexed beside the build'}; bundle in ${path.relative(process.cwd(), target) || '.'}/ (${total} ms in all, ${waited} ms after the pages)`,
        );
      },
    },
  };
}
