/**
 * Layouts cached by content hash: an unchanged graph is not laid out again,
 * neither later in the same build (memory) nor in the next build (a store
 * the caller passes in, e.g. JSON files under `.cache/layouts/`). The key is
 * the SHA-256 of everything `layoutGraph` reads — actors, relations, kinds,
 * options — in a canonical order, plus LAYOUT_VERSION.
 */
import { createHash } from 'node:crypto';
import { layoutGraph } from './layout.ts';
import type { GraphInput, GraphLayout, LayoutOptions } from './types.ts';

/**
 * Bump whenever `layoutGraph` would draw the same input differently (new
 * forces, other constants, new output fields): every cached layout is then a
 * miss and gets recomputed.
 */
export const LAYOUT_VERSION = 2;

/** Where layouts outlive one build: text by key. Reads of a missing key return undefined. */
export interface LayoutStore {
  read(key: string): string | undefined;
  write(key: string, text: string): void;
  /** Whether an entry exists for `key`, without reading it (stores that cannot tell leave this out). */
  has?(key: string): boolean;
}

/** A layout function with a cache in front of it. */
export type CachedLayout = (input: GraphInput, options?: LayoutOptions) => GraphLayout;

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Exactly what the layout depends on, in a fixed order: the fields it reads
 * of each actor, relation and kind, sorted by id (the layout does not depend
 * on input order, so neither does the key), and the options.
 */
export function canonicalLayoutInput(input: GraphInput, options: LayoutOptions = {}): string {
  return JSON.stringify({
    version: LAYOUT_VERSION,
    actors: [...input.actors].sort(byId).map((a) => [a.id, a.name, a.kind]),
    relations: [...input.relations]
      .sort(byId)
      .map((r) => [r.id, r.from, r.to, r.kind, r.label ?? null]),
    kinds: [...input.kinds].sort(byId).map((k) => [k.id, k.label, k.directed, k.category]),
    options: [
      options.seed ?? null,
      options.ticks ?? null,
      options.collideIterations ?? null,
      options.padding ?? null,
      options.minWidth ?? null,
      options.minHeight ?? null,
      options.aspect ?? null,
      options.centre ?? null,
    ],
  });
}

/** The cache key of a layout: SHA-256 (hex) of its canonical input. */
export function layoutKey(input: GraphInput, options: LayoutOptions = {}): string {
  return createHash('sha256').update(canonicalLayoutInput(input, options)).digest('hex');
}

/** What a stored entry holds: the key again, so a renamed or mixed-up file is a miss. */
interface StoredLayout {
  key: string;
  layout: GraphLayout;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The text a store keeps for a layout: what `parseStoredLayout` reads back. */
function storedLayoutText(key: string, layout: GraphLayout): string {
  const entry: StoredLayout = { key, layout };
  return JSON.stringify(entry);
}

/** A stored entry, if the text is one for `key` with the layout's shape; anything else is a miss. */
export function parseStoredLayout(text: string, key: string): GraphLayout | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.key !== key || !isRecord(data.layout)) return undefined;
  const { nodes, edges, width, height } = data.layout;
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return undefined;
  if (typeof width !== 'number' || typeof height !== 'number') return undefined;
  return data.layout as unknown as GraphLayout;
}

/**
 * `layout` (by default `layoutGraph`) behind a two-level cache: a Map for
 * this process and `store`, when given, across builds. A stored entry that
 * cannot be read is recomputed and overwritten, never an error. Callers get
 * the cached object itself: treat layouts as read-only.
 */
export function createLayoutCache(
  store?: LayoutStore,
  layout: (input: GraphInput, options?: LayoutOptions) => GraphLayout = layoutGraph,
): CachedLayout {
  const memory = new Map<string, GraphLayout>();
  return (input, options = {}) => {
    const key = layoutKey(input, options);
    const known = memory.get(key);
    if (known) return known;
    const text = store?.read(key);
    let result = text === undefined ? undefined : parseStoredLayout(text, key);
    if (!result) {
      result = layout(input, options);
      store?.write(key, storedLayoutText(key, result));
    }
    memory.set(key, result);
    return result;
  };
}

/**
 * Fills `store` without reading it back: lays out and writes a graph only
 * when the store holds no entry for it (the build's layout worker, whose
 * only output is the cache; the pages read the entries). Returns whether it
 * laid the graph out. A store without `has` is read instead; an entry that
 * is there but unreadable is left for the page, which lays it out again.
 */
export function createLayoutFiller(
  store: LayoutStore,
  layout: (input: GraphInput, options?: LayoutOptions) => GraphLayout = layoutGraph,
): (input: GraphInput, options?: LayoutOptions) => boolean {
  return (input, options = {}) => {
    const key = layoutKey(input, options);
    const present = store.has ? store.has(key) : store.read(key) !== undefined;
    if (present) return false;
    store.write(key, storedLayoutText(key, layout(input, options)));
    return true;
  };
}
