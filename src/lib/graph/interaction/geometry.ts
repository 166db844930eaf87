/**
 * Edge labels for the browser while nodes are dragged: which of the layout's
 * spots along an edge a label was put at, and where that spot is once the
 * edge has a new shape (from `../edge-shape.ts`, which the layout uses too).
 */
import { type EdgeGeometry, pointAt } from '../edges.ts';
import type { Point } from '../labels.ts';

/** Where along an edge the layout may put its label, in the layout's order of preference. */
export const EDGE_LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7];
/** Air (px) the layout keeps between a loop's apex and its label. */
const LOOP_LABEL_MARGIN = 2;

/** Which of the layout's label positions along an edge is nearest to where its label was drawn. */
export function nearestLabelPosition(g: EdgeGeometry, drawn: Point): number {
  let best = EDGE_LABEL_POSITIONS[0] ?? 0.5;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const t of EDGE_LABEL_POSITIONS) {
    const p = pointAt(g, t);
    const d = Math.hypot(p.x - drawn.x, p.y - drawn.y);
    if (d < bestDistance) {
      best = t;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Where an edge's label goes (its middle): at `t` along a line or curve; just
 * outside the apex of a loop, as far out as the label's box needs.
 */
export function edgeLabelPoint(g: EdgeGeometry, t: number, width: number, height: number): Point {
  if (g.type !== 'loop') return pointAt(g, t);
  const apex = pointAt(g, 0.5);
  const cos = Math.abs(Math.cos(g.angle));
  const sin = Math.abs(Math.sin(g.angle));
  const reach =
    Math.min(
      cos > 0 ? width / 2 / cos : Number.POSITIVE_INFINITY,
      sin > 0 ? height / 2 / sin : Number.POSITIVE_INFINITY,
    ) + LOOP_LABEL_MARGIN;
  return { x: apex.x + Math.cos(g.angle) * reach, y: apex.y + Math.sin(g.angle) * reach };
}
