/** Axis ticks for the timeline: the finest calendar unit whose labels still fit the width. */
import { scaleUtc } from 'd3-scale';
import {
  type CountableTimeInterval,
  type TimeInterval,
  utcDay,
  utcHour,
  utcMinute,
  utcMonday,
  utcMonth,
  utcYear,
} from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { measureText } from '../text/measure.ts';

/** One tick of the time axis. */
export interface Tick {
  /** Epoch ms. */
  value: number;
  label: string;
  /** Starts a coarser unit (a decade, a year, a month, a day); drawn longer. */
  major: boolean;
}

/** Calendar units from coarse to fine; a label names its unit and any coarser one that changed. */
type Unit = 'year' | 'month' | 'day' | 'hour' | 'minute';

/** Font size in px of tick labels; the Timeline component draws them at this size. */
export const TICK_FONT_SIZE = 11;
/** Ticks closer than this look like a comb even when their labels fit. */
const MIN_TICK_SPACING = 48;
/** Clear space in px between neighbouring tick labels. */
const TICK_LABEL_GAP = 8;
/** Years in the unit above a year tick: a new decade is a major tick. */
const DECADE = 10;
/** Days in a week, the 7-day step (Monday-based, as ISO 8601 weeks). */
const WEEK_DAYS = 7;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/** A candidate tick interval: its unit, step, and rough length (to skip hopeless candidates cheaply). */
interface Candidate {
  unit: Unit;
  step: number;
  approx: number;
}

/** Coarse to fine. Every step divides its unit evenly, so ticks are evenly spaced. */
const CANDIDATES: readonly Candidate[] = [
  ...[100, 50, 20, 10, 5, 2, 1].map((step) => ({
    unit: 'year' as const,
    step,
    approx: step * YEAR,
  })),
  ...[6, 3, 1].map((step) => ({ unit: 'month' as const, step, approx: step * MONTH })),
  ...[7, 2, 1].map((step) => ({ unit: 'day' as const, step, approx: step * DAY })),
  ...[12, 6, 3, 1].map((step) => ({ unit: 'hour' as const, step, approx: step * HOUR })),
  ...[30, 15, 5, 1].map((step) => ({ unit: 'minute' as const, step, approx: step * MINUTE })),
];

const INTERVALS: Record<Unit, CountableTimeInterval> = {
  year: utcYear,
  month: utcMonth,
  day: utcDay,
  hour: utcHour,
  minute: utcMinute,
};

const formatYear = utcFormat('%Y');
const formatMonth = utcFormat('%b');
const formatMonthYear = utcFormat('%b %Y');
const formatDay = utcFormat('%-d');
const formatDayMonth = utcFormat('%-d %b');
const formatDayMonthYear = utcFormat('%-d %b %Y');
const formatTime = utcFormat('%H:%M');
const formatDayTime = utcFormat('%-d %b %H:%M');
const formatFullTime = utcFormat('%-d %b %Y %H:%M');

/** The coarsest unit in which `date` differs from `previous` (`year` when there is no previous tick). */
function changedUnit(date: Date, previous: Date | undefined): Unit {
  if (!previous || date.getUTCFullYear() !== previous.getUTCFullYear()) return 'year';
  if (date.getUTCMonth() !== previous.getUTCMonth()) return 'month';
  if (date.getUTCDate() !== previous.getUTCDate()) return 'day';
  if (date.getUTCHours() !== previous.getUTCHours()) return 'hour';
  return 'minute';
}

/** Label of a tick of `unit`, with the coarser context that changed since the previous tick. */
function labelTick(unit: Unit, date: Date, previous: Date | undefined): string {
  const changed = changedUnit(date, previous);
  if (unit === 'year') return formatYear(date);
  if (unit === 'month') return changed === 'year' ? formatMonthYear(date) : formatMonth(date);
  if (unit === 'day') {
    if (changed === 'year') return formatDayMonthYear(date);
    return changed === 'month' ? formatDayMonth(date) : formatDay(date);
  }
  if (changed === 'year') return formatFullTime(date);
  return changed === 'month' || changed === 'day' ? formatDayTime(date) : formatTime(date);
}

/** Whether a tick of `unit` is the first of a new coarser unit (decade, year, month, day, hour). */
function isMajor(unit: Unit, date: Date, previous: Date | undefined): boolean {
  if (!previous) return false;
  if (unit === 'year') {
    return (
      Math.floor(date.getUTCFullYear() / DECADE) !== Math.floor(previous.getUTCFullYear() / DECADE)
    );
  }
  return UNIT_RANK[changedUnit(date, previous)] < UNIT_RANK[unit];
}

/** Coarse units rank lower. */
const UNIT_RANK: Record<Unit, number> = { year: 0, month: 1, day: 2, hour: 3, minute: 4 };

/**
 * The d3 interval for a candidate. d3's `utcDay.every(n)` counts days of the month, which puts
 * the 31st next to the 1st; days are counted from the epoch instead, and weeks start on Monday.
 */
function intervalFor(candidate: Candidate): TimeInterval | null {
  if (candidate.unit !== 'day' || candidate.step === 1) {
    return INTERVALS[candidate.unit].every(candidate.step);
  }
  if (candidate.step === WEEK_DAYS) return utcMonday;
  return utcDay.filter((date) => Math.floor(date.getTime() / DAY) % candidate.step === 0);
}

/** The ticks of one candidate interval inside `domain`. */
function ticksFor(candidate: Candidate, domain: readonly [number, number]): Tick[] {
  const interval = intervalFor(candidate);
  if (!interval) return [];
  const dates = interval.range(new Date(domain[0]), new Date(domain[1] + 1));
  return dates.map((date, i) => ({
    value: date.getTime(),
    label: labelTick(candidate.unit, date, dates[i - 1]),
    major: isMajor(candidate.unit, date, dates[i - 1]),
  }));
}

/** Whether centred labels of `ticks` keep their distance at this scale. */
function ticksFit(ticks: readonly Tick[], toX: (value: number) => number): boolean {
  for (let i = 1; i < ticks.length; i++) {
    const a = ticks[i - 1] as Tick;
    const b = ticks[i] as Tick;
    const needed =
      (measureText(a.label, TICK_FONT_SIZE) + measureText(b.label, TICK_FONT_SIZE)) / 2 +
      TICK_LABEL_GAP;
    if (toX(b.value) - toX(a.value) < Math.max(MIN_TICK_SPACING, needed)) return false;
  }
  return true;
}

/**
 * Ticks for a time axis over `domain` (epoch ms) drawn `width` px wide: years, months, days
 * or hours, whichever is finest while labels stay readable.
 */
export function chooseTicks(domain: readonly [number, number], width: number): Tick[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && width > 0)) return [];
  const scale = scaleUtc().domain([lo, hi]).range([0, width]);
  const toX = (value: number) => scale(value);
  const maxTicks = Math.floor(width / MIN_TICK_SPACING) + 1;
  let best: Tick[] = [];
  for (const candidate of CANDIDATES) {
    // Finer candidates only get denser: stop at the first that clearly cannot fit.
    if ((hi - lo) / candidate.approx > maxTicks * 2) break;
    const ticks = ticksFor(candidate, [lo, hi]);
    if (!ticksFit(ticks, toX)) {
      if (best.length >= 2) break;
      continue;
    }
    best = ticks;
  }
  return best;
}
