/** Authored partial dates as the full timestamps that feeds and Open Graph require. */
import type { PartialDate } from '../dates/types.ts';

const YEAR_DIGITS = 4;
const FIELD_DIGITS = 2;
const MS_DIGITS = 3;
const MS_PER_SECOND = 1000;
const MINUTES_PER_HOUR = 60;

/**
 * An RFC 3339 timestamp for an authored date. A date-time keeps its authored
 * wall time and offset (`2022-02-05T23:10+05:30` → `2022-02-05T23:10:00+05:30`);
 * a day, month or year becomes the start of that period in UTC, which is how
 * the model reads calendar dates (`2022-01` → `2022-01-01T00:00:00Z`).
 */
export function toRfc3339(date: PartialDate): string {
  if (date.precision === 'time') {
    const { year, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = date;
    const offset = date.offsetMinutes ?? 0;
    const fraction = ((date.start % MS_PER_SECOND) + MS_PER_SECOND) % MS_PER_SECOND;
    return (
      `${pad(year, YEAR_DIGITS)}-${pad(month, FIELD_DIGITS)}-${pad(day, FIELD_DIGITS)}` +
      `T${pad(hour, FIELD_DIGITS)}:${pad(minute, FIELD_DIGITS)}:${pad(second, FIELD_DIGITS)}` +
      (fraction === 0 ? '' : `.${pad(fraction, MS_DIGITS)}`) +
      formatOffset(offset)
    );
  }
  // Calendar dates are UTC days: the interval start is midnight UTC of the period's first day.
  return new Date(date.start).toISOString().replace('.000Z', 'Z');
}

/** `0` → `Z`, `330` → `+05:30`, `-480` → `-08:00`. */
function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const size = Math.abs(offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(size / MINUTES_PER_HOUR), FIELD_DIGITS)}:${pad(size % MINUTES_PER_HOUR, FIELD_DIGITS)}`;
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
