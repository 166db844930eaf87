import { describe, expect, test } from 'vitest';
import { slugify } from '../model/ids.ts';
import { foldAccents } from './fold.ts';

describe('foldAccents', () => {
  test('strips combining marks and spells letters NFKD leaves alone', () => {
    expect(foldAccents('Orbán')).toBe('Orban');
    expect(foldAccents('Ørsted-Lin')).toBe('Orsted-Lin');
    expect(foldAccents('Łódź Straße')).toBe('Lodz Strasse');
    expect(foldAccents('岸田文雄')).toBe('岸田文雄');
  });
});

describe('slugify', () => {
  test('makes a kebab-case id from any name', () => {
    expect(slugify('Ørsted Harbour Co')).toBe('orsted-harbour-co');
    expect(slugify('Talks: round 2')).toBe('talks-round-2');
    expect(slugify('  US–Japan  ')).toBe('us-japan');
  });
});
