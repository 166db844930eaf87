import { describe, expect, test } from 'vitest';
import { shapeEdges } from '../edge-shape.ts';
import { mediumGraph, tinyGraph } from '../fixtures.ts';
import { EDGE_FONT_SIZE, layoutGraph } from '../layout.ts';
import type { GraphInput } from '../types.ts';
import { edgeLabelPoint, nearestLabelPosition } from './geometry.ts';

/** Label box height the layout uses for edge labels. */
const LABEL_HEIGHT = EDGE_FONT_SIZE * 1.25;
/** The layout rounds node centres to 0.1 px after shaping, so a redraw may differ by a little more than that. */
const TOLERANCE = 0.25;

describe.each([
  ['tinyGraph', tinyGraph],
  ['mediumGraph', mediumGraph],
] as [string, GraphInput][])('edge labels on %s', (_name, input) => {
  const layout = layoutGraph(input);
  const circles = new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y, r: n.r }]));
  const shapes = shapeEdges(layout.edges, circles);

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
