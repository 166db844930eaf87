import { describe, expect, test } from 'vitest';
import { intervalOf, overlaps, parseDate } from '../dates/index.ts';
import { isActiveIn, viewWindow } from '../view/state.ts';
import { clampWindow, isoDay, windowFromRange } from './window.ts';

const at = (iso: string) => Date.parse(iso);

function date(raw: string) {
  const result = parseDate(raw);
  if (!result.ok) throw new Error(raw);
  return result.date;
}

describe('isoDay', () => {
  test('writes the UTC day of an instant', () => {
    expect(isoDay(at('2031-05-05T23:59:59Z'))).toBe('2031-05-05');
    expect(isoDay(at('0999-01-02T00:00Z'))).toBe('0999-01-02');
  });
});

describe('windowFromRange', () => {
  test('covers every day the range touches, `to` inclusive', () => {
    expect(windowFromRange(at('2031-05-05T12:00Z'), at('2031-05-12T03:00Z'))).toEqual({
      from: '2031-05-05',
      to: '2031-05-12',
    });
  });

  test('ends on the previous day when the range ends at midnight', () => {
    expect(windowFromRange(at('2031-05-01T00:00Z'), at('2031-06-01T00:00Z'))).toEqual({
      from: '2031-05-01',
      to: '2031-05-31',
    });
  });

  test('accepts a reversed range and gives one day for an empty one', () => {
    expect(windowFromRange(at('2031-05-12T03:00Z'), at('2031-05-05T12:00Z')).from).toBe(
      '2031-05-05',
    );
    expect(windowFromRange(at('2031-05-05T12:00Z'), at('2031-05-05T12:00Z'))).toEqual({
      from: '2031-05-05',
      to: '2031-05-05',
    });
  });

  test('round-trips through the view state to whole days', () => {
    const window = viewWindow(windowFromRange(at('2031-05-05T12:00Z'), at('2031-05-12T03:00Z')));
    expect(window).toEqual({ start: at('2031-05-05T00:00Z'), end: at('2031-05-13T00:00Z') });
  });
});

describe('time windows and event precision', () => {
  const window = viewWindow({ from: '2031-05-05', to: '2031-05-12' });
  if (!window) throw new Error('no window');

  test('a month-precise event overlaps a window inside its month', () => {
    expect(overlaps(intervalOf(date('2031-05')), window)).toBe(true);
    expect(overlaps(intervalOf(date('2031-04')), window)).toBe(false);
  });

  test('a span overlaps when any part of it falls in the window', () => {
    expect(overlaps(intervalOf(date('2031-03'), date('2031-05')), window)).toBe(true);
    expect(overlaps(intervalOf(date('2031-03'), date('2031-04')), window)).toBe(false);
  });

  test('a day just outside the window does not overlap; the last day inside does', () => {
    expect(overlaps(intervalOf(date('2031-05-04')), window)).toBe(false);
    expect(overlaps(intervalOf(date('2031-05-12')), window)).toBe(true);
    expect(overlaps(intervalOf(date('2031-05-13')), window)).toBe(false);
  });

  test('a date-time with an offset is placed by its instant', () => {
    // 00:30 on the 13th at +02:00 is 22:30 UTC on the 12th: inside.
    expect(overlaps(intervalOf(date('2031-05-13T00:30+02:00')), window)).toBe(true);
  });

  test('agrees with the diagram’s test for relations', () => {
    expect(isActiveIn({ since: date('2031-05-10') }, window)).toBe(true);
    expect(isActiveIn({ until: date('2031-04') }, window)).toBe(false);
  });
});

describe('clampWindow', () => {
  test('cuts open ends to the domain and drops windows outside it', () => {
    expect(clampWindow({ start: Number.NEGATIVE_INFINITY, end: 50 }, [10, 100])).toEqual({
      start: 10,
      end: 50,
    });
    expect(clampWindow({ start: 200, end: 300 }, [10, 100])).toBeUndefined();
  });
});
