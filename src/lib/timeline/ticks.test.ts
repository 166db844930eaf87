import { describe, expect, test } from 'vitest';
import { chooseAxisTicks, type Tick } from './ticks.ts';

/** The labelled ticks of `chooseAxisTicks`. */
function chooseTicks(domain: readonly [number, number], width: number): Tick[] {
  return chooseAxisTicks(domain, width).ticks;
}

const WIDTH = 900;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('chooseTicks', () => {
  test('picks whole years for a ten-year domain', () => {
    const ticks = chooseTicks([at('2010-03-01T00:00Z'), at('2020-03-01T00:00Z')], WIDTH);
    expect(ticks.map((t) => t.label)).toEqual([
      '2011',
      '2012',
      '2013',
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
    ]);
    expect(ticks.every((t) => iso(t.value).endsWith('-01-01T00:00:00.000Z'))).toBe(true);
    expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['2020']);
  });

  test('picks months for about six months, naming the year where it starts or changes', () => {
    const ticks = chooseTicks([at('2021-10-10T00:00Z'), at('2022-04-20T00:00Z')], WIDTH);
    expect(ticks.map((t) => t.label)).toEqual(['Nov 2021', 'Dec', 'Jan 2022', 'Feb', 'Mar', 'Apr']);
    expect(ticks.every((t) => /^\d{4}-\d{2}-01T00:00:00\.000Z$/.test(iso(t.value)))).toBe(true);
    expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['Jan 2022']);
  });

  test('picks days for about two weeks', () => {
    const ticks = chooseTicks([at('2022-01-25T00:00Z'), at('2022-02-08T00:00Z')], WIDTH);
    expect(ticks).toHaveLength(15);
    expect(ticks[0]?.label).toBe('25 Jan 2022');
    expect(ticks[1]?.label).toBe('26');
    expect(ticks.find((t) => t.major)?.label).toBe('1 Feb');
    expect(ticks.every((t) => iso(t.value).endsWith('T00:00:00.000Z'))).toBe(true);
  });

  test('thins to coarser steps when the axis is narrow', () => {
    const domain = [at('2022-01-25T00:00Z'), at('2022-02-08T00:00Z')] as const;
    const wide = chooseTicks(domain, WIDTH);
    const narrow = chooseTicks(domain, 300);
    expect(narrow.length).toBeGreaterThan(1);
    expect(narrow.length).toBeLessThan(wide.length);
  });

  test('spaces multi-day steps evenly across the end of a month', () => {
    const ticks = chooseTicks([at('2022-01-25T00:00Z'), at('2022-02-08T00:00Z')], 480);
    const gaps = ticks.slice(1).map((t, i) => t.value - (ticks[i]?.value ?? 0));
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(gaps).size).toBe(1);
    expect(ticks.some((t) => t.major && t.label.endsWith('Feb'))).toBe(true);
  });

  test('keeps tick spacing readable at any width', () => {
    for (const width of [240, 480, 960, 1600]) {
      const domain = [at('2019-07-01T00:00Z'), at('2022-03-01T00:00Z')] as const;
      const ticks = chooseTicks(domain, width);
      const perMs = width / (domain[1] - domain[0]);
      for (let i = 1; i < ticks.length; i++) {
        const gap = ((ticks[i]?.value ?? 0) - (ticks[i - 1]?.value ?? 0)) * perMs;
        expect(gap).toBeGreaterThanOrEqual(48);
      }
    }
  });

  test('uses hours inside a single day', () => {
    const ticks = chooseTicks([at('2022-02-05T06:00Z'), at('2022-02-05T18:00Z')], WIDTH);
    expect(ticks[0]?.label).toBe('5 Feb 2022 06:00');
    expect(ticks.slice(1).every((t) => /^\d{2}:\d{2}$/.test(t.label))).toBe(true);
  });

  test('accepts a reversed domain and returns nothing for an empty width', () => {
    const forward = chooseTicks([at('2010-01-01T00:00Z'), at('2020-01-01T00:00Z')], WIDTH);
    expect(chooseTicks([at('2020-01-01T00:00Z'), at('2010-01-01T00:00Z')], WIDTH)).toEqual(forward);
    expect(chooseTicks([at('2010-01-01T00:00Z'), at('2020-01-01T00:00Z')], 0)).toEqual([]);
  });
});

describe('chooseAxisTicks', () => {
  test('labels month starts with unlabelled weekly minor ticks for a few months at 1000 px', () => {
    const domain = [at('2021-10-25T00:00Z'), at('2022-02-20T00:00Z')] as const;
    const { ticks, minor } = chooseAxisTicks(domain, 1000);
    expect(ticks.map((t) => t.label)).toEqual(['Nov 2021', 'Dec', 'Jan 2022', 'Feb']);
    expect(ticks.every((t) => /^\d{4}-\d{2}-01T00:00:00\.000Z$/.test(iso(t.value)))).toBe(true);
    expect(minor.length).toBeGreaterThan(12);
    // Every minor tick is a Monday (ISO week start), none on a labelled month start.
    expect(minor.every((value) => new Date(value).getUTCDay() === 1)).toBe(true);
    expect(minor.some((value) => ticks.some((t) => t.value === value))).toBe(false);
  });

  test('never labels Mondays when months give at least two ticks', () => {
    for (const width of [600, 800, 1000, 1400]) {
      const { ticks } = chooseAxisTicks([at('2021-11-20T00:00Z'), at('2022-02-10T00:00Z')], width);
      expect(ticks.map((t) => t.label)).not.toContain('6 Dec');
      expect(ticks.map((t) => t.label)).not.toContain('3 Jan 2022');
    }
  });

  test('still falls back to weeks when a domain holds fewer than two month starts', () => {
    const { ticks } = chooseAxisTicks([at('2022-01-03T00:00Z'), at('2022-01-30T00:00Z')], 300);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.every((t) => new Date(t.value).getUTCDay() === 1)).toBe(true);
  });

  test('subdivides years with months or half-years and days with hours', () => {
    const years = chooseAxisTicks([at('2019-01-01T00:00Z'), at('2022-01-01T00:00Z')], 900);
    expect(
      years.ticks.every((t) => /^\d{4}$/.test(t.label) || /^[A-Z][a-z]{2}/.test(t.label)),
    ).toBe(true);
    expect(years.minor.every((value) => iso(value).endsWith('T00:00:00.000Z'))).toBe(true);
    expect(years.minor.every((value) => iso(value).slice(8, 10) === '01')).toBe(true);
    const days = chooseAxisTicks([at('2022-02-01T00:00Z'), at('2022-02-06T00:00Z')], 300);
    expect(days.ticks.every((t) => iso(t.value).endsWith('T00:00:00.000Z'))).toBe(true);
    expect(days.minor.length).toBeGreaterThan(0);
    expect(days.minor.every((value) => !iso(value).endsWith('T00:00:00.000Z'))).toBe(true);
  });

  test('keeps minor ticks apart from each other and from labelled ones', () => {
    const domain = [at('2020-01-01T00:00Z'), at('2024-06-01T00:00Z')] as const;
    for (const width of [300, 700, 1200]) {
      const { ticks, minor } = chooseAxisTicks(domain, width);
      const px = (ms: number) => (ms * width) / (domain[1] - domain[0]);
      for (let i = 1; i < minor.length; i++) {
        expect(px((minor[i] ?? 0) - (minor[i - 1] ?? 0))).toBeGreaterThanOrEqual(12);
      }
      for (const value of minor) {
        expect(ticks.every((t) => Math.abs(px(t.value - value)) >= 4)).toBe(true);
      }
    }
  });

  test('returns nothing for an empty or invalid domain', () => {
    expect(chooseAxisTicks([5, 5], 900)).toEqual({ ticks: [], minor: [] });
    expect(chooseAxisTicks([0, Number.NaN], 900)).toEqual({ ticks: [], minor: [] });
  });
});
