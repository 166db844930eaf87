import { describe, expect, test } from 'vitest';
import { daysInMonth, EXPECTED_DATE, isLeapYear, parseDate, utcMs } from './parse.ts';
import type { PartialDate } from './types.ts';

const MINUTE = 60_000;
const SECOND = 1000;

/** Parses `input`, failing the test with the reason when it is refused. */
function parsed(input: string | number): PartialDate {
  const result = parseDate(input);
  if (!result.ok) throw new Error(`${input} refused: ${result.reason}`);
  return result.date;
}

/** The reason `input` is refused, failing the test when it is accepted. */
function reasonFor(input: string | number): string {
  const result = parseDate(input);
  if (result.ok) throw new Error(`${input} accepted`);
  expect(result.expected).toBe(EXPECTED_DATE);
  return result.reason;
}

describe('parseDate', () => {
  test('reads a year as the whole year', () => {
    expect(parsed('2022')).toEqual({
      raw: '2022',
      precision: 'year',
      year: 2022,
      start: Date.UTC(2022, 0, 1),
      end: Date.UTC(2023, 0, 1),
    });
  });

  test('reads a year given as a YAML number and keeps it as text', () => {
    expect(parsed(2022)).toEqual(parsed('2022'));
    expect(parsed(2022).raw).toBe('2022');
  });

  test('reads a month as the whole month, never its first day', () => {
    expect(parsed('2022-01')).toEqual({
      raw: '2022-01',
      precision: 'month',
      year: 2022,
      month: 1,
      start: Date.UTC(2022, 0, 1),
      end: Date.UTC(2022, 1, 1),
    });
  });

  test('ends December at the start of the next year', () => {
    expect(parsed('2021-12').end).toBe(Date.UTC(2022, 0, 1));
  });

  test('reads a day as that UTC day', () => {
    expect(parsed('2022-01-21')).toEqual({
      raw: '2022-01-21',
      precision: 'day',
      year: 2022,
      month: 1,
      day: 21,
      start: Date.UTC(2022, 0, 21),
      end: Date.UTC(2022, 0, 22),
    });
  });

  test('reads a date-time without offset as UTC, to the next minute', () => {
    expect(parsed('2022-02-05T23:10')).toEqual({
      raw: '2022-02-05T23:10',
      precision: 'time',
      year: 2022,
      month: 2,
      day: 5,
      hour: 23,
      minute: 10,
      start: Date.UTC(2022, 1, 5, 23, 10),
      end: Date.UTC(2022, 1, 5, 23, 11),
    });
  });

  test('reads written seconds, to the next second', () => {
    const date = parsed('2022-02-05T23:10:30');
    expect(date.second).toBe(30);
    expect(date.start).toBe(Date.UTC(2022, 1, 5, 23, 10, 30));
    expect(date.end - date.start).toBe(SECOND);
  });

  test('reads fractional seconds down to the last written digit', () => {
    const tenth = parsed('2022-02-05T23:10:30.5Z');
    expect(tenth.start).toBe(Date.UTC(2022, 1, 5, 23, 10, 30, 500));
    expect(tenth.end - tenth.start).toBe(100);
    const micro = parsed('2022-02-05T23:10:30.123456Z');
    expect(micro.start).toBe(Date.UTC(2022, 1, 5, 23, 10, 30, 123));
    expect(micro.end - micro.start).toBe(1);
  });

  test('applies a written offset: +05:30 is 5h30 ahead of UTC', () => {
    const date = parsed('2022-02-05T23:10+05:30');
    expect(date.start).toBe(Date.UTC(2022, 1, 5, 17, 40));
    expect(date.end).toBe(Date.UTC(2022, 1, 5, 17, 41));
    expect(date.offsetMinutes).toBe(330);
    expect(date.hour).toBe(23);
  });

  test('reads offsets with or without a colon, negative ones, and Z', () => {
    expect(parsed('2022-02-05T23:10+0530').start).toBe(Date.UTC(2022, 1, 5, 17, 40));
    expect(parsed('2022-02-05T23:10-08:00').start).toBe(Date.UTC(2022, 1, 6, 7, 10));
    expect(parsed('2022-02-05T23:10-08:00').offsetMinutes).toBe(-480);
    expect(parsed('2022-02-05T23:10Z').offsetMinutes).toBe(0);
    expect(parsed('2022-02-05T23:10').offsetMinutes).toBeUndefined();
  });

  test('reads -00:00 as UTC without a negative zero', () => {
    expect(Object.is(parsed('2022-02-05T23:10-00:00').offsetMinutes, 0)).toBe(true);
  });

  test('accepts the widest offsets, ±14:00', () => {
    expect(parsed('2022-02-05T23:10+14:00').start).toBe(Date.UTC(2022, 1, 5, 9, 10));
    expect(parsed('2022-02-05T23:10-14:00').start).toBe(Date.UTC(2022, 1, 6, 13, 10));
  });

  test('accepts a space instead of T', () => {
    const date = parsed('2022-02-05 23:10:30+05:30');
    expect(date.start).toBe(parsed('2022-02-05T23:10:30+05:30').start);
    expect(date.raw).toBe('2022-02-05 23:10:30+05:30');
  });

  test('keeps the raw text exactly as authored', () => {
    expect(parsed('2022-02-05T23:10:30.250+0530').raw).toBe('2022-02-05T23:10:30.250+0530');
  });

  test('reads years 0001 and 9999 without the two-digit-year trap of Date.UTC', () => {
    const first = parsed('0001-03');
    expect(new Date(first.start).getUTCFullYear()).toBe(1);
    expect(new Date(first.start).getUTCMonth()).toBe(2);
    expect(parsed('0099').end).toBe(utcMs(100, 0));
    expect(new Date(parsed('9999-12-31').end).toISOString()).toBe('+010000-01-01T00:00:00.000Z');
  });

  test('accepts 29 February in leap years only', () => {
    expect(parsed('2024-02-29').end).toBe(Date.UTC(2024, 2, 1));
    expect(parsed('2000-02-29').day).toBe(29);
    expect(reasonFor('1900-02-29')).toBe('February 1900 has 28 days');
    expect(reasonFor('2021-02-29')).toBe('February 2021 has 28 days');
  });

  test.each([
    ['2022-02-30', 'February 2022 has 28 days'],
    ['2024-02-30', 'February 2024 has 29 days'],
    ['2022-04-31', 'April 2022 has 30 days'],
    ['2022-01-32', 'January 2022 has 31 days'],
    ['2022-01-00', 'day 0 does not exist; days start at 1'],
    ['2022-13-01', 'month 13 does not exist'],
    ['2022-13', 'month 13 does not exist'],
    ['2022-00', 'month 0 does not exist'],
    ['0000', 'year 0000 does not exist; years run from 0001'],
    ['2022-02-05T24:00', 'hour 24 does not exist; hours run from 00 to 23'],
    ['2022-02-05T23:60', 'minute 60 does not exist; minutes run from 00 to 59'],
    ['2022-02-05T23:10:60', 'second 60 does not exist; seconds run from 00 to 59'],
    ['2022-02-05T23:10+14:01', 'offset +14:01 is beyond ±14:00'],
    ['2022-02-05T23:10-1500', 'offset -1500 is beyond ±14:00'],
    ['2022-02-05T23:10+05:60', 'offset +05:60 has minute 60; minutes run from 00 to 59'],
  ])('refuses the impossible date %s', (input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });

  test.each([
    ['', 'the date is empty'],
    [' 2022', 'it has spaces around it'],
    ['21/01/2022', 'day-first and month-first dates are ambiguous'],
    ['2022/01/21', 'the parts are separated by `-`'],
    ['2022.01', 'the parts are separated by `-`'],
    ['2022-1-21', 'month and day take two digits, e.g. `2022-01-05`'],
    ['2022-01-5', 'month and day take two digits, e.g. `2022-01-05`'],
    ['22-01-21', 'the year takes four digits'],
    [20221, 'the year takes four digits'],
    [22, 'the year takes four digits'],
    ['2022-02-05T23', 'a time takes hours and minutes, e.g. `T23:10`'],
    ['2022-01-21Z', 'it is in none of these forms'],
    ['2022-02-05T23:10+05', 'it is in none of these forms'],
    ['2022-02-05t23:10', 'it is in none of these forms'],
    ['January 2022', 'it is in none of these forms'],
    [2022.5, 'a year is a whole number'],
  ])('refuses the unknown form %j', (input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });

  test('gives the shared sentence of accepted forms', () => {
    const result = parseDate('soon');
    expect(result).toEqual({
      ok: false,
      expected: EXPECTED_DATE,
      reason: 'it is in none of these forms',
    });
    expect(EXPECTED_DATE).toBe('a date as YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time');
  });

  test('gives every accepted form a non-empty interval', () => {
    const forms = [
      '2022',
      '2022-01',
      '2022-01-21',
      '2022-02-05T23:10',
      '2022-02-05T23:10:30.999+14:00',
    ];
    for (const form of forms) {
      const date = parsed(form);
      expect(date.end - date.start, form).toBeGreaterThan(0);
    }
    expect(parsed('2022-02-05T23:10').end - parsed('2022-02-05T23:10').start).toBe(MINUTE);
  });
});

describe('isLeapYear', () => {
  test.each([
    [2024, true],
    [2000, true],
    [1600, true],
    [1900, false],
    [2100, false],
    [2022, false],
  ])('says %i is leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('daysInMonth', () => {
  test('counts each month of a common and a leap year', () => {
    const common = Array.from({ length: 12 }, (_, index) => daysInMonth(2022, index + 1));
    expect(common).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  test('agrees with the Date calendar for every month from 1896 to 2104', () => {
    for (let year = 1896; year <= 2104; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
  });
});

describe('utcMs', () => {
  test('matches Date.UTC from year 100 on', () => {
    expect(utcMs(2022, 1, 5, 23, 10, 30, 250)).toBe(Date.UTC(2022, 1, 5, 23, 10, 30, 250));
  });

  test('keeps years below 100 instead of adding 1900', () => {
    expect(new Date(utcMs(50, 0)).getUTCFullYear()).toBe(50);
  });

  test('rolls an overflowing month into the next year', () => {
    expect(utcMs(99, 12)).toBe(utcMs(100, 0));
  });
});
