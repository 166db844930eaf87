import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import rehypeRawWhenPresent, { hasRawHtml } from './raw-html.ts';

/** Markdown to hast with raw HTML kept as `raw` nodes, as Astro's pipeline hands it to rehype plugins. */
function hast(markdown: string): Root {
  return toHast(fromMarkdown(markdown), { allowDangerousHtml: true }) as Root;
}

describe('rehypeRawWhenPresent', () => {
  test('parses raw HTML into elements, as rehype-raw does', () => {
    const text = 'Some <b>bold</b> and <span class="x">inline</span> HTML.\n\n<div>block</div>\n';
    expect(hasRawHtml(hast(text))).toBe(true);
    const ours = rehypeRawWhenPresent()(hast(text), new VFile(text));
    const theirs = rehypeRaw()(hast(text), new VFile(text));
    expect(ours && hasRawHtml(ours)).toBe(false);
    expect(toHtml(ours as Root)).toBe(toHtml(theirs));
    expect(toHtml(ours as Root)).toContain('<b>bold</b>');
  });

  test('leaves a tree without raw HTML as it is, which is what rehype-raw would give', () => {
    const text = '# Title\n\nPlain *prose* with a [link](/x/) and `code`.\n\n- a list\n';
    const tree = hast(text);
    expect(hasRawHtml(tree)).toBe(false);
    expect(rehypeRawWhenPresent()(tree, new VFile(text))).toBeUndefined();
    expect(toHtml(tree)).toBe(toHtml(rehypeRaw()(hast(text), new VFile(text))));
  });

  test('finds raw HTML deep in a tree', () => {
    expect(hasRawHtml(hast('- item with <kbd>Ctrl</kbd>\n'))).toBe(true);
    expect(hasRawHtml(hast('> quoted <!-- note -->\n'))).toBe(true);
  });
});
