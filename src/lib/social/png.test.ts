import { describe, expect, test } from 'vitest';
import { cardFontStamp, fontStamp, renderPng } from './png.ts';

describe('fontStamp', () => {
  const files = { '/f/Sans.ttf': 'sans bytes', '/f/Sans-Bold.ttf': 'bold bytes' };
  const read = (table: Record<string, string>) => (file: string) =>
    new TextEncoder().encode(table[file] ?? '');
  const options = {
    loadSystemFonts: false,
    fontFiles: Object.keys(files),
    defaultFontFamily: 'Sans',
  };

  test('changes with the bytes of a font file, the files named, and the options', () => {
    const stamp = fontStamp(options, read(files));
    expect(fontStamp(options, read({ ...files }))).toBe(stamp);
    expect(fontStamp(options, read({ ...files, '/f/Sans-Bold.ttf': 'other bold' }))).not.toBe(
      stamp,
    );
    expect(fontStamp({ ...options, fontFiles: ['/f/Sans.ttf'] }, read(files))).not.toBe(stamp);
    expect(fontStamp({ ...options, defaultFontFamily: 'Serif' }, read(files))).not.toBe(stamp);
    expect(fontStamp({ loadSystemFonts: true }, read(files))).not.toBe(stamp);
  });
});

describe('cardFontStamp', () => {
  test('is the same for the life of the process, and cards render with those fonts', () => {
    expect(cardFontStamp()).toMatch(/^[0-9a-f]{64}$/);
    expect(cardFontStamp()).toBe(cardFontStamp());
    const png = renderPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><text y="2">a</text></svg>',
    );
    expect([...png.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });
});
