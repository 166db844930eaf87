import { randomLcg } from 'd3-random';
import { describe, expect, test, vi } from 'vitest';
import { actor, fixtureKinds, mediumGraph, relation, tinyGraph } from './fixtures.ts';
import {
  type Circle,
  type LabelCandidate,
  labelAt,
  placeLabels,
  placeLabelsBruteForce,
  type Rect,
  rectsOverlap,
  type Segment,
  segmentIntersectsRect,
} from './labels.ts';
import { createSpatialGrid } from './spatial.ts';
import type { GraphInput } from './types.ts';

/** A seeded graph big and dense enough that labels crowd each other. */
function crowdedGraph(size: number, seed: number): GraphInput {
  const random = randomLcg(seed);
  const ids = Array.from({ length: size }, (_, i) => `n${String(i).padStart(3, '0')}`);
  const kinds = fixtureKinds.map((k) => k.id);
  const relations = ids.flatMap((from, i) =>
    [0, 1, 2].map((k) => {
      const to = ids[Math.floor(random() * size)] ?? from;
      const kind = kinds[Math.floor(random() * kinds.length)] ?? 'allies';
      return relation(`r${i}-${k}`, from, to, kind, k === 0 ? `label number ${i}` : undefined);
    }),
  );
  return {
    actors: ids.map((id, i) => actor(id, `Actor ${id} ${'x'.repeat(i % 12)}`)),
    relations,
    kinds: fixtureKinds,
  };
}

function randomRect(random: () => number, spread: number, size: number): Rect {
  return {
    x: random() * spread,
    y: random() * spread,
    width: 1 + random() * size,
    height: 1 + random() * size,
  };
}

describe('createSpatialGrid', () => {
  test('finds every box that overlaps the query, each once, in id order', () => {
    const random = randomLcg(0.3);
    const boxes = Array.from({ length: 300 }, () => randomRect(random, 1000, 120));
    const grid = createSpatialGrid(64);
    boxes.forEach((b, i) => {
      grid.insert(i, b);
    });
    for (let q = 0; q < 100; q += 1) {
      const query = randomRect(random, 1000, 200);
      const found = grid.query(query);
      expect(found).toEqual([...new Set(found)].sort((a, b) => a - b));
      const expected = boxes.flatMap((b, i) => (rectsOverlap(b, query) ? [i] : []));
      for (const i of expected) expect(found).toContain(i);
    }
  });

  test('files a segment under every cell it passes through, however it runs', () => {
    const random = randomLcg(0.6);
    const segments: Segment[] = Array.from({ length: 300 }, () => ({
      a: { x: random() * 2000 - 500, y: random() * 2000 - 500 },
      b: { x: random() * 2000 - 500, y: random() * 2000 - 500 },
    }));
    // Axis-parallel and degenerate segments too.
    segments.push({ a: { x: 10, y: -300 }, b: { x: 10, y: 900 } });
    segments.push({ a: { x: -300, y: 64 }, b: { x: 900, y: 64 } });
    segments.push({ a: { x: 128, y: 128 }, b: { x: 128, y: 128 } });
    const grid = createSpatialGrid(64);
    segments.forEach((s, i) => {
      grid.insertSegment(i, s.a, s.b);
    });
    for (let q = 0; q < 300; q += 1) {
      const query = randomRect(random, 1000, 150);
      const found = new Set(grid.query(query));
      segments.forEach((s, i) => {
        if (segmentIntersectsRect(s, query)) expect(found.has(i), `segment ${i}`).toBe(true);
      });
    }
  });

  test('handles negative coordinates', () => {
    const grid = createSpatialGrid(10);
    grid.insert(7, { x: -25, y: -25, width: 5, height: 5 });
    expect(grid.query({ x: -22, y: -22, width: 1, height: 1 })).toEqual([7]);
    expect(grid.query({ x: 5, y: 5, width: 1, height: 1 })).toEqual([]);
  });
});

describe('placeLabels with the spatial index', () => {
  test('chooses exactly what the brute-force placer chooses', () => {
    const random = randomLcg(0.9);
    const circles: Circle[] = Array.from({ length: 150 }, () => ({
      x: random() * 800,
      y: random() * 800,
      r: 5 + random() * 10,
    }));
    const segments: Segment[] = Array.from({ length: 200 }, () => ({
      a: { x: random() * 800, y: random() * 800 },
      b: { x: random() * 800, y: random() * 800 },
    }));
    const rects = Array.from({ length: 40 }, () => randomRect(random, 800, 60));
    const labels: LabelCandidate[][] = circles.map((c) =>
      ['start', 'end', 'middle'].map((anchor) =>
        labelAt(c.x + (random() - 0.5) * 40, c.y, 30 + random() * 60, 16, anchor as 'start'),
      ),
    );
    for (const allowOverlap of [true, false]) {
      const obstacles = { circles, rects, segments };
      expect(placeLabels(labels, obstacles, { allowOverlap })).toEqual(
        placeLabelsBruteForce(labels, obstacles, { allowOverlap }),
      );
    }
  });

  test.each([
    ['tiny', tinyGraph],
    ['medium', mediumGraph],
    ['crowded (120 actors)', crowdedGraph(120, 0.5)],
  ])(
    'gives the same layout as brute force on the %s graph',
    { timeout: 30_000 },
    async (_name, graph) => {
      const indexed = (await import('./layout.ts')).layoutGraph(graph);
      vi.resetModules();
      vi.doMock('./labels.ts', async (importOriginal) => {
        const original = await importOriginal<typeof import('./labels.ts')>();
        return { ...original, placeLabels: original.placeLabelsBruteForce };
      });
      try {
        const brute = (await import('./layout.ts')).layoutGraph(graph);
        expect(indexed).toEqual(brute);
      } finally {
        vi.doUnmock('./labels.ts');
        vi.resetModules();
      }
    },
  );
});
