/**
 * Wikilinks in entry bodies: `[[actor-id]]`, `[[actor-id|shown text]]` and
 * `[[event:event-id]]` (also `[[event:event-id|text]]`). One parser serves the
 * validation pass (which needs positions) and the remark plugin (which turns
 * them into links).
 */
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import type { Point as UnistPoint } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Matches one wikilink; group 1 is the target, group 2 the optional shown text. */
export const WIKILINK_PATTERN = /\[\[([^[\]|\n]+?)(?:\|([^[\]\n]+?))?\]\]/g;

/** What a wikilink points at. */
export interface WikilinkRef {
  type: 'actor' | 'event';
  id: string;
  /** Text the author asked to show, if any. */
  text?: string;
}

/** A wikilink found in a Markdown tree, with where it starts (1-based, relative to the tree's source). */
export interface FoundWikilink extends WikilinkRef {
  line: number;
  column: number;
}

/** Reads the inside of `[[…]]`. */
export function parseWikilink(target: string, text?: string): WikilinkRef {
  const trimmed = target.trim();
  const shown = text?.trim();
  const ref: WikilinkRef = trimmed.startsWith('event:')
    ? { type: 'event', id: trimmed.slice('event:'.length).trim() }
    : { type: 'actor', id: trimmed.replace(/^actor:/, '').trim() };
  return shown ? { ...ref, text: shown } : ref;
}

/** Every wikilink in the text of a Markdown tree (not in code), in document order. */
export function findWikilinks(tree: Root): FoundWikilink[] {
  const found: FoundWikilink[] = [];
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start;
    for (const match of node.value.matchAll(WIKILINK_PATTERN)) {
      const ref = parseWikilink(match[1] ?? '', match[2]);
      found.push({ ...ref, ...pointAt(node.value, match.index ?? 0, start) });
    }
  });
  return found;
}

function pointAt(
  value: string,
  index: number,
  start: UnistPoint | undefined,
): { line: number; column: number } {
  const before = value.slice(0, index);
  const lines = before.split('\n');
  const line = (start?.line ?? 1) + lines.length - 1;
  const column =
    lines.length === 1 ? (start?.column ?? 1) + index : (lines.at(-1)?.length ?? 0) + 1;
  return { line, column };
}

/** How the plugin turns a reference into a link; `undefined` for an unknown id. */
export type WikilinkResolver = (ref: WikilinkRef) => { href: string; label: string } | undefined;

/** Options of `remarkWikilinks`. */
export interface WikilinkOptions {
  resolve: WikilinkResolver;
}

/**
 * remark plugin: replaces wikilinks with links carrying `data-actor` or
 * `data-event` and the class `mention`; inside a link, with the name alone.
 * Unknown ids stay as text and are reported on the file (the validation pass
 * is what fails the build).
 */
export default function remarkWikilinks(options: WikilinkOptions) {
  return (tree: Root, file?: VFile) => {
    findAndReplace(tree, [
      WIKILINK_PATTERN,
      (_whole: string, target: string, text: string | undefined, match) => {
        const ref = parseWikilink(target, text);
        const resolved = options.resolve(ref);
        if (!resolved) {
          const node = match.stack.at(-1);
          file?.message(`Unexpected unknown ${ref.type} \`${ref.id}\` in wikilink`, {
            place: node?.position,
            ruleId: `unknown-${ref.type}`,
            source: 'dramatis',
          });
          return false;
        }
        const shown = ref.text ?? resolved.label;
        // Inside a link, a second link would nest (invalid HTML): the name is shown as text.
        if (
          match.stack.some(
            (node: { type: string }) => node.type === 'link' || node.type === 'linkReference',
          )
        )
          return { type: 'text', value: shown } satisfies PhrasingContent;
        const link: Link = {
          type: 'link',
          url: resolved.href,
          title: null,
          children: [{ type: 'text', value: shown } satisfies PhrasingContent],
          data: {
            hProperties: {
              className: ['mention', `mention-${ref.type}`],
              [ref.type === 'actor' ? 'dataActor' : 'dataEvent']: ref.id,
            },
          },
        };
        return link;
      },
    ]);
  };
}
