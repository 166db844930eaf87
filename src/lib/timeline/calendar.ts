/**
 * UTC calendar steps for axis ticks: whole years, months, days, hours or minutes, every n-th.
 * Written out rather than taken from d3-time so the browser's zoomable axis stays small; the
 * steps match d3's `utcYear.every(n)`, `utcMonth.every(n)`, `utcHour.every(n)` and so on, with
 * days counted from the epoch (not the month) and weeks starting on Monday.
 */

/** A calendar unit of the axis. */
export type CalendarUnit = 'year' | 'month' | 'day' | 'hour' | 'minute';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Days in a week: a 7-day step means ISO weeks, starting on Monday. */
const WEEK_DAYS = 7;
/** `getUTCDay()` of a Monday. */
const MONDAY = 1;
/** Length in ms of the fixed-length units. */
const FIXED: Partial<Record<CalendarUnit, number>> = { day: DAY, hour: HOUR, minute: MINUTE };

/** Epoch ms of the first of `month` (0-based) of `year`, any year (Date.UTC maps 0–99 to 19xx). */
function monthStart(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1);
  return date.getTime();
}

/** The start of the `unit` holding `ms`. */
export function floorUnit(ms: number, unit: CalendarUnit): number {
  const length = FIXED[unit];
  if (length) return Math.floor(ms / length) * length;
  const date = new Date(ms);
  return monthStart(date.getUTCFullYear(), unit === 'year' ? 0 : date.getUTCMonth());
}

/** The start of the `unit` after the one starting at `start`. */
function nextUnit(start: number, unit: CalendarUnit): number {
  const length = FIXED[unit];
  if (length) return start + length;
  const date = new Date(start);
  return unit === 'year'
    ? monthStart(date.getUTCFullYear() + 1, 0)
    : monthStart(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** Whether the `unit` starting at `start` is on a tick of every `step`-th unit. */
function onStep(start: number, unit: CalendarUnit, step: number): boolean {
  if (step === 1) return true;
  const date = new Date(start);
  if (unit === 'year') return date.getUTCFullYear() % step === 0;
  if (unit === 'month') return date.getUTCMonth() % step === 0;
  if (unit === 'hour') return date.getUTCHours() % step === 0;
  if (unit === 'minute') return date.getUTCMinutes() % step === 0;
  if (step === WEEK_DAYS) return date.getUTCDay() === MONDAY;
  return Math.floor(start / DAY) % step === 0;
}

/** Starts of every `step`-th `unit` from `start` (inclusive) to `stop` (exclusive), epoch ms. */
export function calendarTicks(
  unit: CalendarUnit,
  step: number,
  start: number,
  stop: number,
): number[] {
  const ticks: number[] = [];
  let at = floorUnit(start, unit);
  if (at < start) at = nextUnit(at, unit);
  for (; at < stop; at = nextUnit(at, unit)) {
    if (onStep(at, unit, step)) ticks.push(at);
  }
  return ticks;
}
