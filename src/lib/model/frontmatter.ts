import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';

/** A 1-based line and column, as editors show them. */
export interface Point {
  line: number;
  column: number;
}

/** A span in a file, 1-based. */
export interface Place {
  start: Point;
  end?: Point;
}

/** A path into parsed YAML data, e.g. `['evidence', 0, 'quote']`. */
export type FieldPath = readonly (string | number)[];

/** A YAML document parsed with positions, able to say where each field was written. */
export interface ParsedYaml {
  data: unknown;
  /** YAML syntax errors, already placed in the file. */
  errors: { place: Place; reason: string }[];
  /** Where the value at `path` was written; falls back to the nearest written ancestor. */
  locate(path: FieldPath): Place;
  /** Where the key `key` of the mapping at `path` was written. */
  locateKey(path: FieldPath, key: string): Place;
}

/** The parts of a Markdown entry file. */
export interface SplitEntry {
  /** YAML text between the `---` fences, or undefined when there is no frontmatter. */
  yaml: string | undefined;
  /** 1-based line on which the YAML text starts. */
  yamlLine: number;
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` fenced YAML frontmatter from the Markdown body. */
export function splitFrontmatter(text: string): SplitEntry {
  const source = text.replace(/^\uFEFF/, '');
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? ''))
    return { yaml: undefined, yamlLine: 1, body: source, bodyLine: 1 };
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return { yaml: undefined, yamlLine: 2, body: source, bodyLine: 1 };
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** Parses YAML text that starts on line `firstLine` of its file, keeping positions. */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const { line, col } = counter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const toPlace = (range: readonly number[] | null | undefined): Place =>
    range
      ? { start: toPoint(range[0] ?? 0), end: toPoint(range[1] ?? range[0] ?? 0) }
      : { start: toPoint(0) };
  const errors = [...doc.errors, ...doc.warnings].map((error) => ({
    place: toPlace(error.pos),
    reason: firstSentence(error.message),
  }));
  const locate = (path: FieldPath): Place => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(doc, path.slice(0, depth));
      if (node?.range) return toPlace(node.range);
    }
    return { start: { line: firstLine, column: 1 } };
  };
  const locateKey = (path: FieldPath, key: string): Place => {
    const map = nodeAt(doc, path);
    if (isMap(map)) {
      const pair = map.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
      );
      if (pair && isScalar(pair.key) && pair.key.range) return toPlace(pair.key.range);
    }
    return locate(path);
  };
  const data = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { data, errors, locate, locateKey };
}

interface Ranged {
  range?: readonly number[] | null;
}

function nodeAt(doc: Document, path: FieldPath): Ranged | undefined {
  if (path.length === 0) return (doc.contents as Ranged | null) ?? undefined;
  const node = doc.getIn(path, true) as unknown;
  return node !== null && typeof node === 'object' && 'range' in node
    ? (node as Ranged)
    : undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
