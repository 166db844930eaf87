import type { PartialDate, Precision } from './types.ts';

/** Options for `formatDate` and `formatRange`. */
export interface FormatOptions {
  /** Prefix "c. " because the author marked the date `approximate`. */
  approximate?: boolean;
}

const DEFAULT_LOCALE = 'en-GB';
const APPROXIMATE_PREFIX = 'c. ';
const RANGE_SEPARATOR = ' – ';
const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
/** Digits of a year, and of every other field, as `<time datetime>` writes them. */
const YEAR_DIGITS = 4;
const FIELD_DIGITS = 2;
const MS_DIGITS = 3;
const MS_PER_SECOND = 1000;
/** ICU puts thin spaces around a range's en dash; plain ones match our own joins and stay stable across ICU versions. */
const THIN_SPACED_DASH = /\u2009–\u2009/g;

type FormatterKind = Exclude<Precision, 'time'> | 'clock' | 'clock-seconds';

/** Fields shown per kind; a time is drawn as day + clock so no locale joins them with "at". */
const FIELDS: Record<FormatterKind, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  clock: { hour: '2-digit', minute: '2-digit' },
  'clock-seconds': { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Texts already formatted, by locale and date. ICU takes 20–40 µs a call,
 * and a build formats the same dates on many pages (a relation's dates in
 * both actors' tables, the diagram's panel and the timeline).
 */
const formatted = new Map<string, string>();

/** A date for readers at its own precision: "2022", "January 2022", "21 January 2022", "5 February 2022, 23:10 UTC+05:30". */
export function formatDate(
  date: PartialDate,
  locale: string = DEFAULT_LOCALE,
  options: FormatOptions = {},
): string {
  return prefix(options) + formatBare(date, locale);
}

/** A date with the "c. " prefix of an approximate date. */
export function formatApproximate(date: PartialDate, locale: string = DEFAULT_LOCALE): string {
  return formatDate(date, locale, { approximate: true });
}

/** A span for readers, "November 2021 – 24 February 2022", shared parts collapsed when both ends have the same precision. */
export function formatRange(
  a: PartialDate,
  b: PartialDate,
  locale: string = DEFAULT_LOCALE,
  options: FormatOptions = {},
): string {
  const first = formatBare(a, locale);
  const last = formatBare(b, locale);
  if (first === last) return prefix(options) + first;
  if (a.precision === b.precision && a.precision !== 'time') {
    const key = `${locale}|${a.precision}|${a.start}–${b.start}`;
    let range = formatted.get(key);
    if (range === undefined) {
      range = formatter(locale, a.precision)
        .formatRange(a.start, b.start)
        .replace(THIN_SPACED_DASH, RANGE_SEPARATOR);
      formatted.set(key, range);
    }
    return prefix(options) + range;
  }
  return prefix(options) + first + RANGE_SEPARATOR + last;
}

/** The value for `<time datetime>`: "2022", "2022-01", "2022-01-21" or "2022-02-05T23:10+05:30". */
export function toDatetimeAttr(date: PartialDate): string {
  const { year, month, day, hour, minute, second } = date;
  let text = pad(year, YEAR_DIGITS);
  if (month !== undefined) text += `-${pad(month, FIELD_DIGITS)}`;
  if (day !== undefined) text += `-${pad(day, FIELD_DIGITS)}`;
  if (hour === undefined || minute === undefined) return text;
  text += `T${pad(hour, FIELD_DIGITS)}:${pad(minute, FIELD_DIGITS)}`;
  if (second !== undefined) text += `:${pad(second, FIELD_DIGITS)}${fractionOf(date.start)}`;
  // No offset written means UTC by contract, so say so rather than leave a floating local time.
  return text + (date.offsetMinutes ? formatOffset(date.offsetMinutes) : 'Z');
}

function prefix(options: FormatOptions): string {
  return options.approximate ? APPROXIMATE_PREFIX : '';
}

function formatBare(date: PartialDate, locale: string): string {
  const key = `${locale}|${date.precision}|${date.start}|${date.offsetMinutes ?? ''}|${date.second ?? ''}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatUncached(date, locale);
    formatted.set(key, text);
  }
  return text;
}

function formatUncached(date: PartialDate, locale: string): string {
  if (date.precision !== 'time') return formatter(locale, date.precision).format(date.start);
  // Shift to the authored wall time and read it as UTC: the machine's zone never enters.
  const wall = date.start + (date.offsetMinutes ?? 0) * MS_PER_MINUTE;
  const day = formatter(locale, 'day').format(wall);
  const clock = formatter(locale, date.second === undefined ? 'clock' : 'clock-seconds').format(
    wall,
  );
  return `${day}, ${clock} ${zoneLabel(date.offsetMinutes)}`;
}

function formatter(locale: string, kind: FormatterKind): Intl.DateTimeFormat {
  const key = `${locale}|${kind}`;
  let cached = formatters.get(key);
  if (!cached) {
    // UTC always: callers pass instants already shifted to the wall time they want shown.
    cached = new Intl.DateTimeFormat(locale, { ...FIELDS[kind], timeZone: 'UTC' });
    formatters.set(key, cached);
  }
  return cached;
}

function zoneLabel(offsetMinutes: number | undefined): string {
  return offsetMinutes ? `UTC${formatOffset(offsetMinutes)}` : 'UTC';
}

/** `330` → "+05:30", `-480` → "-08:00". */
function formatOffset(offsetMinutes: number): string {
  const size = Math.abs(offsetMinutes);
  const hours = Math.floor(size / MINUTES_PER_HOUR);
  const minutes = size % MINUTES_PER_HOUR;
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(hours, FIELD_DIGITS)}:${pad(minutes, FIELD_DIGITS)}`;
}

/** ".250" when the instant has milliseconds (offsets are whole minutes, so they sit in `start`). */
function fractionOf(start: number): string {
  const ms = ((start % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND;
  return ms === 0 ? '' : `.${pad(ms, MS_DIGITS)}`;
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
