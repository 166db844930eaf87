import { describe, expect, test } from 'vitest';
import type { EdgeGeometry } from '../edges.ts';
import { mediumGraph, tinyGraph } from '../fixtures.ts';
import { EDGE_FONT_SIZE, layoutGraph } from '../layout.ts';
import type { GraphInput } from '../types.ts';
import { edgeLabelPoint, nearestLabelPosition, shapeEdges } from './geometry.ts';

/** Label box height the layout uses for edge labels. */
const LABEL_HEIGHT = EDGE_FONT_SIZE * 1.25;
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
  const layout = layoutGraph(input);
  const circles = new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y, r: n.r }]));
  const shapes = shapeEdges(layout.edges, circles);

  test('redraws every edge as the build-time layout drew it', () => {
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

  test('puts each label back where the layout put it', () => {
    for (const edge of layout.edges) {
      const shape = shapes.get(edge.id);
      if (!shape) throw new Error(`no shape for ${edge.id}`);
      const t = nearestLabelPosition(shape, edge.labelPos);
      const p = edgeLabelPoint(shape, t, edge.labelPos.width, LABEL_HEIGHT);
      expect(Math.abs(p.x - edge.labelPos.x)).toBeLessThan(TOLERANCE);
      expect(Math.abs(p.y - edge.labelPos.y)).toBeLessThan(TOLERANCE);
    }
  });
});

describe('shapeEdges', () => {
  test('follows a moved node and skips edges to unknown actors', () => {
    const edges = [
      { id: 'a-b', from: 'a', to: 'b', directed: false },
      { id: 'a-z', from: 'a', to: 'z', directed: true },
    ];
    const shapes = shapeEdges(
      edges,
      new Map([
        ['a', { x: 0, y: 0, r: 5 }],
        ['b', { x: 100, y: 0, r: 5 }],
      ]),
    );
    expect(shapes.get('a-b')).toEqual({
      type: 'line',
      start: { x: 7, y: 0 },
      end: { x: 93, y: 0 },
    });
    expect(shapes.has('a-z')).toBe(false);
  });
});
