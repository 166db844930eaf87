import { describe, expect, test } from 'vitest';
import { type EdgeEnds, groupEdges, shapeEdges, shapeGroup } from './edge-shape.ts';
import type { EdgeGeometry } from './edges.ts';
import { mediumGraph, tinyGraph } from './fixtures.ts';
import { layoutGraph } from './layout.ts';
import type { GraphInput } from './types.ts';

/** The layout rounds node centres to 0.1 px after shaping, so a redraw may differ by a little more than that. */
const TOLERANCE = 0.25;

function numbers(path: string): number[] {
  return (path.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
}

function pathOf(g: EdgeGeometry): string {
  if (g.type === 'line') return `M${g.start.x},${g.start.y}L${g.end.x},${g.end.y}`;
  if (g.type === 'quad')
    return `M${g.start.x},${g.start.y}Q${g.control.x},${g.control.y} ${g.end.x},${g.end.y}`;
  return `M${g.start.x},${g.start.y}C${g.c1.x},${g.c1.y} ${g.c2.x},${g.c2.y} ${g.end.x},${g.end.y}`;
}

describe.each([
  ['tinyGraph', tinyGraph],
  ['mediumGraph', mediumGraph],
] as [string, GraphInput][])('shapeEdges on %s', (_name, input) => {
  test('redraws every edge as the build-time layout drew it', () => {
    const layout = layoutGraph(input);
    const circles = new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y, r: n.r }]));
    const shapes = shapeEdges(layout.edges, circles);
    expect(shapes.size).toBe(layout.edges.length);
    for (const edge of layout.edges) {
      const shape = shapes.get(edge.id);
      if (!shape) throw new Error(`no shape for ${edge.id}`);
      const expected = numbers(edge.path);
      const actual = numbers(pathOf(shape));
      expect(actual).toHaveLength(expected.length);
      actual.forEach((value, i) => {
        expect(Math.abs(value - (expected[i] ?? Number.NaN))).toBeLessThan(TOLERANCE);
      });
    }
  });
});

const circles = new Map([
  ['a', { x: 0, y: 0, r: 5 }],
  ['b', { x: 100, y: 0, r: 5 }],
]);

describe('shapeEdges', () => {
  test('follows a moved node and skips edges to unknown actors', () => {
    const shapes = shapeEdges(
      [
        { id: 'a-b', from: 'a', to: 'b', directed: false },
        { id: 'a-z', from: 'a', to: 'z', directed: true },
      ],
      circles,
    );
    expect(shapes.get('a-b')).toEqual({
      type: 'line',
      start: { x: 7, y: 0 },
      end: { x: 93, y: 0 },
    });
    expect(shapes.has('a-z')).toBe(false);
  });

  test('fans out relations of one pair in opposite directions symmetrically, whatever the input order', () => {
    const edges: EdgeEnds[] = [
      { id: 'y', from: 'b', to: 'a', directed: true },
      { id: 'x', from: 'a', to: 'b', directed: true },
    ];
    const shapes = shapeEdges(edges, circles);
    expect(shapeEdges([...edges].reverse(), circles)).toEqual(shapes);
    const x = shapes.get('x');
    const y = shapes.get('y');
    if (x?.type !== 'quad' || y?.type !== 'quad') throw new Error('expected two curves');
    // Bowed to opposite sides of the line a–b, by the same amount.
    expect(x.control.y).toBeCloseTo(-y.control.y, 9);
    expect(x.control.y).not.toBe(0);
  });
});

describe('groupEdges', () => {
  test('puts the relations of one pair together in id order and lists each actor’s neighbours', () => {
    const { groups, neighbours } = groupEdges([
      { id: 'c', from: 'b', to: 'a', directed: true },
      { id: 'a', from: 'a', to: 'b', directed: false },
      { id: 'b', from: 'a', to: 'a', directed: true },
    ]);
    expect(groups.map((g) => [g.lo, g.hi, g.edges.map((e) => e.id)])).toEqual([
      ['a', 'b', ['a', 'c']],
      ['a', 'a', ['b']],
    ]);
    expect(neighbours.get('a')).toEqual(['b', 'b']);
    expect(neighbours.get('b')).toEqual(['a', 'a']);
  });
});

describe('shapeGroup', () => {
  test('turns a self-relation away from the actor’s neighbours', () => {
    const { groups, neighbours } = groupEdges([
      { id: 'loop', from: 'a', to: 'a', directed: false },
      { id: 'up', from: 'a', to: 'b', directed: false },
    ]);
    const above = new Map([...circles, ['b', { x: 0, y: -100, r: 5 }]]);
    const loop = groups.find((g) => g.lo === g.hi);
    if (!loop) throw new Error('no loop group');
    const [[id, shape] = ['', undefined]] = shapeGroup(loop, above, neighbours);
    expect(id).toBe('loop');
    if (shape?.type !== 'loop') throw new Error('expected a loop');
    // b sits straight above a (negative y): the loop points another way.
    expect(Math.sin(shape.angle)).toBeGreaterThan(-0.99);
  });
});
