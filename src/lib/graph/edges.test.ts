import { describe, expect, test } from 'vitest';
import {
  ARROW_SIZE,
  EDGE_GAP,
  geometryPath,
  loopDirection,
  loopGeometry,
  PARALLEL_SPACING,
  pairGeometry,
  parallelOffsets,
  pointAt,
  round1,
} from './edges.ts';

const a = { x: 0, y: 0, r: 10 };
const b = { x: 100, y: 0, r: 5 };
const canonical = { from: a, to: b };
const dist = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.hypot(p.x - q.x, p.y - q.y);

describe('parallelOffsets', () => {
  test('leaves a single edge straight', () => {
    expect(parallelOffsets(1)).toEqual([0]);
  });

  test('spreads edges symmetrically around the straight line', () => {
    expect(parallelOffsets(2)).toEqual([-PARALLEL_SPACING / 2, PARALLEL_SPACING / 2]);
    expect(parallelOffsets(3)).toEqual([-PARALLEL_SPACING, 0, PARALLEL_SPACING]);
  });
});

describe('pairGeometry', () => {
  test('draws a straight line from border to border, leaving room for the arrow', () => {
    const g = pairGeometry(a, b, 0, true, canonical);
    expect(g.type).toBe('line');
    expect(g.start).toEqual({ x: 12, y: 0 });
    expect(g.end.x).toBeCloseTo(100 - 5 - EDGE_GAP - ARROW_SIZE);
  });

  test('stops an undirected line just short of the border', () => {
    const g = pairGeometry(a, b, 0, false, canonical);
    expect(g.end.x).toBeCloseTo(100 - 5 - EDGE_GAP);
  });

  test('bows a curve so that its middle sits about `offset` px off the line', () => {
    const g = pairGeometry(a, b, 11, true, canonical);
    expect(g.type).toBe('quad');
    // A little more than 11: the ends also slide round the circles towards the bow.
    const mid = pointAt(g, 0.5);
    expect(mid.y).toBeGreaterThan(11);
    expect(mid.y).toBeLessThan(16);
  });

  test('keeps the same side for the opposite direction, so the two do not overlap', () => {
    const there = pairGeometry(a, b, 11, true, canonical);
    const back = pairGeometry(b, a, -11, true, canonical);
    expect(pointAt(there, 0.5).y).toBeGreaterThan(5);
    expect(pointAt(back, 0.5).y).toBeLessThan(-5);
  });

  test('ends a curve at the right distance from the target centre', () => {
    const g = pairGeometry(a, b, 11, true, canonical);
    expect(dist(g.end, b)).toBeCloseTo(5 + EDGE_GAP + ARROW_SIZE);
    expect(dist(g.start, a)).toBeCloseTo(10 + EDGE_GAP);
  });

  test('stays finite when both nodes sit on the same spot', () => {
    const g = pairGeometry(a, { x: 0, y: 0, r: 10 }, 0, true, canonical);
    expect(Number.isFinite(g.end.x) && Number.isFinite(g.end.y)).toBe(true);
  });
});

describe('loopDirection', () => {
  test('points up when nothing is there', () => {
    expect(loopDirection({ x: 0, y: 0 }, [])).toBeCloseTo(-Math.PI / 2);
  });

  test('points away from the only neighbour', () => {
    // Neighbour straight above (negative y): the loop goes down.
    expect(loopDirection({ x: 0, y: 0 }, [{ x: 0, y: -50 }])).toBeCloseTo(Math.PI / 2);
  });
});

describe('loopGeometry', () => {
  test('leaves and re-enters the node near its border', () => {
    const g = loopGeometry(a, -Math.PI / 2, 0, true);
    expect(dist(g.start, a)).toBeCloseTo(a.r + EDGE_GAP);
    expect(dist(g.end, a)).toBeCloseTo(a.r + EDGE_GAP + ARROW_SIZE);
    expect(pointAt(g, 0.5).y).toBeLessThan(-a.r * 2);
  });

  test('nests further loops outside the first', () => {
    const first = pointAt(loopGeometry(a, -Math.PI / 2, 0, true), 0.5);
    const second = pointAt(loopGeometry(a, -Math.PI / 2, 1, true), 0.5);
    expect(second.y).toBeLessThan(first.y);
  });
});

describe('geometryPath', () => {
  test('writes a line with coordinates rounded to 0.1', () => {
    expect(
      geometryPath({ type: 'line', start: { x: 1.04, y: 2 }, end: { x: 3.16, y: -0.01 } }),
    ).toBe('M1,2L3.2,0');
  });

  test('writes a quadratic curve', () => {
    const d = geometryPath({
      type: 'quad',
      start: { x: 0, y: 0 },
      control: { x: 5, y: 5 },
      end: { x: 10, y: 0 },
    });
    expect(d).toBe('M0,0Q5,5 10,0');
  });
});

describe('round1', () => {
  test('rounds to one decimal and never returns -0', () => {
    expect(round1(1.26)).toBe(1.3);
    expect(Object.is(round1(-0.01), 0)).toBe(true);
  });
});
