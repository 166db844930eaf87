import { describe, expect, test } from 'vitest';
import { unclosedComment } from './warnings.ts';

describe('unclosedComment', () => {
  test('finds a comment that is never closed, where it opens', () => {
    expect(unclosedComment('First paragraph.\n\n<!-- draft note\n\nHidden text.\n')).toEqual({
      line: 3,
      column: 1,
    });
  });

  test('accepts closed comments, on one line or several', () => {
    expect(
      unclosedComment('Text <!-- aside --> more.\n\n<!--\nnote\n-->\n\nEnd.\n'),
    ).toBeUndefined();
  });

  test('ignores `<!--` inside code', () => {
    expect(unclosedComment('Write `<!--` to open.\n\n```html\n<!-- open\n```\n')).toBeUndefined();
  });

  test('is undefined for a body without comments', () => {
    expect(unclosedComment('Plain text.\n')).toBeUndefined();
  });
});
