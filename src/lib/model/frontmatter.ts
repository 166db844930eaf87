import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
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

/**
 * Characters that send a text to the full parser: anchors and aliases (`&`,
 * `*`; the full parser caps alias expansion), tags (`!`) and merge keys.
 */
const NEEDS_FULL_PARSER = /[&*!]|<</;

/**
 * The data of a plain YAML text, from js-yaml's core schema (YAML 1.2, as the
 * full parser reads it: dates stay strings), which is several times faster
 * than a document with positions. Undefined when the text uses anything in
 * NEEDS_FULL_PARSER or does not parse (duplicate keys included): the full
 * parser then says where the problem is.
 */
function fastData(text: string): { data: unknown } | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  try {
    const data = loadYaml(text, { schema: CORE_SCHEMA }) ?? null;
    return hasNullKey(data) ? undefined : { data };
  } catch {
    return undefined;
  }
}

/** Spellings js-yaml keeps as a key where the full parser reads a null key as ``. */
const NULL_KEYS = new Set(['null', 'Null', 'NULL', '~']);

function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => NULL_KEYS.has(key) || hasNullKey(item));
}

/**
 * Parses YAML text that starts on line `firstLine` of its file. Positions
 * are worked out only when asked for (`locate`, `locateKey`): most files of
 * a story are never reported on, so their data comes from a fast parser.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const fast = fastData(text);
  if (!fast) {
    const full = parseYamlDocument(text, firstLine);
    if (full.errors.length === 0) remember(text, full.data);
    return full;
  }
  remember(text, fast.data);
  let full: ParsedYaml | undefined;
  const positions = () => {
    full ??= parseYamlDocument(text, firstLine);
    return full;
  };
  return {
    data: fast.data,
    errors: [],
    locate: (path) => positions().locate(path),
    locateKey: (path, key) => positions().locateKey(path, key),
  };
}

/** Alias expansions a document may make before it is refused as a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

/** Parses YAML text into a document with positions: every error placed, every field locatable. */
export function parseYamlDocument(text: string, firstLine = 1): ParsedYaml {
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
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Too many alias expansions (a "billion laughs" document) or a like refusal: an error, not a crash.
      errors.push({
        place: toPlace(doc.contents?.range),
        reason: firstSentence(String((error as Error).message ?? error)),
      });
    }
  }
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

/**
 * Data of YAML texts parsed without errors and not yet taken, by text. The
 * content gate parses every file before Astro's content loaders read the
 * same files; they take the data from here instead of parsing it again. A
 * global, because the config and the content loaders are separate module
 * instances in one process.
 */
const PARSED = Symbol.for('dramatis.parsed-yaml');

function parsedData(): Map<string, unknown> {
  let map = Reflect.get(globalThis, PARSED) as Map<string, unknown> | undefined;
  if (!map) {
    map = new Map();
    Reflect.set(globalThis, PARSED, map);
  }
  return map;
}

/** Texts kept at most: more than any story has files, so a long dev session cannot grow it without end. */
const MAX_REMEMBERED = 100_000;

function remember(text: string, data: unknown): void {
  const memo = parsedData();
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(text, data);
}

/**
 * The data of a YAML text without positions: what an earlier `parseYaml` of
 * the same text left (taken, so the memory goes with it), else parsed now.
 * Undefined when the text has errors.
 */
export function takeYamlData(text: string): { data: unknown } | undefined {
  const memo = parsedData();
  if (memo.has(text)) {
    const data = memo.get(text);
    memo.delete(text);
    return { data };
  }
  const yaml = parseYaml(text);
  memo.delete(text);
  return yaml.errors.length > 0 ? undefined : { data: yaml.data };
}
