/**
 * A worker thread that makes the search bundle (search-bundle.ts) while
 * Astro builds the pages: turning a thousand actors into documents and
 * feeding them to Pagefind's process takes the main thread's time otherwise.
 * Started by `bundleBeside` in search.ts; posts the finished bundle back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Story } from '../lib/model/types.ts';
import { searchBundle, storySource } from './search-bundle.ts';
import { runInBackground } from './thread-priority.ts';

/** What the integration hands the worker. */
export interface SearchWorkerData {
  story: Story;
  /** The search cache folder; empty for none. */
  cacheDir: string;
  /** A digest of the code that words the documents (see `storySource`). */
  codeStamp: string | undefined;
  /** Whether to give way to the thread that renders the pages (a build from scratch). */
  background: boolean;
}

const { story, cacheDir, codeStamp, background } = workerData as SearchWorkerData;
// The bundle is due only when the pages are done: it gives way to them, and so does Pagefind's process.
if (background) runInBackground();
parentPort?.postMessage(await searchBundle(storySource(story, codeStamp), cacheDir));
