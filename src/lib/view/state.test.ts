import { describe, expect, test } from 'vitest';
import { parseDate } from '../dates/index.ts';
import {
  EMPTY_VIEW,
  formatViewHash,
  isActiveIn,
  parseViewHash,
  sameView,
  viewWindow,
} from './state.ts';

function date(raw: string) {
  const result = parseDate(raw);
  if (!result.ok) throw new Error(raw);
  return result.date;
}

describe('parseViewHash / formatViewHash', () => {
  test('round-trips a full view in a stable order', () => {
    const hash = '#actor=alpha&from=2022-01&to=2022-02-05&hide=urges&hidecat=conflict,pressure';
    const state = parseViewHash(hash);
    expect(state).toEqual({
      actor: 'alpha',
      from: '2022-01',
      to: '2022-02-05',
      hiddenKinds: ['urges'],
      hiddenCategories: ['conflict', 'pressure'],
      hiddenActorKinds: [],
    });
    expect(formatViewHash(state)).toBe(hash);
    expect(
      formatViewHash(
        parseViewHash(
          'to=2022-02-05&hidecat=pressure,conflict&from=2022-01&actor=alpha&hide=urges',
        ),
      ),
    ).toBe(hash);
  });

  test('keeps date-times with offsets', () => {
    const state = parseViewHash(`#from=${encodeURIComponent('2022-02-05T23:10+05:30')}`);
    expect(state.from).toBe('2022-02-05T23:10+05:30');
    expect(parseViewHash(formatViewHash(state)).from).toBe('2022-02-05T23:10+05:30');
  });

  test('ignores malformed values and unknown keys', () => {
    expect(parseViewHash('#actor=<script>&from=2022-13&evil=1&event=ok-id')).toEqual({
      ...EMPTY_VIEW,
      event: 'ok-id',
    });
    expect(formatViewHash(EMPTY_VIEW)).toBe('');
  });

  test('compares views by content', () => {
    expect(sameView(parseViewHash('#hide=b,a'), parseViewHash('#hide=a,b'))).toBe(true);
    expect(sameView(parseViewHash('#actor=a'), EMPTY_VIEW)).toBe(false);
  });
});

describe('viewWindow', () => {
  test('spans from the start of `from` to the end of `to`', () => {
    expect(viewWindow({ from: '2022-01', to: '2022-02' })).toEqual({
      start: Date.UTC(2022, 0, 1),
      end: Date.UTC(2022, 2, 1),
    });
    expect(viewWindow({ from: '2022' })).toEqual({
      start: Date.UTC(2022, 0, 1),
      end: Number.POSITIVE_INFINITY,
    });
    expect(viewWindow({})).toBeUndefined();
  });
});

describe('isActiveIn', () => {
  const window = { start: Date.UTC(2022, 1, 10), end: Date.UTC(2022, 1, 11) };
  test('a month-precise start is active inside that month', () => {
    expect(isActiveIn({ since: date('2022-02') }, window)).toBe(true);
    expect(isActiveIn({ since: date('2022-03') }, window)).toBe(false);
  });
  test('a month-precise end runs to the end of its month', () => {
    expect(isActiveIn({ until: date('2022-02') }, window)).toBe(true);
    expect(isActiveIn({ until: date('2022-01') }, window)).toBe(false);
  });
  test('undated relations stay active', () => {
    expect(isActiveIn({}, window)).toBe(true);
  });
});
