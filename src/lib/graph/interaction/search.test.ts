import { describe, expect, test } from 'vitest';
import { foldText, type SearchEntry, searchActors } from './search.ts';

const entries: SearchEntry[] = [
  { id: 'viktor', name: 'Viktor Orbán', aliases: ['Orbán'] },
  { id: 'ada', name: 'Ada Ørsted-Lin', aliases: ['Ada'] },
  { id: 'lech', name: 'Lech Wałęsa', aliases: [] },
  { id: 'strauss', name: 'Franz Strauß', aliases: [] },
  { id: 'north', name: 'Northland', aliases: ['the North'] },
  { id: 'wire', name: 'Wire Service', aliases: [] },
];

describe('foldText', () => {
  test('strips accents and case', () => {
    expect(foldText('Orbán')).toBe('orban');
    expect(foldText('ÉCOLE Française')).toBe('ecole francaise');
  });

  test('spells out letters that NFKD does not decompose', () => {
    expect(foldText('Ørsted')).toBe('orsted');
    expect(foldText('Wałęsa')).toBe('walesa');
    expect(foldText('Strauß')).toBe('strauss');
    expect(foldText('Æsir Œuvre')).toBe('aesir oeuvre');
  });

  test('turns punctuation into single spaces', () => {
    expect(foldText('  Ørsted-Lin, Ada ')).toBe('orsted lin ada');
  });
});

describe('searchActors', () => {
  test('finds a name without its accents', () => {
    expect(searchActors(entries, 'orban').map((h) => h.id)).toEqual(['viktor']);
    expect(searchActors(entries, 'orsted').map((h) => h.id)).toEqual(['ada']);
    expect(searchActors(entries, 'walesa').map((h) => h.id)).toEqual(['lech']);
    expect(searchActors(entries, 'strauss').map((h) => h.id)).toEqual(['strauss']);
  });

  test('matches across punctuation', () => {
    expect(searchActors(entries, 'orsted lin').map((h) => h.id)).toEqual(['ada']);
  });

  test('says which alias matched when the name did not', () => {
    expect(searchActors(entries, 'the north')).toEqual([
      { id: 'north', name: 'Northland', alias: 'the North' },
    ]);
  });

  test('prefers the name when name and alias match equally', () => {
    expect(searchActors(entries, 'ada')).toEqual([
      { id: 'ada', name: 'Ada Ørsted-Lin', alias: 'Ada' },
    ]);
    expect(searchActors(entries, 'viktor')).toEqual([{ id: 'viktor', name: 'Viktor Orbán' }]);
  });

  test('ranks whole and prefix matches before inner ones', () => {
    const hits = searchActors(
      [
        { id: 'inner', name: 'Abcnorth', aliases: [] },
        { id: 'word', name: 'Far North', aliases: [] },
        { id: 'prefix', name: 'Northland', aliases: [] },
        { id: 'whole', name: 'North', aliases: [] },
      ],
      'north',
    );
    expect(hits.map((h) => h.id)).toEqual(['whole', 'prefix', 'word', 'inner']);
  });

  test('returns nothing for an empty or unmatched query, and at most the limit', () => {
    expect(searchActors(entries, '  ')).toEqual([]);
    expect(searchActors(entries, 'zzz')).toEqual([]);
    expect(searchActors(entries, 'e', 2)).toHaveLength(2);
  });
});
