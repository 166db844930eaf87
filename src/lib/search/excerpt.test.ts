import { describe, expect, test } from 'vitest';
import { decodeEntities, moveActive, splitExcerpt } from './excerpt.ts';
import { isSearchShortcut } from './shortcut.ts';

describe('splitExcerpt', () => {
  test('separates marked words from the text around them', () => {
    expect(splitExcerpt('the <mark>harbour</mark> shut its <mark>gates</mark>.')).toEqual([
      { text: 'the ', marked: false },
      { text: 'harbour', marked: true },
      { text: ' shut its ', marked: false },
      { text: 'gates', marked: true },
      { text: '.', marked: false },
    ]);
  });

  test('decodes entities into text and drops any other tag rather than rendering it', () => {
    expect(splitExcerpt('&lt;script&gt;x &amp; <b>y</b> <img src=x onerror=alert(1)>')).toEqual([
      { text: '<script>x & y ', marked: false },
    ]);
  });
});

describe('decodeEntities', () => {
  test('decodes named, decimal and hex entities and leaves unknown ones', () => {
    expect(decodeEntities('&quot;a&#39;b&#x2019;c&apos;&nbsp;&bogus; &#0;')).toBe(
      "\"a'b\u2019c'\u00a0&bogus; &#0;",
    );
  });
});

describe('moveActive', () => {
  test('starts at the first or last option and wraps around', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});

describe('isSearchShortcut', () => {
  const key = { key: '/', ctrlKey: false, metaKey: false, altKey: false };
  test('takes a bare slash outside text fields only', () => {
    expect(isSearchShortcut(key, false)).toBe(true);
    expect(isSearchShortcut(key, true)).toBe(false);
    expect(isSearchShortcut({ ...key, ctrlKey: true }, false)).toBe(false);
    expect(isSearchShortcut({ ...key, key: '?' }, false)).toBe(false);
  });
});
