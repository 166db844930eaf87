import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, test } from 'vitest';
import { parseMarkdown } from './parse.ts';

const withGfm = (text: string) =>
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** Texts without GitHub's syntax, with everything else Markdown has. */
const PLAIN = [
  'A plain sentence about [[north|the North]] and [[event:talks]].',
  '# Head\n\nSome *emphasis*, **strong**, `code` and a [link](/actors/x/ "t").\n\n> quoted\n\n- one\n- two\n\n1. first\n2. second',
  'Line one  \nline two\\\nline three\n\n---\n\n    indented code\n\n```js\nfenced\n```',
  '<b>raw</b> & entities &amp; &copy; [ref][r]\n\n[r]: /x\n\nSetext\n===',
  '- [[north]] leads\n- [ not a task\n\n![img](a.png) *a_b* 2 * 3',
];

/** Texts that need the extensions, each for a different one. */
const GFM = [
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '~~gone~~',
  'Note.[^1]\n\n[^1]: The note.',
  'See www.example.org today',
  'See https://example.org today',
  'Mail desk@example.org',
  '- [ ] open\n- [x] done',
  '> - [ ] in a quote',
  '- - [x] nested',
  '1. * [X] under a number',
  '- [\t] a tab',
  '-\n  [ ] on the next line',
  'Score\n--:',
  'Note\n:--',
  '> a\n> :-',
  '- [\n  ] split box',
  '> - [\n> ] split in a quote',
];

describe('parseMarkdown', () => {
  test.each(PLAIN)('without GitHub syntax, gives what the full GitHub parser gives: %#', (text) => {
    expect(parseMarkdown(text)).toEqual(withGfm(text));
  });

  test.each(GFM)('with GitHub syntax, parses it: %#', (text) => {
    const tree = parseMarkdown(text);
    expect(tree).toEqual(withGfm(text));
    expect(tree).not.toEqual(fromMarkdown(text));
  });
});
