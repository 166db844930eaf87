/**
 * An entry body as plain paragraphs for the diagram's detail panel: Markdown
 * syntax dropped, raw HTML left out, wikilinks read as their shown text.
 * Build time only; the panel puts each paragraph into `textContent`.
 */
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../../remark/parse.ts';
import { parseWikilink, WIKILINK_PATTERN, type WikilinkRef } from '../../remark/wikilinks.ts';

/** Block nodes that become one paragraph each. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableRow']);

function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if (node.type === 'tableRow') return node.children.map((cell) => inlineText(cell)).join(' · ');
  if ('children' in node) return node.children.map((child) => inlineText(child as Nodes)).join('');
  return '';
}

function collect(node: Nodes, out: string[]): void {
  if (BLOCKS.has(node.type)) {
    out.push(inlineText(node));
    return;
  }
  if (node.type === 'code') {
    out.push(node.value);
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, out);
}

/**
 * The paragraphs of a Markdown body as plain text. `name` gives the text of
 * a wikilink without shown text (an actor's name, an event's title); an
 * unknown one reads as its id.
 */
export function plainParagraphs(
  markdown: string,
  name: (ref: WikilinkRef) => string | undefined,
): string[] {
  if (markdown.trim() === '') return [];
  const tree: Root = parseMarkdown(markdown);
  const blocks: string[] = [];
  collect(tree, blocks);
  return blocks
    .map((text) =>
      text
        .replace(WIKILINK_PATTERN, (_, target: string, shown?: string) => {
          const ref = parseWikilink(target, shown);
          return ref.text ?? name(ref) ?? ref.id;
        })
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}
