/**
 * Edge shapes from node positions, for the browser while nodes are dragged.
 * It groups relations exactly as the build-time layout does (one straight
 * line, fanned-out curves per pair, nested loops per actor) and calls the
 * same pure functions of `edges.ts`, so a redrawn edge matches the baked one
 * (a test pins that against `layoutGraph`).
 */
import {
  type EdgeGeometry,
  loopDirection,
  loopGeometry,
  pairGeometry,
  parallelOffsets,
  pointAt,
} from '../edges.ts';
import type { Circle, Point } from '../labels.ts';

/** What shaping needs of a relation. */
export interface EdgeEnds {
  id: string;
  from: string;
  to: string;
  directed: boolean;
}

/** Where along an edge the layout may put its label, in the layout's order of preference. */
export const EDGE_LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7];
/** Air (px) the layout keeps between a loop's apex and its label. */
const LOOP_LABEL_MARGIN = 2;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The shape of every edge whose actors both have a circle, by relation id. */
export function shapeEdges(
  edges: readonly EdgeEnds[],
  circles: ReadonlyMap<string, Circle>,
): Map<string, EdgeGeometry> {
  const sorted = [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups = new Map<string, EdgeEnds[]>();
  const neighbours = new Map<string, Point[]>();
  for (const e of sorted) {
    const a = circles.get(e.from);
    const b = circles.get(e.to);
    if (!a || !b) continue;
    push(groups, pairKey(e.from, e.to), e);
    if (e.from === e.to) continue;
    push(neighbours, e.from, b);
    push(neighbours, e.to, a);
  }
  const shapes = new Map<string, EdgeGeometry>();
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const [loId, hiId] = first.from < first.to ? [first.from, first.to] : [first.to, first.from];
    const lo = circles.get(loId);
    const hi = circles.get(hiId);
    if (!lo || !hi) continue;
    if (first.from === first.to) {
      const angle = loopDirection(lo, neighbours.get(loId) ?? []);
      group.forEach((e, i) => {
        shapes.set(e.id, loopGeometry(lo, angle, i, e.directed));
      });
      continue;
    }
    const offsets = parallelOffsets(group.length);
    group.forEach((e, i) => {
      const source = circles.get(e.from);
      const target = circles.get(e.to);
      if (source && target) {
        shapes.set(
          e.id,
          pairGeometry(source, target, offsets[i] ?? 0, e.directed, { from: lo, to: hi }),
        );
      }
    });
  }
  return shapes;
}

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
