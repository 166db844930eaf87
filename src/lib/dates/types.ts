/** How much of a date an author wrote: `2022` is a year, `2022-01` a month, and so on. */
export type Precision = 'year' | 'month' | 'day' | 'time';

/**
 * A date as authored, keeping its precision. "2022-01" is January 2022 as a
 * whole, never 1 January. `start`/`end` bound the interval it covers in epoch
 * milliseconds (end exclusive); calendar dates are read as UTC days, date-times
 * use their own offset (UTC when none is written).
 */
export interface PartialDate {
  /** The text exactly as authored, e.g. `2022-02-05T23:10+05:30`. */
  raw: string;
  precision: Precision;
  year: number;
  /** 1–12, present from month precision on. */
  month?: number;
  /** 1–31, present from day precision on. */
  day?: number;
  /** Present at time precision. */
  hour?: number;
  minute?: number;
  second?: number;
  /** Offset from UTC in minutes as authored (`+05:30` → 330); absent when none was written. */
  offsetMinutes?: number;
  /** Interval start, epoch ms, inclusive. */
  start: number;
  /** Interval end, epoch ms, exclusive. */
  end: number;
}
