/**
 * Markdown parsed as the pages render it (CommonMark plus GitHub's tables,
 * footnotes, strikethrough, task lists and autolinks), for the plain text
 * the build derives from bodies: the search index and the diagram's panel.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { plainBlocks } from './plain-prose.ts';

const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

/**
 * What any of GitHub's extensions needs in a text: a table's or
 * strikethrough's character (a table of one column needs no pipe, but its
 * delimiter row then has a colon beside a dash), a footnote, an autolink (a
 * URL, `www.`, an e-mail address) or a task list box (`[ ]`, `[x]`
 * anywhere, also split over two lines with indentation or `>` between:
 * list items nest in quotes and other lists). Without any, CommonMark alone
 * gives the same tree, about three times as fast.
 */
const GFM_SYNTAX =
  /[|~@]|\[\^|www\.|https?:|:-|-:|\[(?:[ \t\nxX]|\r\n?)\]|\[(?:\r\n?|\n)[ \t>]*\]/i;

/** The mdast tree of a Markdown body, with GitHub's extensions as Astro's pipeline has them. */
export function parseMarkdown(markdown: string): Root {
  return GFM_SYNTAX.test(markdown)
    ? fromMarkdown(markdown, { extensions, mdastExtensions })
    : fromMarkdown(markdown);
}

/** Nodes that give no words: raw HTML (the sanitiser may strip it; its tags are no words), images and footnote references. */
const SILENT = new Set(['html', 'image', 'imageReference', 'footnoteReference']);

function inlineText(node: Nodes): string {
  if (SILENT.has(node.type)) return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map((child) => inlineText(child as Nodes)).join('');
  return '';
}

function collectBlocks(node: Nodes, tables: 'cells' | 'rows', out: string[]): void {
  if (SILENT.has(node.type)) return;
  if (
    node.type === 'paragraph' ||
    node.type === 'heading' ||
    (tables === 'cells' && node.type === 'tableCell')
  )
    out.push(inlineText(node));
  else if (tables === 'rows' && node.type === 'tableRow')
    out.push(node.children.map((cell) => inlineText(cell)).join(' · '));
  else if (node.type === 'code') out.push(node.value);
  else if ('children' in node)
    for (const child of node.children) collectBlocks(child as Nodes, tables, out);
}

/**
 * The text of a Markdown body block by block, in document order: each
 * paragraph, heading and code block, and each table cell (`tables: 'cells'`)
 * or each table row with its cells joined by " · " (`'rows'`). A line break
 * reads as a space; wikilinks and whitespace are left as written, for the
 * caller to word and tidy.
 */
export function blockTexts(markdown: string, tables: 'cells' | 'rows'): string[] {
  // Plain prose needs no parser: its blocks are its paragraphs (plain-prose.ts).
  return plainBlocks(markdown) ?? parsedBlockTexts(markdown, tables);
}

/** `blockTexts` through the Markdown parser, whatever the body (the fast path's reference in tests). */
export function parsedBlockTexts(markdown: string, tables: 'cells' | 'rows'): string[] {
  const out: string[] = [];
  collectBlocks(parseMarkdown(markdown), tables, out);
  return out;
}
