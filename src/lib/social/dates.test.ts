import { describe, expect, test } from 'vitest';
import { toRfc3339 } from './dates.ts';
import { date } from './fixtures.ts';

describe('toRfc3339', () => {
  test('keeps the authored wall time and offset of a date-time, adding seconds', () => {
    expect(toRfc3339(date('2031-05-10T09:30+02:00'))).toBe('2031-05-10T09:30:00+02:00');
    expect(toRfc3339(date('2022-02-05T23:10+05:30'))).toBe('2022-02-05T23:10:00+05:30');
    expect(toRfc3339(date('2022-02-05T23:10-08:00'))).toBe('2022-02-05T23:10:00-08:00');
  });

  test('writes Z for a date-time in UTC or without an offset', () => {
    expect(toRfc3339(date('2022-02-05T23:10Z'))).toBe('2022-02-05T23:10:00Z');
    expect(toRfc3339(date('2022-02-05T23:10'))).toBe('2022-02-05T23:10:00Z');
  });

  test('keeps seconds and milliseconds', () => {
    expect(toRfc3339(date('2022-02-05T23:10:07.25+01:00'))).toBe('2022-02-05T23:10:07.250+01:00');
  });

  test('starts a day, month or year at midnight UTC of its first day', () => {
    expect(toRfc3339(date('2022-01-21'))).toBe('2022-01-21T00:00:00Z');
    expect(toRfc3339(date('2022-01'))).toBe('2022-01-01T00:00:00Z');
    expect(toRfc3339(date('2030'))).toBe('2030-01-01T00:00:00Z');
  });

  test('produces timestamps that Date.parse reads as the same instant', () => {
    const d = date('2022-02-05T23:10+05:30');
    expect(Date.parse(toRfc3339(d))).toBe(d.start);
  });
});
