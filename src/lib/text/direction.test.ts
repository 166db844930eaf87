import { describe, expect, test } from 'vitest';
import { textDirection } from './direction.ts';

describe('textDirection', () => {
  test('is rtl when the first letter is Arabic or Hebrew', () => {
    expect(textDirection('محمد بن سلمان')).toBe('rtl');
    expect(textDirection('«בנימין נתניהו»')).toBe('rtl');
    expect(textDirection('2022: وزارة الخارجية')).toBe('rtl');
  });

  test('is ltr for Latin, accented and Japanese names, and for text without letters', () => {
    expect(textDirection('Émile Zola')).toBe('ltr');
    expect(textDirection('岸田文雄')).toBe('ltr');
    expect(textDirection('G7 (مجموعة السبع)')).toBe('ltr');
    expect(textDirection('2022 – 2023')).toBe('ltr');
  });
});
