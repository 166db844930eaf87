import type { PartialDate } from './types.ts';

/** The outcome of reading an authored date: the date, or why it was refused. */
export type DateResult =
  | { ok: true; date: PartialDate }
  | { ok: false; expected: string; reason: string };

/** The accepted forms, worded as the "expected …" half of a content error. */
export const EXPECTED_DATE = 'a date as YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time';

/** English month names, for error reasons ("February 2022 has 28 days"). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DATE_PATTERN =
  /^(?<year>\d{4})(?:-(?<month>\d{2})(?:-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d+))?)?(?<offset>Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const OFFSET_PATTERN = /^(?<sign>[+-])(?<hours>\d{2}):?(?<minutes>\d{2})$/;

const MS_PER_SECOND = 1000;
const SECONDS_PER_MINUTE = 60;
const MINUTES_PER_HOUR = 60;
const MS_PER_MINUTE = SECONDS_PER_MINUTE * MS_PER_SECOND;
const HOURS_PER_DAY = 24;
const MONTHS_PER_YEAR = 12;
/** The widest offset in use (Line Islands, UTC+14:00); anything beyond is a typo. */
const MAX_OFFSET_MINUTES = 14 * MINUTES_PER_HOUR;
/** Digits of a fraction of a second that fit in epoch milliseconds. */
const MS_DIGITS = 3;
const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const FEBRUARY = 2;

/** Likely slips, each with the hint shown instead of a bare "not a date". */
const FORM_HINTS: readonly (readonly [RegExp, string])[] = [
  [/^\s*$/, 'the date is empty'],
  [/^\s|\s$/, 'it has spaces around it'],
  [/^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/, 'day-first and month-first dates are ambiguous'],
  [/^\d{4}[./]\d{1,2}(?:[./]\d{1,2})?$/, 'the parts are separated by `-`'],
  [/^\d{4}-\d(?:\D|$)|^\d{4}-\d{2}-\d(?:\D|$)/, 'month and day take two digits, e.g. `2022-01-05`'],
  [/^\d{1,3}(?:-|$)|^\d{5,}(?:-|$)/, 'the year takes four digits'],
  [/^\d{4}-\d{2}-\d{2}[T ]\d{2}(?:[^:\d]|$)/, 'a time takes hours and minutes, e.g. `T23:10`'],
];

/** Whether `year` has a 29 February in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === FEBRUARY && isLeapYear(year)) return DAYS_PER_MONTH[1] + 1;
  return DAYS_PER_MONTH[month - 1] ?? 0;
}

/** Epoch ms of a UTC wall time; unlike `Date.UTC`, years 0–99 stay themselves. */
export function utcMs(
  year: number,
  monthIndex: number,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** Reads an authored date (`2022`, `2022-01`, `2022-01-21` or an ISO date-time) keeping its precision. */
export function parseDate(input: string | number): DateResult {
  const raw = String(input);
  if (typeof input === 'number' && !Number.isInteger(input))
    return refuse('a year is a whole number');
  const groups = DATE_PATTERN.exec(raw)?.groups;
  if (!groups) return refuse(describeForm(raw));
  const fields = {
    year: Number(groups.year),
    month: optionalNumber(groups.month),
    day: optionalNumber(groups.day),
    hour: optionalNumber(groups.hour),
    minute: optionalNumber(groups.minute),
    second: optionalNumber(groups.second),
  };
  const problem = findImpossible(fields, groups.year ?? '');
  if (problem) return refuse(problem);
  const offset = readOffset(groups.offset);
  if (typeof offset === 'string') return refuse(offset);
  return { ok: true, date: buildDate(raw, fields, offset, groups.fraction) };
}

interface Fields {
  year: number;
  month: number | undefined;
  day: number | undefined;
  hour: number | undefined;
  minute: number | undefined;
  second: number | undefined;
}

function refuse(reason: string): DateResult {
  return { ok: false, expected: EXPECTED_DATE, reason };
}

function optionalNumber(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

function describeForm(raw: string): string {
  const hint = FORM_HINTS.find(([pattern]) => pattern.test(raw));
  return hint ? hint[1] : 'it is in none of these forms';
}

/** Why the fields name no real moment, or undefined when they do. */
function findImpossible(fields: Fields, writtenYear: string): string | undefined {
  const { year, month, day, hour, minute, second } = fields;
  if (year === 0) return 'year 0000 does not exist; years run from 0001';
  if (month !== undefined && (month < 1 || month > MONTHS_PER_YEAR)) {
    return `month ${month} does not exist`;
  }
  if (month !== undefined && day !== undefined) {
    const days = daysInMonth(year, month);
    if (day === 0) return 'day 0 does not exist; days start at 1';
    if (day > days) return `${MONTH_NAMES[month - 1]} ${writtenYear} has ${days} days`;
  }
  if (hour !== undefined && hour >= HOURS_PER_DAY) {
    return `hour ${hour} does not exist; hours run from 00 to 23`;
  }
  if (minute !== undefined && minute >= MINUTES_PER_HOUR) {
    return `minute ${minute} does not exist; minutes run from 00 to 59`;
  }
  if (second !== undefined && second >= SECONDS_PER_MINUTE) {
    return `second ${second} does not exist; seconds run from 00 to 59`;
  }
  return undefined;
}

/** The offset in minutes, undefined when none was written, or why it is impossible. */
function readOffset(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  if (text === 'Z') return 0;
  const groups = OFFSET_PATTERN.exec(text)?.groups;
  const hours = Number(groups?.hours);
  const minutes = Number(groups?.minutes);
  if (minutes >= MINUTES_PER_HOUR)
    return `offset ${text} has minute ${minutes}; minutes run from 00 to 59`;
  const size = hours * MINUTES_PER_HOUR + minutes;
  if (size > MAX_OFFSET_MINUTES) return `offset ${text} is beyond ±14:00`;
  // `-00:00` would give -0, which compares and prints oddly; it means UTC.
  return groups?.sign === '-' && size !== 0 ? -size : size;
}

function buildDate(
  raw: string,
  fields: Fields,
  offsetMinutes: number | undefined,
  fraction: string | undefined,
): PartialDate {
  const { year, month, day, hour, minute, second } = fields;
  if (month === undefined) {
    return { raw, precision: 'year', year, start: utcMs(year, 0), end: utcMs(year + 1, 0) };
  }
  if (day === undefined) {
    return {
      raw,
      precision: 'month',
      year,
      month,
      start: utcMs(year, month - 1),
      end: utcMs(year, month),
    };
  }
  // The pattern captures hour and minute together; checking both narrows the types.
  if (hour === undefined || minute === undefined) {
    const start = utcMs(year, month - 1, day);
    return { raw, precision: 'day', year, month, day, start, end: utcMs(year, month - 1, day + 1) };
  }
  const ms =
    fraction === undefined ? 0 : Number(fraction.slice(0, MS_DIGITS).padEnd(MS_DIGITS, '0'));
  // The fields are the authored wall time; the offset takes it back to UTC.
  const wall = utcMs(year, month - 1, day, hour, minute, second ?? 0, ms);
  const start = wall - (offsetMinutes ?? 0) * MS_PER_MINUTE;
  const end = start + lastDigitMs(second, fraction);
  const date: PartialDate = { raw, precision: 'time', year, month, day, hour, minute, start, end };
  if (second !== undefined) date.second = second;
  if (offsetMinutes !== undefined) date.offsetMinutes = offsetMinutes;
  return date;
}

/** The length of the last written digit: a minute, a second, or a tenth/hundredth/ms of one. */
function lastDigitMs(second: number | undefined, fraction: string | undefined): number {
  if (second === undefined) return MS_PER_MINUTE;
  if (fraction === undefined) return MS_PER_SECOND;
  return Math.max(1, MS_PER_SECOND / 10 ** fraction.length);
}
