import { describe, expect, test } from 'vitest';
import { plainParagraphs } from './plain-text.ts';

const names: Record<string, string> = { alpha: 'Alpha Republic', 'event:talks': 'The talks' };
const name = (ref: { type: string; id: string }) =>
  names[ref.type === 'event' ? `event:${ref.id}` : ref.id];

describe('plainParagraphs', () => {
  test('drops Markdown syntax and keeps one string per paragraph', () => {
    expect(
      plainParagraphs(
        '## Why\n\nIt is **bold** and _odd_,\nsee [the site](https://x.org).\n\n- one\n- two',
        name,
      ),
    ).toEqual(['Why', 'It is bold and odd, see the site.', 'one', 'two']);
  });

  test('reads wikilinks as their shown text, a name, or the id', () => {
    expect(
      plainParagraphs('[[alpha]] met [[beta|the Betans]] at [[event:talks]] and [[gamma]].', name),
    ).toEqual(['Alpha Republic met the Betans at The talks and gamma.']);
  });

  test('reads GitHub’s tables row by row and its footnotes and strikethrough as text', () => {
    expect(
      plainParagraphs(
        '| Port | Fee |\n| --- | --- |\n| North | ~~ten~~ 12 |\n\nRose.[^1]\n\n[^1]: Per the board.',
        name,
      ),
    ).toEqual(['Port · Fee', 'North · ten 12', 'Rose.', 'Per the board.']);
  });

  test('leaves raw HTML out', () => {
    expect(plainParagraphs('Hi <script>alert(1)</script> there\n\n<div>x</div>', name)).toEqual([
      'Hi alert(1) there',
    ]);
  });

  test('returns nothing for an empty body', () => {
    expect(plainParagraphs('  \n', name)).toEqual([]);
  });
});
