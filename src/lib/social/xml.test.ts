import { describe, expect, test } from 'vitest';
import { escapeXml } from './xml.ts';

describe('escapeXml', () => {
  test('escapes markup characters and both quotes', () => {
    expect(escapeXml(`a < b & c > "d" 'e'`)).toBe(
      'a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;',
    );
  });

  test('drops control characters that XML 1.0 cannot hold and keeps tab, newline and astral characters', () => {
    expect(escapeXml('a\u0000b\u0007c\td\ne\u{1F30A}')).toBe('abc\td\ne\u{1F30A}');
  });

  test('drops a lone surrogate', () => {
    expect(escapeXml('x\uD800y')).toBe('xy');
  });
});
