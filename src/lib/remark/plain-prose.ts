/**
 * Fast paths for bodies that are plain prose: paragraphs of words with
 * wikilinks, and no Markdown syntax that changes what is text or where it
 * stands. For those the build needs no Markdown parser to find the
 * wikilinks or the paragraphs, and most bodies of a big story are like that
 * (a parse per body is about 0.1 ms, a few hundred ms for a 1,000-actor
 * story). Any body with a character that could start other syntax gets
 * `undefined`, and the caller parses it; tests compare both ways on
 * thousands of generated bodies.
 */
import { type FoundWikilink, parseWikilink, WIKILINK_PATTERN } from './wikilinks.ts';

/**
 * Inline syntax, and characters whose positions the parser counts otherwise:
 * code spans and fences, HTML and autolinks, escapes and character
 * references, emphasis and strikethrough, images, link destinations,
 * references and definitions; tabs, carriage returns and NUL. Any line that
 * starts with white space may be indented code or a continuation whose
 * indent the parser drops.
 */
const INLINE_SYNTAX = /[`<>\\&*_~!\t\r\0]|\]\(|\]\[|\]:|^ /m;

/**
 * A line that starts a block other than a paragraph, or may: anything but a
 * letter, a digit, a quotation mark or an opening bracket, and an ordered
 * list's number.
 */
const BLOCK_START = /^(?!$|[\p{L}\p{N}"'(“‘«]|\[(?!\^))|^\d{1,9}[.)]/mu;

/** Whether a body's wikilinks can be read without the parser (see INLINE_SYNTAX). */
function isPlainInline(markdown: string): boolean {
  return !INLINE_SYNTAX.test(markdown);
}

/**
 * The wikilinks of a plain-prose body with where each starts (1-based), as
 * `findWikilinks` finds them in its CommonMark tree; `undefined` when the
 * body needs the parser.
 */
export function plainWikilinks(markdown: string): FoundWikilink[] | undefined {
  if (!isPlainInline(markdown)) return undefined;
  const found: FoundWikilink[] = [];
  let line = 1;
  let lineStart = 0;
  for (const match of markdown.matchAll(WIKILINK_PATTERN)) {
    const index = match.index ?? 0;
    for (let i = markdown.indexOf('\n', lineStart); i !== -1 && i < index; ) {
      line += 1;
      lineStart = i + 1;
      i = markdown.indexOf('\n', lineStart);
    }
    const ref = parseWikilink(match[1] ?? '', match[2]);
    found.push({ ...ref, line, column: index - lineStart + 1 });
  }
  return found;
}

/**
 * The paragraphs of a plain-prose body, each its lines as written, joined by
 * line breaks (empty lines separate paragraphs; white space at line ends is
 * kept, where the parser's text drops it or reads it as a break);
 * `undefined` when the body needs the parser: inline syntax, or a line that
 * may start a heading, list, quote, table, rule or other block (see
 * BLOCK_START).
 */
export function plainBlocks(markdown: string): string[] | undefined {
  if (!isPlainInline(markdown) || BLOCK_START.test(markdown.replace(/^\n+|\n+$/g, ''))) {
    return undefined;
  }
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block !== '');
}
