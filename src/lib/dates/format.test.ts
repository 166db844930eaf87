import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatApproximate, formatDate, formatRange, toDatetimeAttr } from './format.ts';
import { parseDate } from './parse.ts';
import type { PartialDate } from './types.ts';

/** Parses a fixture date, failing the test when it is refused. */
function date(input: string): PartialDate {
  const result = parseDate(input);
  if (!result.ok) throw new Error(`${input} refused: ${result.reason}`);
  return result.date;
}

describe('formatDate', () => {
  test.each([
    ['2022', '2022'],
    ['2022-01', 'January 2022'],
    ['2022-01-21', '21 January 2022'],
    ['2022-02-05T23:10+05:30', '5 February 2022, 23:10 UTC+05:30'],
    ['2022-02-05T23:10', '5 February 2022, 23:10 UTC'],
    ['2022-02-05T23:10Z', '5 February 2022, 23:10 UTC'],
    ['2022-02-05 23:10-0800', '5 February 2022, 23:10 UTC-08:00'],
    ['2022-02-05T23:10:30+05:30', '5 February 2022, 23:10:30 UTC+05:30'],
  ])('shows %s at its own precision as %s', (input, expected) => {
    expect(formatDate(date(input))).toBe(expected);
  });

  test('shows the authored wall time even when UTC is on another day', () => {
    // 01:10 at +05:30 is 19:40 UTC on 4 February; readers must see what was written.
    expect(formatDate(date('2022-02-05T01:10+05:30'))).toBe('5 February 2022, 01:10 UTC+05:30');
    expect(formatDate(date('2022-12-31T23:30-10:00'))).toBe('31 December 2022, 23:30 UTC-10:00');
  });

  test('follows the locale it is given', () => {
    expect(formatDate(date('2022-01-21'), 'de-DE')).toBe('21. Januar 2022');
    expect(formatDate(date('2022-01-21'), 'en-US')).toBe('January 21, 2022');
    expect(formatDate(date('2022-01'), 'fr-FR')).toBe('janvier 2022');
  });

  test('prefixes "c. " when the date is approximate', () => {
    expect(formatDate(date('2022-01'), 'en-GB', { approximate: true })).toBe('c. January 2022');
    expect(formatDate(date('2022-01'), 'en-GB', { approximate: false })).toBe('January 2022');
  });

  test('shows the first years of the calendar', () => {
    expect(formatDate(date('0001-01-01'))).toBe('1 January 1');
  });

  test('keeps apart what it has formatted: one instant in two zones, with and without seconds, at two precisions', () => {
    // The same instant, written at +05:30 and in UTC, twice each (the second time from memory).
    for (let i = 0; i < 2; i++) {
      expect(formatDate(date('2022-02-05T23:10+05:30'))).toBe('5 February 2022, 23:10 UTC+05:30');
      expect(formatDate(date('2022-02-05T17:40Z'))).toBe('5 February 2022, 17:40 UTC');
      expect(formatDate(date('2022-02-05T17:40:00Z'))).toBe('5 February 2022, 17:40:00 UTC');
      expect(formatDate(date('2022-01'))).toBe('January 2022');
      expect(formatDate(date('2022-01-01'))).toBe('1 January 2022');
      expect(formatDate(date('2022-01'), 'de-DE')).toBe('Januar 2022');
      expect(formatRange(date('2022-01'), date('2022-03'))).toBe('January – March 2022');
      expect(formatRange(date('2022-01'), date('2022-03'), 'de-DE')).toBe('Januar–März 2022');
    }
  });
});

describe('formatApproximate', () => {
  test('prefixes "c. "', () => {
    expect(formatApproximate(date('2022'))).toBe('c. 2022');
  });
});

describe('formatRange', () => {
  test('joins dates of different precisions with an en dash', () => {
    expect(formatRange(date('2021-11'), date('2022-02-24'))).toBe(
      'November 2021 – 24 February 2022',
    );
  });

  test('collapses the shared parts of two dates of the same precision', () => {
    expect(formatRange(date('2022-01-21'), date('2022-01-24'))).toBe('21 – 24 January 2022');
    expect(formatRange(date('2022-01-21'), date('2022-02-24'))).toBe(
      '21 January – 24 February 2022',
    );
    expect(formatRange(date('2021-11'), date('2022-02'))).toBe('November 2021 – February 2022');
    expect(formatRange(date('2021'), date('2022'))).toBe('2021 – 2022');
  });

  test('uses plain spaces, never ICU thin ones', () => {
    expect(formatRange(date('2022-01-21'), date('2022-02-24'))).not.toMatch(/[\u2009\u202f]/);
  });

  test('shows one date when both ends read the same', () => {
    expect(formatRange(date('2022'), date('2022'))).toBe('2022');
    expect(formatRange(date('2022-01-21'), date('2022-01-21'))).toBe('21 January 2022');
  });

  test('writes both date-times out in full', () => {
    expect(formatRange(date('2022-02-05T23:10+05:30'), date('2022-02-06T01:00+05:30'))).toBe(
      '5 February 2022, 23:10 UTC+05:30 – 6 February 2022, 01:00 UTC+05:30',
    );
  });

  test('prefixes "c. " once for an approximate span', () => {
    expect(formatRange(date('2021-11'), date('2022-02-24'), 'en-GB', { approximate: true })).toBe(
      'c. November 2021 – 24 February 2022',
    );
  });
});

describe('toDatetimeAttr', () => {
  test.each([
    ['2022', '2022'],
    ['0001', '0001'],
    ['2022-01', '2022-01'],
    ['2022-01-21', '2022-01-21'],
    ['2022-02-05T23:10+05:30', '2022-02-05T23:10+05:30'],
    ['2022-02-05 23:10+0530', '2022-02-05T23:10+05:30'],
    ['2022-02-05T23:10-08:00', '2022-02-05T23:10-08:00'],
    ['2022-02-05T23:10', '2022-02-05T23:10Z'],
    ['2022-02-05T23:10:30Z', '2022-02-05T23:10:30Z'],
    ['2022-02-05T23:10:30.25+05:30', '2022-02-05T23:10:30.250+05:30'],
    ['2022-02-05T23:10:30.123456Z', '2022-02-05T23:10:30.123Z'],
  ])('writes %s as %s', (input, expected) => {
    expect(toDatetimeAttr(date(input))).toBe(expected);
  });

  test('names the same instant as the parsed date', () => {
    for (const input of [
      '2022-02-05T23:10+05:30',
      '1969-07-20T20:17:40.5Z',
      '2022-02-05 01:10-0930',
    ]) {
      expect(Date.parse(toDatetimeAttr(date(input))), input).toBe(date(input).start);
    }
  });
});

describe('formatDate in other machine time zones', () => {
  const originalTz = process.env.TZ;

  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.resetModules();
  });

  // The module is imported afresh after TZ is set, so no formatter built in the
  // default zone can hide a missing `timeZone: 'UTC'`.
  test.each([
    ['Pacific/Kiritimati', -840],
    ['America/Los_Angeles', 480],
  ])('gives the same text under TZ=%s', async (zone, offset) => {
    process.env.TZ = zone;
    expect(new Date(Date.UTC(2022, 1, 5)).getTimezoneOffset()).toBe(offset);
    vi.resetModules();
    const fresh = await import('./format.ts');
    expect(fresh.formatDate(date('2022'))).toBe('2022');
    expect(fresh.formatDate(date('2022-01'))).toBe('January 2022');
    expect(fresh.formatDate(date('2022-01-21'))).toBe('21 January 2022');
    expect(fresh.formatDate(date('2022-02-05T23:10+05:30'))).toBe(
      '5 February 2022, 23:10 UTC+05:30',
    );
    expect(fresh.formatDate(date('2022-02-05T01:10'))).toBe('5 February 2022, 01:10 UTC');
    expect(fresh.formatRange(date('2021-11'), date('2022-02-24'))).toBe(
      'November 2021 – 24 February 2022',
    );
    expect(fresh.toDatetimeAttr(date('2022-02-05T23:10+05:30'))).toBe('2022-02-05T23:10+05:30');
  });
});
