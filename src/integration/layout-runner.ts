/**
 * Starts and stops the layout worker (layout-worker.ts) for one build.
 * Skipped for tiny stories, where a thread costs more than it saves, and
 * when the layout cache is off (the worker's only output is the cache).
 */
import { Worker } from 'node:worker_threads';
import type { Story } from '../lib/model/types.ts';
import type { LayoutTally, LayoutWorkerData } from './layout-worker.ts';

export type { LayoutTally };

/** Below this many actors the pages lay out their graphs faster than a thread starts. */
export const WORKER_MIN_ACTORS = 200;

/** A running worker. Both promises resolve with how many graphs it went through and laid out. */
export interface LayoutRun {
  /** Resolves when the worker has gone through every graph (or failed). */
  finished(): Promise<LayoutTally>;
  /** Asks the worker to stop after its current graph. */
  stop(): Promise<LayoutTally>;
}

/** Starts the worker on `story`, writing into `dir`; undefined when not worth it or when it cannot start. */
export function startLayoutWorker(
  story: Story,
  dir: string,
  warn: (message: string) => void,
): LayoutRun | undefined {
  if (!dir || story.actors.length < WORKER_MIN_ACTORS) return undefined;
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const data: LayoutWorkerData = { story, dir, stop };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { workerData: data });
  } catch (error) {
    warn(`layout worker not started (${String(error)}); pages lay out their own graphs`);
    return undefined;
  }
  // Never keeps a failed build's process alive.
  worker.unref();
  let done: LayoutTally = { checked: 0, laidOut: 0 };
  const finished = new Promise<LayoutTally>((resolve) => {
    worker.on('message', (message: LayoutTally) => {
      done = message;
    });
    worker.on('error', (error) => {
      warn(`layout worker failed (${String(error)}); pages lay out their own graphs`);
      resolve(done);
    });
    worker.on('exit', () => resolve(done));
  });
  const awaited = () => {
    // Awaited (by a build hook or a caller): the process must not end before the worker does.
    worker.ref();
    return finished;
  };
  return {
    finished: awaited,
    stop() {
      Atomics.store(stop, 0, 1);
      return awaited();
    },
  };
}
