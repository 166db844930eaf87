import { describe, expect, test } from 'vitest';
import { fromTemplateText, toTemplateText } from './template-text.ts';

/** Strings that could confuse the swap or break out of HTML text. */
const AWKWARD = [
  'plain',
  'a "quoted" word',
  'back`tick`s and \\` escaped',
  '\\u0060 already written as an escape',
  '</template><script>alert(1)</script>',
  "it's & <b>bold</b> &quot;entity&quot;",
  '\u0000\u001f control, \u2028 line separator, emoji 🙂, עברית, 日本語',
  '',
];

describe('toTemplateText', () => {
  test('leaves no double quote and only former quotes as backticks', () => {
    const json = JSON.stringify({ names: AWKWARD, n: 1 });
    const text = toTemplateText(json);
    expect(text).not.toContain('"');
    expect(text.split('`').length - 1).toBe(json.split('"').length - 1);
  });

  test('is as long as the JSON when no backtick is in it', () => {
    const json = JSON.stringify({ id: 'a', name: 'A "name"' });
    expect(toTemplateText(json)).toHaveLength(json.length);
  });
});

describe('fromTemplateText', () => {
  test('gives back JSON that parses to the same value, for every awkward string', () => {
    const value = { names: AWKWARD, nested: [{ label: AWKWARD.join('"`') }], x: 1.5, ok: true };
    expect(JSON.parse(fromTemplateText(toTemplateText(JSON.stringify(value))))).toEqual(value);
  });

  test('round-trips each string on its own', () => {
    for (const s of AWKWARD)
      expect(JSON.parse(fromTemplateText(toTemplateText(JSON.stringify(s))))).toBe(s);
  });
});
