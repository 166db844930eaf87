/** Time windows chosen on the timeline, as day-precise dates for the URL (`from`, `to` inclusive). */
import type { Interval } from '../dates/compare.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Digits of a year in an ISO date; months and days take two. */
const YEAR_DIGITS = 4;
const FIELD_DIGITS = 2;

/** The UTC calendar day of `ms` as `YYYY-MM-DD`. */
export function isoDay(ms: number): string {
  const date = new Date(Math.floor(ms / DAY_MS) * DAY_MS);
  const year = String(date.getUTCFullYear()).padStart(YEAR_DIGITS, '0');
  const month = String(date.getUTCMonth() + 1).padStart(FIELD_DIGITS, '0');
  const day = String(date.getUTCDate()).padStart(FIELD_DIGITS, '0');
  return `${year}-${month}-${day}`;
}

/**
 * The whole days touched by `[start, end)` (epoch ms, either order) as `from`/`to` for the view
 * state: `to` is the last day touched, inclusive, and never before `from`.
 */
export function windowFromRange(start: number, end: number): { from: string; to: string } {
  const lo = Math.min(start, end);
  const hi = Math.max(start, end);
  return { from: isoDay(lo), to: isoDay(Math.max(lo, hi - 1)) };
}

/** `window` cut to `domain`, or undefined when they do not meet (open ends become the domain's). */
export function clampWindow(
  window: Interval,
  domain: readonly [number, number],
): Interval | undefined {
  const start = Math.max(window.start, domain[0]);
  const end = Math.min(window.end, domain[1]);
  return start < end ? { start, end } : undefined;
}
