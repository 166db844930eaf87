import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear } from 'd3-time';
import { describe, expect, test } from 'vitest';
import { type CalendarUnit, calendarTicks, floorUnit } from './calendar.ts';

const at = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;

/** d3-time's ticks for the same unit and step, the reference. */
function d3Ticks(unit: CalendarUnit, step: number, start: number, stop: number): number[] {
  const range = (interval: { range(a: Date, b: Date): Date[] } | null) =>
    (interval?.range(new Date(start), new Date(stop)) ?? []).map((d) => d.getTime());
  if (unit === 'day' && step === 7) return range(utcMonday);
  if (unit === 'day' && step > 1) {
    return range(utcDay.filter((d) => Math.floor(d.getTime() / DAY) % step === 0));
  }
  const intervals = {
    year: utcYear,
    month: utcMonth,
    day: utcDay,
    hour: utcHour,
    minute: utcMinute,
  };
  return range(intervals[unit].every(step));
}

describe('calendarTicks', () => {
  const cases: [CalendarUnit, number, string, string][] = [
    ['year', 1, '2010-03-01T00:00Z', '2020-03-01T00:00Z'],
    ['year', 5, '1893-01-01T00:00Z', '2031-07-01T00:00Z'],
    ['year', 100, '1601-01-01T00:00Z', '2400-01-01T00:00Z'],
    ['month', 1, '2021-10-10T00:00Z', '2022-04-20T00:00Z'],
    ['month', 3, '2019-02-01T00:00Z', '2022-01-01T00:00Z'],
    ['day', 1, '2022-01-25T00:00Z', '2022-02-08T00:00Z'],
    ['day', 2, '2022-01-25T00:00Z', '2022-03-08T00:00Z'],
    ['day', 7, '2021-11-20T00:00Z', '2022-02-10T00:00Z'],
    ['hour', 6, '2022-02-05T01:00Z', '2022-02-08T00:00Z'],
    ['minute', 15, '2022-02-05T06:07Z', '2022-02-05T10:00Z'],
    ['day', 1, '1969-12-25T00:00Z', '1970-01-05T00:00Z'],
  ];

  test.each(cases)('matches d3-time for %s steps of %i', (unit, step, from, to) => {
    const start = at(from);
    const stop = at(to);
    expect(calendarTicks(unit, step, start, stop)).toEqual(d3Ticks(unit, step, start, stop));
  });

  test('includes the start when it is a tick and excludes the stop', () => {
    const start = at('2022-01-01T00:00Z');
    expect(calendarTicks('month', 1, start, at('2022-03-01T00:00Z'))).toEqual([
      start,
      at('2022-02-01T00:00Z'),
    ]);
  });

  test('handles years before 100 without mapping them to the 1900s', () => {
    const start = new Date(0).setUTCFullYear(55, 0, 1);
    const ticks = calendarTicks('year', 10, start, new Date(0).setUTCFullYear(95, 0, 1));
    expect(ticks.map((t) => new Date(t).getUTCFullYear())).toEqual([60, 70, 80, 90]);
  });
});

describe('floorUnit', () => {
  test('floors to the start of the unit', () => {
    const ms = at('2022-02-05T23:10:30Z');
    expect(floorUnit(ms, 'year')).toBe(at('2022-01-01T00:00Z'));
    expect(floorUnit(ms, 'month')).toBe(at('2022-02-01T00:00Z'));
    expect(floorUnit(ms, 'day')).toBe(at('2022-02-05T00:00Z'));
    expect(floorUnit(ms, 'hour')).toBe(at('2022-02-05T23:00Z'));
    expect(floorUnit(ms, 'minute')).toBe(at('2022-02-05T23:10Z'));
  });
});
