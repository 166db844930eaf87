/**
 * Layouts on disk: one JSON file per cache key, read by the pages and
 * written by them and by the build's layout worker.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { LayoutStore } from './cache.ts';

/** Default folder of the on-disk layout cache, relative to the project root. */
export const DEFAULT_LAYOUT_CACHE_DIR = '.cache/layouts';

/** Cache files being written at once: enough to keep the disk busy, few enough for any file-handle limit. */
const MAX_PENDING_WRITES = 16;

/** A layout store that can also say when everything it was given is on disk. */
export interface FileLayoutStore extends LayoutStore {
  /** Resolves once every write asked for so far has finished (or failed). */
  flush(): Promise<void>;
}

/** How a store writes. */
export interface FileLayoutStoreOptions {
  /**
   * Write each layout at once, synchronously (the layout worker: its loop
   * never yields, so queued writes would wait until it ends, and the pages
   * beside it need each layout as soon as it is done).
   */
  sync?: boolean;
}

/**
 * A store of one JSON file per key in `dir`. Reads are synchronous (a page
 * needs its layout now); writes are queued and done in the background, off
 * the rendering thread (or at once with `sync`), each to a temporary name
 * then renamed, so a concurrent build never reads half a file. The cache
 * only saves time: a folder that cannot be written is skipped with one
 * warning, not an error.
 */
export function fileLayoutStore(
  dir: string,
  options: FileLayoutStoreOptions = {},
): FileLayoutStore {
  let ready: Promise<unknown> | undefined;
  let warned = false;
  let running = 0;
  const queue: (() => Promise<void>)[] = [];
  const idle: (() => void)[] = [];
  const file = (key: string) => path.join(dir, `${key}.json`);
  // Unique per process and thread: the pages and the layout worker may write the same key at once.
  const temporaryFor = (key: string) => `${file(key)}.${process.pid}-${threadId}.tmp`;
  const warn = (error: unknown) => {
    if (warned) return;
    warned = true;
    console.warn(`[dramatis] layout cache not written to ${dir}: ${String(error)}`);
  };
  let made = false;
  const next = () => {
    if (running === 0 && queue.length === 0) for (const resolve of idle.splice(0)) resolve();
    while (running < MAX_PENDING_WRITES && queue.length > 0) {
      const job = queue.shift();
      if (!job) break;
      running += 1;
      void job().finally(() => {
        running -= 1;
        next();
      });
    }
  };
  return {
    read(key) {
      try {
        return readFileSync(file(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    has(key) {
      return existsSync(file(key));
    },
    write(key, text) {
      const temporary = temporaryFor(key);
      if (options.sync) {
        try {
          if (!made) mkdirSync(dir, { recursive: true });
          made = true;
          writeFileSync(temporary, text);
          renameSync(temporary, file(key));
        } catch (error) {
          rmSync(temporary, { force: true });
          warn(error);
        }
        return;
      }
      queue.push(async () => {
        try {
          ready ??= mkdir(dir, { recursive: true });
          await ready;
          await writeFile(temporary, text);
          await rename(temporary, file(key));
        } catch (error) {
          await rm(temporary, { force: true }).catch(() => undefined);
          warn(error);
        }
      });
      next();
    },
    flush() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
