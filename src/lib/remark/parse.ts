/**
 * Markdown parsed as the pages render it (CommonMark plus GitHub's tables,
 * footnotes, strikethrough and autolinks), for the plain text the build
 * derives from bodies: the search index and the diagram's panel.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

const extensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

/** The mdast tree of a Markdown body, with GitHub's extensions as Astro's pipeline has them. */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}
