/**
 * A worker thread that lays out the site's diagrams into the layout cache
 * while Astro is still syncing content and bundling scripts, on a core that
 * would otherwise wait: the pages then find most layouts ready. It only
 * fills the cache, so when it is late, stopped or broken a page lays out its
 * own graph and nothing else changes. Started by `startLayoutWorker`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLayoutFiller } from '../lib/graph/cache.ts';
import { fileLayoutStore } from '../lib/graph/file-store.ts';
import { graphsForWorker } from '../lib/graph/page-graphs.ts';
import type { Story } from '../lib/model/types.ts';

/** What the worker did: graphs it went through, and of those, the ones not in the cache yet. */
export interface LayoutTally {
  checked: number;
  laidOut: number;
}

/** What the integration hands the worker. */
export interface LayoutWorkerData {
  story: Story;
  /** The layout cache folder. */
  dir: string;
  /** Set to 1 by the integration when the pages are done: the worker stops after the current graph. */
  stop: Int32Array;
}

const { story, dir, stop } = workerData as LayoutWorkerData;
// Written at once: the loop below never yields, and the pages need each layout as soon as it is done.
const fill = createLayoutFiller(fileLayoutStore(dir, { sync: true }));
const tally: LayoutTally = { checked: 0, laidOut: 0 };
for (const job of graphsForWorker(story)) {
  if (Atomics.load(stop, 0) === 1) break;
  if (fill(job.input, job.options)) tally.laidOut += 1;
  tally.checked += 1;
}
parentPort?.postMessage(tally);
