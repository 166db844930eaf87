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
import { type Location, location } from 'vfile-location';

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

/**
 * Every wikilink in the text of a Markdown tree (not in code), in document
 * order. Given the `source` the tree was parsed from, each position is where
 * the link stands in it: a text node's value drops what the parser does not
 * count as text (the indent of a continuation line, a quote's `>`), so
 * positions counted in the value alone are off on such lines.
 */
export function findWikilinks(tree: Root, source?: string): FoundWikilink[] {
  const found: FoundWikilink[] = [];
  const place = source === undefined ? undefined : location(source);
  visit(tree, 'text', (node: Text) => {
    const start = node.position?.start;
    const matches = [...node.value.matchAll(WIKILINK_PATTERN)];
    const placed =
      source !== undefined && place ? inSource(node, matches, source, place) : undefined;
    matches.forEach((match, at) => {
      const ref = parseWikilink(match[1] ?? '', match[2]);
      found.push({ ...ref, ...(placed?.[at] ?? pointAt(node.value, match.index ?? 0, start)) });
    });
  });
  return found;
}

/** Where `index` in a text node's value stands, counting in the value from the node's start. */
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

/**
 * Where the links matched in a text node's value stand in `source`: the same
 * links matched in the node's stretch of source, when they are the same ones
 * in the same order (an escaped bracket or a character reference can make
 * them differ; then `undefined`, and the caller counts in the value).
 */
function inSource(
  node: Text,
  matches: readonly RegExpMatchArray[],
  source: string,
  place: Location,
): { line: number; column: number }[] | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const raw = [...source.slice(from, to).matchAll(WIKILINK_PATTERN)];
  if (raw.length !== matches.length || raw.some((m, at) => m[0] !== matches[at]?.[0]))
    return undefined;
  const points = raw.map((m) => place.toPoint(from + (m.index ?? 0)));
  return points.every((point) => point !== undefined)
    ? points.map(({ line, column }) => ({ line, column }))
    : undefined;
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
