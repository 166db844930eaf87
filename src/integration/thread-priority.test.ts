import { spawnSync } from 'node:child_process';
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

  /** In a fresh process: optionally starts the pool here, then lets a background worker use it first; returns the pool threads' niceness. */
  function poolAfterBackgroundWorker(startHere: boolean): number[] {
    const script = `
      import { readdirSync, readFileSync } from 'node:fs';
      import { Worker } from 'node:worker_threads';
      const m = await import(${JSON.stringify(MODULE)});
      if (${startHere}) m.startThreadPool();
      const worker = new Worker(
        "const m = await import(" + JSON.stringify(${JSON.stringify(MODULE)}) + ");" +
        "m.runInBackground();" +
        "await (await import('node:fs/promises')).stat('.');",
        { eval: true, type: 'module' },
      );
      await new Promise((resolve) => worker.once('exit', resolve));
      const nice = readdirSync('/proc/self/task').flatMap((tid) => {
        const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
        if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('libuv-worker')) return [];
        return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
      });
      console.log(JSON.stringify(nice));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as number[];
  }

  test('the pool that does the main thread’s file work keeps its priority when started first', () => {
    const before = getPriority(process.pid);
    const started = poolAfterBackgroundWorker(true);
    expect(started.length).toBeGreaterThan(0);
    expect(new Set(started)).toEqual(new Set([before]));
    // Without it, the background worker would have made the pool at its own priority.
    expect(Math.min(...poolAfterBackgroundWorker(false))).toBe(
      Math.max(BACKGROUND_NICENESS, before),
    );
  });
});
