/**
 * Background threads give way to the build's own: on a machine with fewer
 * free cores than busy threads (CI runners have two), the one that renders
 * the pages is the one the build waits for, so work that has time to spare
 * runs at a lower priority. Linux schedules each thread on its own, and a
 * process a thread starts (Pagefind's) inherits its priority.
 */
import { access, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The niceness background work runs at: the page thread (0) then gets about nine tenths of a shared core. */
export const BACKGROUND_NICENESS = 10;

/**
 * The kernel's id of the calling thread, on Linux; undefined elsewhere, and
 * when /proc belongs to another process namespace (its ids are not ours).
 */
export function threadId(): number | undefined {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const [pid, task, id] = readlinkSync('/proc/thread-self').split('/');
    const tid = Number(id);
    return Number(pid) === process.pid && task === 'task' && Number.isInteger(tid) && tid > 0
      ? tid
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure libuv's thread pool exists, made by the calling thread. The pool
 * is made by the first thread that hands it work, and its threads keep that
 * thread's priority: started from the main thread before a background
 * thread runs, it never does the pages' file and crypto work at a low one.
 */
export function startThreadPool(): void {
  // Any asynchronous file call hands the pool work, which starts it at once.
  access('.', () => undefined);
}

/**
 * Lowers the calling thread's priority to `niceness` (never raises it);
 * returns the niceness it then has, or undefined where threads cannot be
 * told apart (not Linux), which leaves everything as it was.
 */
export function runInBackground(niceness: number = BACKGROUND_NICENESS): number | undefined {
  const tid = threadId();
  if (tid === undefined || tid === process.pid) return undefined;
  try {
    if (getPriority(tid) < niceness) setPriority(tid, niceness);
    return getPriority(tid);
  } catch {
    return undefined;
  }
}
