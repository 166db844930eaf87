import { describe, expect, test } from 'vitest';
import { parseDate } from '../../dates/index.ts';
import type { PartialDate } from '../../dates/types.ts';
import { actorAnnouncement, relationPlain, relationSentence, windowReadout } from './text.ts';

function date(raw: string): PartialDate {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(raw);
  return r.date;
}

describe('relationSentence', () => {
  test('reads a directed relation with an arrow', () => {
    expect(
      relationSentence({
        from: 'Japan',
        label: 'disputes territory with',
        to: 'Russia',
        directed: true,
      }),
    ).toBe('Japan — disputes territory with → Russia');
  });

  test('reads an undirected relation without one', () => {
    expect(
      relationSentence({
        from: 'Northland',
        label: 'trades with',
        to: 'Southland',
        directed: false,
      }),
    ).toBe('Northland — trades with — Southland');
  });
});

describe('relationPlain', () => {
  test('reads as a sentence without symbols', () => {
    expect(relationPlain({ from: 'Japan', label: 'warns', to: 'Russia', directed: true })).toBe(
      'Japan warns Russia',
    );
  });
});

describe('actorAnnouncement', () => {
  test('counts relations', () => {
    expect(actorAnnouncement('Japan', 6)).toBe('Japan selected: 6 relations');
    expect(actorAnnouncement('Ada', 1)).toBe('Ada selected: 1 relation');
  });
});

describe('windowReadout', () => {
  test('names both ends at their precision', () => {
    expect(windowReadout(date('2022-01'), date('2022-02-05'), 9, 14)).toBe(
      'Relations active between January 2022 and 5 February 2022: 9 of 14',
    );
  });

  test('names the window once when both ends read the same', () => {
    expect(windowReadout(date('2031-05'), date('2031-05'), 3, 5)).toBe(
      'Relations active in May 2031: 3 of 5',
    );
  });

  test('reads open windows', () => {
    expect(windowReadout(date('2031'), undefined, 2, 5)).toBe(
      'Relations active from 2031 on: 2 of 5',
    );
    expect(windowReadout(undefined, date('2030-12-31'), 1, 5)).toBe(
      'Relations active until 31 December 2030: 1 of 5',
    );
  });
});
