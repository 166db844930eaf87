import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { BACKGROUND_NICENESS, runInBackground, threadId } from './thread-priority.ts';

const MODULE = new URL('./thread-priority.ts', import.meta.url).href;

/** Runs `runInBackground` in a new worker thread; reports what it returned and the process's priority seen from there. */
function inWorker(): Promise<{
  set: number | undefined;
  tid: number | undefined;
  process: number;
}> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const { getPriority } = require('node:os');
     import(${JSON.stringify(MODULE)}).then((m) => {
       const set = m.runInBackground();
       parentPort.postMessage({ set, tid: m.threadId(), process: getPriority(process.pid) });
     });`,
    { eval: true },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe.runIf(process.platform === 'linux')('runInBackground', () => {
  test('lowers the calling worker thread, not the thread that renders pages', async () => {
    const before = getPriority(process.pid);
    const seen = await inWorker();
    expect(seen.set).toBe(Math.max(BACKGROUND_NICENESS, before));
    expect(seen.tid).not.toBe(process.pid);
    expect(seen.process).toBe(before);
    expect(getPriority(process.pid)).toBe(before);
  });

  test('leaves the main thread as it is', () => {
    const before = getPriority(process.pid);
    expect(threadId()).toBe(process.pid);
    expect(runInBackground()).toBeUndefined();
    expect(getPriority(process.pid)).toBe(before);
  });
});
