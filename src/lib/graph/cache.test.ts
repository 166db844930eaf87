import { describe, expect, test } from 'vitest';
import {
  canonicalLayoutInput,
  createLayoutCache,
  createLayoutFiller,
  LAYOUT_VERSION,
  type LayoutStore,
  layoutKey,
  parseStoredLayout,
} from './cache.ts';
import { actor, mediumGraph, relation, tinyGraph } from './fixtures.ts';
import { layoutGraph } from './layout.ts';
import type { GraphInput, GraphLayout, LayoutOptions } from './types.ts';

/** An in-memory store that remembers what it was asked. */
function memoryStore(): LayoutStore & { files: Map<string, string>; reads: number } {
  const files = new Map<string, string>();
  const store = {
    files,
    reads: 0,
    read(key: string) {
      store.reads += 1;
      return files.get(key);
    },
    write(key: string, text: string) {
      files.set(key, text);
    },
  };
  return store;
}

/** `layoutGraph` that counts its calls. */
function countingLayout() {
  const calls: GraphInput[] = [];
  const layout = (input: GraphInput, options?: LayoutOptions): GraphLayout => {
    calls.push(input);
    return layoutGraph(input, options);
  };
  return { calls, layout };
}

describe('layoutKey', () => {
  test('is the same whatever the order of the input', () => {
    const reversed: GraphInput = {
      actors: [...tinyGraph.actors].reverse(),
      relations: [...tinyGraph.relations].reverse(),
      kinds: [...tinyGraph.kinds].reverse(),
    };
    expect(layoutKey(reversed)).toBe(layoutKey(tinyGraph));
  });

  test('changes with anything the layout reads', () => {
    const key = layoutKey(tinyGraph);
    const [first, ...rest] = tinyGraph.actors;
    if (!first) throw new Error('no actor');
    const renamed = { ...tinyGraph, actors: [{ ...first, name: `${first.name} II` }, ...rest] };
    expect(layoutKey(renamed)).not.toBe(key);
    const more = {
      ...tinyGraph,
      relations: [...tinyGraph.relations, relation('extra', first.id, first.id, 'allies')],
    };
    expect(layoutKey(more)).not.toBe(key);
    expect(layoutKey(tinyGraph, { seed: 0.9 })).not.toBe(key);
    expect(layoutKey(tinyGraph, { ticks: 60 })).not.toBe(key);
  });

  test('ignores what the layout does not read, such as bodies', () => {
    const edited = {
      ...tinyGraph,
      actors: tinyGraph.actors.map((a) => ({ ...a, body: 'A new profile.', role: 'Envoy' })),
    };
    expect(layoutKey(edited)).toBe(layoutKey(tinyGraph));
  });

  test('includes the layout version', () => {
    expect(canonicalLayoutInput(tinyGraph)).toContain(`"version":${LAYOUT_VERSION}`);
    expect(layoutKey(tinyGraph)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('createLayoutCache', () => {
  test('lays out the same graph once and returns the same layout', () => {
    const { calls, layout } = countingLayout();
    const cached = createLayoutCache(undefined, layout);
    const first = cached(mediumGraph);
    const second = cached({ ...mediumGraph, actors: [...mediumGraph.actors].reverse() });
    expect(calls).toHaveLength(1);
    expect(second).toBe(first);
    expect(first).toEqual(layoutGraph(mediumGraph));
  });

  test('lays out a changed graph again', () => {
    const { calls, layout } = countingLayout();
    const cached = createLayoutCache(undefined, layout);
    cached(tinyGraph);
    cached({ ...tinyGraph, actors: [...tinyGraph.actors, actor('newcomer', 'Newcomer')] });
    cached(tinyGraph, { seed: 0.2 });
    expect(calls).toHaveLength(3);
  });

  test('reuses a layout stored by an earlier build', () => {
    const store = memoryStore();
    const before = countingLayout();
    const built = createLayoutCache(store, before.layout)(mediumGraph);
    expect(store.files.size).toBe(1);
    const after = countingLayout();
    const rebuilt = createLayoutCache(store, after.layout)(mediumGraph);
    expect(after.calls).toHaveLength(0);
    expect(rebuilt).toEqual(built);
  });

  test.each([
    ['is not JSON', '{"key": "'],
    ['is empty', ''],
    ['has no layout', '{"key":"KEY"}'],
    ['has a broken layout', '{"key":"KEY","layout":{"nodes":3,"edges":[],"width":1,"height":1}}'],
    [
      'belongs to another key',
      '{"key":"other","layout":{"nodes":[],"edges":[],"width":1,"height":1}}',
    ],
  ])('recomputes and overwrites an entry that %s', (_case, text) => {
    const store = memoryStore();
    const key = layoutKey(tinyGraph);
    store.files.set(key, text.replace('KEY', key));
    const { calls, layout } = countingLayout();
    const result = createLayoutCache(store, layout)(tinyGraph);
    expect(calls).toHaveLength(1);
    expect(result).toEqual(layoutGraph(tinyGraph));
    expect(parseStoredLayout(store.files.get(key) ?? '', key)).toEqual(result);
  });
});

describe('createLayoutFiller', () => {
  test('lays out and writes only the graphs the store lacks, without reading entries back', () => {
    const store = memoryStore();
    const { calls, layout } = countingLayout();
    const keys = new Set<string>();
    const filler = createLayoutFiller({ ...store, has: (key) => keys.has(key) }, layout);
    expect(filler(tinyGraph)).toBe(true);
    expect(calls).toHaveLength(1);
    const [key] = [...store.files.keys()];
    expect(key).toBe(layoutKey(tinyGraph));
    keys.add(key ?? '');
    expect(filler(tinyGraph)).toBe(false);
    expect(filler(mediumGraph)).toBe(true);
    expect(calls).toHaveLength(2);
    expect(store.reads).toBe(0);
    // What it wrote is what a page's cache reads back.
    const pages = createLayoutCache(store, () => {
      throw new Error('laid out again');
    });
    expect(pages(tinyGraph)).toEqual(layoutGraph(tinyGraph));
  });

  test('reads the store when it cannot tell whether an entry exists', () => {
    const store = memoryStore();
    const { calls, layout } = countingLayout();
    const filler = createLayoutFiller(store, layout);
    expect(filler(tinyGraph)).toBe(true);
    expect(filler(tinyGraph)).toBe(false);
    expect(calls).toHaveLength(1);
    expect(store.reads).toBe(2);
  });
});
