import type { PartialDate } from './types.ts';

/** A half-open interval of time in epoch ms: `start` inclusive, `end` exclusive. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Sort order for dates: earlier start first; on the same start, the shorter
 * interval first, so `2022-01-01` comes before `2022-01` and `2022-01` before `2022`.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return Math.sign(a.start - b.start) || Math.sign(a.end - b.end);
}

/**
 * Whether `a` lies entirely before `b` (`a.end <= b.start`). An `end`/`until`
 * is refused only when `isBefore(end, start)`: `2022-01` to `2022-01-15` is fine.
 */
export function isBefore(a: Interval, b: Interval): boolean {
  return a.end <= b.start;
}

/**
 * The interval a date covers, or with `end` the span from the date's start to
 * the end of `end`. A span never ends before its first date does: an `end` that
 * lies before the date is the validator's to report, not this function's.
 */
export function intervalOf(date: PartialDate, end?: PartialDate): Interval {
  return { start: date.start, end: Math.max(date.end, end?.end ?? date.end) };
}

/** Whether two half-open intervals share at least one instant (touching ends do not). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
