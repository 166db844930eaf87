import { describe, expect, test } from 'vitest';
import { compareDates, intervalOf, isBefore, overlaps } from './compare.ts';
import { parseDate } from './parse.ts';
import type { PartialDate } from './types.ts';

/** Parses a fixture date, failing the test when it is refused. */
function date(input: string): PartialDate {
  const result = parseDate(input);
  if (!result.ok) throw new Error(`${input} refused: ${result.reason}`);
  return result.date;
}

describe('compareDates', () => {
  test('puts the earlier start first', () => {
    expect(compareDates(date('2021-11'), date('2022-01-21'))).toBeLessThan(0);
    expect(compareDates(date('2022-01-21'), date('2021-11'))).toBeGreaterThan(0);
  });

  test('puts the shorter interval first when two dates start together', () => {
    const sorted = ['2022', '2022-01', '2022-01-01T00:00', '2022-01-01']
      .map(date)
      .sort(compareDates);
    expect(sorted.map((item) => item.raw)).toEqual([
      '2022-01-01T00:00',
      '2022-01-01',
      '2022-01',
      '2022',
    ]);
  });

  test('orders date-times by instant, whatever offset was written', () => {
    // 23:10 at +05:30 is 17:40 UTC, before 18:00 UTC.
    expect(compareDates(date('2022-02-05T23:10+05:30'), date('2022-02-05T18:00Z'))).toBeLessThan(0);
  });

  test('gives 0 for the same interval written two ways', () => {
    expect(compareDates(date('2022-02-05T23:10+05:30'), date('2022-02-05T17:40Z'))).toBe(0);
    expect(compareDates(date('2022'), date('2022'))).toBe(0);
  });
});

describe('isBefore', () => {
  test('is true when the first interval ends before the second starts', () => {
    expect(isBefore(date('2021-12'), date('2022-01-15'))).toBe(true);
  });

  test('is true when the first interval ends exactly where the second starts', () => {
    expect(isBefore(date('2021-12-31'), date('2022-01-01'))).toBe(true);
  });

  test('is false when an end lies inside its start, so "2022-01" to "2022-01-15" stands', () => {
    expect(isBefore(date('2022-01-15'), date('2022-01'))).toBe(false);
    expect(isBefore(date('2022-01'), date('2022-01-15'))).toBe(false);
  });

  test('is false for the same day, a one-day span', () => {
    expect(isBefore(date('2022-01-21'), date('2022-01-21'))).toBe(false);
  });

  test('is false when the first comes after', () => {
    expect(isBefore(date('2022-02-24'), date('2022-01'))).toBe(false);
  });
});

describe('intervalOf', () => {
  test('covers the date alone when there is no end', () => {
    expect(intervalOf(date('2022-01'))).toEqual({
      start: Date.UTC(2022, 0, 1),
      end: Date.UTC(2022, 1, 1),
    });
  });

  test('spans from the start of the date to the end of the end date', () => {
    expect(intervalOf(date('2021-11'), date('2022-02-24'))).toEqual({
      start: Date.UTC(2021, 10, 1),
      end: Date.UTC(2022, 1, 25),
    });
  });

  test('never ends before the date itself when the end lies inside or before it', () => {
    expect(intervalOf(date('2022-01'), date('2022-01-15')).end).toBe(Date.UTC(2022, 1, 1));
    expect(intervalOf(date('2022-01'), date('2021-06')).end).toBe(Date.UTC(2022, 1, 1));
  });
});

describe('overlaps', () => {
  test('is true when intervals share an instant', () => {
    expect(overlaps(intervalOf(date('2022-01')), intervalOf(date('2022-01-31')))).toBe(true);
    expect(overlaps(intervalOf(date('2021-11'), date('2022-02')), intervalOf(date('2022')))).toBe(
      true,
    );
  });

  test('is false when intervals only touch, as they are half-open', () => {
    expect(overlaps(intervalOf(date('2021-12')), intervalOf(date('2022-01')))).toBe(false);
    expect(overlaps(intervalOf(date('2022-01')), intervalOf(date('2021-12')))).toBe(false);
  });

  test('is false when intervals are apart', () => {
    expect(overlaps(intervalOf(date('2020')), intervalOf(date('2022-01')))).toBe(false);
  });

  test('accepts an open end for a relation with no `until`', () => {
    const open = { start: date('2022-02').start, end: Number.POSITIVE_INFINITY };
    expect(overlaps(open, intervalOf(date('2030')))).toBe(true);
    expect(overlaps(open, intervalOf(date('2022-01')))).toBe(false);
  });
});
