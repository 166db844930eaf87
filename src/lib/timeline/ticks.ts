/**
 * Axis ticks for the timeline: the finest calendar unit whose labels still fit the width, and
 * unlabelled minor ticks between them. Runs at build time and, under zoom, in the browser, so it
 * uses no d3 module (calendar.ts steps through UTC units; labels are formatted here).
 */
import { measureText } from '../text/measure.ts';
import { type CalendarUnit, calendarTicks } from './calendar.ts';

/** One tick of the time axis. */
export interface Tick {
  /** Epoch ms. */
  value: number;
  label: string;
  /** Starts a coarser unit (a decade, a year, a month, a day); drawn longer. */
  major: boolean;
}

/** Calendar units from coarse to fine; a label names its unit and any coarser one that changed. */
type Unit = CalendarUnit;

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
/** Minor ticks closer than this add noise rather than help. */
const MIN_MINOR_SPACING = 12;
/** A minor tick this close to a labelled one would draw a double line. */
const MIN_MINOR_CLEARANCE = 4;

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

/** English month abbreviations, as the rest of the site's dates are English. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Digits of an hour or a minute. */
const CLOCK_DIGITS = 2;

const formatYear = (d: Date) => String(d.getUTCFullYear());
const formatMonth = (d: Date) => MONTHS[d.getUTCMonth()] as string;
const formatMonthYear = (d: Date) => `${formatMonth(d)} ${formatYear(d)}`;
const formatDay = (d: Date) => String(d.getUTCDate());
const formatDayMonth = (d: Date) => `${formatDay(d)} ${formatMonth(d)}`;
const formatDayMonthYear = (d: Date) => `${formatDayMonth(d)} ${formatYear(d)}`;
const pad = (n: number) => String(n).padStart(CLOCK_DIGITS, '0');
const formatTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const formatDayTime = (d: Date) => `${formatDayMonth(d)} ${formatTime(d)}`;
const formatFullTime = (d: Date) => `${formatDayMonthYear(d)} ${formatTime(d)}`;

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

/** The ticks of one candidate interval inside `domain`. */
function ticksFor(candidate: Candidate, domain: readonly [number, number]): Tick[] {
  const dates = calendarTicks(candidate.unit, candidate.step, domain[0], domain[1] + 1).map(
    (value) => new Date(value),
  );
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

/** Labelled ticks and unlabelled minor ticks (epoch ms) of one axis. */
export interface AxisTicks {
  ticks: Tick[];
  minor: number[];
}

/** Whether `minor` subdivides `label` (a week counts as subdividing a month, though it does not nest). */
function subdivides(label: Candidate, minor: Candidate): boolean {
  if (minor.approx >= label.approx) return false;
  return minor.unit !== label.unit || label.step % minor.step === 0;
}

/** Minor tick values for labels of `CANDIDATES[labelIndex]`: the coarsest subdivision that is not too dense. */
function minorTicks(
  labelIndex: number,
  ticks: readonly Tick[],
  domain: readonly [number, number],
  pxPerMs: number,
): number[] {
  const label = CANDIDATES[labelIndex];
  if (!label) return [];
  const minor = CANDIDATES.slice(labelIndex + 1).find(
    (c) => subdivides(label, c) && c.approx * pxPerMs >= MIN_MINOR_SPACING,
  );
  if (!minor) return [];
  const clearance = MIN_MINOR_CLEARANCE / pxPerMs;
  return calendarTicks(minor.unit, minor.step, domain[0], domain[1] + 1).filter((value) =>
    ticks.every((tick) => Math.abs(tick.value - value) >= clearance),
  );
}

/**
 * Ticks for a time axis over `domain` (epoch ms) drawn `width` px wide: labelled years, months,
 * days or hours, whichever is finest while labels stay readable, with unlabelled minor ticks
 * (weeks under months, months under years…) where they are not too dense. Weeks are labelled
 * only when months give fewer than two ticks: Mondays do not line up with months.
 */
export function chooseAxisTicks(domain: readonly [number, number], width: number): AxisTicks {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && width > 0 && hi > lo)) {
    return { ticks: [], minor: [] };
  }
  const pxPerMs = width / (hi - lo);
  const toX = (value: number) => (value - lo) * pxPerMs;
  const maxTicks = Math.floor(width / MIN_TICK_SPACING) + 1;
  let best: Tick[] = [];
  let bestIndex = -1;
  for (const [index, candidate] of CANDIDATES.entries()) {
    // Finer candidates only get denser: stop at the first that clearly cannot fit.
    if ((hi - lo) / candidate.approx > maxTicks * 2) break;
    const isWeek = candidate.unit === 'day' && candidate.step === WEEK_DAYS;
    if (isWeek && best.length >= 2) continue;
    const ticks = ticksFor(candidate, [lo, hi]);
    if (!ticksFit(ticks, toX)) {
      if (best.length >= 2) break;
      continue;
    }
    best = ticks;
    bestIndex = index;
  }
  return { ticks: best, minor: minorTicks(bestIndex, best, [lo, hi], pxPerMs) };
}
