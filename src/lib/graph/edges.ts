/**
 * Edge geometry: straight lines, symmetric curves for parallel relations and
 * loops for relations of an actor with itself. Pure numbers in, numbers out;
 * `layout.ts` turns them into SVG path strings once the drawing is fitted.
 */
import type { Circle, Point, Segment } from './labels.ts';

/** A straight edge. */
export interface LineGeometry {
  type: 'line';
  start: Point;
  end: Point;
}

/** A curved edge (quadratic Bézier). */
export interface QuadGeometry {
  type: 'quad';
  start: Point;
  control: Point;
  end: Point;
}

/** A loop from a node back to itself (cubic Bézier). */
export interface LoopGeometry {
  type: 'loop';
  start: Point;
  c1: Point;
  c2: Point;
  end: Point;
  /** Direction the loop points to, radians; used to push its label outward. */
  angle: number;
}

/** The shape of one edge. */
export type EdgeGeometry = LineGeometry | QuadGeometry | LoopGeometry;

/** How far (px) the middles of neighbouring parallel edges are apart: a label line plus air. */
export const PARALLEL_SPACING = 22;
/** Length (px) of an arrowhead; directed edges stop this much before the target's border. */
export const ARROW_SIZE = 8;
/** Air (px) between an arrow tip or an undirected line end and the node's border. */
export const EDGE_GAP = 2;
/** How far (px) a self-loop reaches out from its node's border. */
const LOOP_REACH = 24;
/** Extra reach (px) for each further self-loop on the same node, so loops nest. */
const LOOP_STEP = 14;
/** Half-angle (radians) between where a loop leaves and re-enters the circle. */
const LOOP_FOOT_ANGLE = 0.45;
/** Half-angle (radians) between the loop's two control points: how wide it bulges. */
const LOOP_BULGE_ANGLE = 0.8;
/** Directions tried for a loop, radians: straight up first, then clockwise in 45° steps. */
const LOOP_DIRECTIONS = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => -Math.PI / 2 + (i * Math.PI) / 4);

function unit(from: Point, to: Point): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  // Coincident points have no direction; pick one so the result stays finite.
  return len === 0 ? { x: 1, y: 0 } : { x: dx / len, y: dy / len };
}

function along(p: Point, dir: Point, distance: number): Point {
  return { x: p.x + dir.x * distance, y: p.y + dir.y * distance };
}

function polar(c: Point, angle: number, distance: number): Point {
  return { x: c.x + Math.cos(angle) * distance, y: c.y + Math.sin(angle) * distance };
}

/** How much an edge's end stops short of the target centre: radius, gap and, when directed, the arrowhead. */
export function endInset(target: Circle, directed: boolean): number {
  return target.r + EDGE_GAP + (directed ? ARROW_SIZE : 0);
}

/**
 * Offsets of `count` parallel edges from the straight line, px, symmetric
 * around 0: one edge → [0] (straight), two → [-11, 11], three → [-22, 0, 22].
 */
export function parallelOffsets(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * PARALLEL_SPACING);
}

/**
 * The edge from `source` to `target`, bowed `offset` px sideways at its
 * middle. The side is measured against the pair's canonical direction
 * (`canonicalFrom` → `canonicalTo`, e.g. by sorted id), so edges of one pair
 * in opposite directions still fan out symmetrically instead of overlapping.
 */
export function pairGeometry(
  source: Circle,
  target: Circle,
  offset: number,
  directed: boolean,
  canonical: { from: Point; to: Point },
): LineGeometry | QuadGeometry {
  const dir = unit(canonical.from, canonical.to);
  const normal = { x: -dir.y, y: dir.x };
  const mid = { x: (source.x + target.x) / 2, y: (source.y + target.y) / 2 };
  if (offset === 0) {
    const forward = unit(source, target);
    return {
      type: 'line',
      start: along(source, forward, source.r + EDGE_GAP),
      end: along(target, forward, -endInset(target, directed)),
    };
  }
  // A quadratic curve passes through its control point's halfway mark: bow 2× the offset.
  const control = along(mid, normal, 2 * offset);
  return {
    type: 'quad',
    start: along(source, unit(source, control), source.r + EDGE_GAP),
    control,
    end: along(target, unit(target, control), endInset(target, directed)),
  };
}

/** The direction (radians) of the free-most side of a node: the candidate farthest from every neighbour. */
export function loopDirection(node: Point, neighbours: readonly Point[]): number {
  const used = neighbours
    .filter((p) => p.x !== node.x || p.y !== node.y)
    .map((p) => Math.atan2(p.y - node.y, p.x - node.x));
  let best = LOOP_DIRECTIONS[0] ?? 0;
  let bestGap = -1;
  for (const angle of LOOP_DIRECTIONS) {
    let gap = Math.PI;
    for (const u of used) {
      const d = Math.abs(Math.atan2(Math.sin(angle - u), Math.cos(angle - u)));
      gap = Math.min(gap, d);
    }
    if (gap > bestGap + 1e-9) {
      best = angle;
      bestGap = gap;
    }
  }
  return best;
}

/** A self-loop on `node` pointing towards `angle`; `index` nests further loops on the same node. */
export function loopGeometry(
  node: Circle,
  angle: number,
  index: number,
  directed: boolean,
): LoopGeometry {
  const reach = node.r + LOOP_REACH + index * LOOP_STEP;
  return {
    type: 'loop',
    start: polar(node, angle - LOOP_FOOT_ANGLE, node.r + EDGE_GAP),
    c1: polar(node, angle - LOOP_BULGE_ANGLE, reach * 1.6),
    c2: polar(node, angle + LOOP_BULGE_ANGLE, reach * 1.6),
    end: polar(node, angle + LOOP_FOOT_ANGLE, endInset(node, directed)),
    angle,
  };
}

/** The point at parameter `t` ∈ [0, 1] along an edge. */
export function pointAt(g: EdgeGeometry, t: number): Point {
  const u = 1 - t;
  if (g.type === 'line') {
    return { x: u * g.start.x + t * g.end.x, y: u * g.start.y + t * g.end.y };
  }
  if (g.type === 'quad') {
    return {
      x: u * u * g.start.x + 2 * u * t * g.control.x + t * t * g.end.x,
      y: u * u * g.start.y + 2 * u * t * g.control.y + t * t * g.end.y,
    };
  }
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * g.start.x + b * g.c1.x + c * g.c2.x + d * g.end.x,
    y: a * g.start.y + b * g.c1.y + c * g.c2.y + d * g.end.y,
  };
}

/** Pieces a curve is cut into for overlap tests and bounds. */
const CURVE_SAMPLES = 12;

/** Points along an edge: its two ends for a line, evenly spaced samples for a curve. */
export function samplePoints(g: EdgeGeometry): Point[] {
  if (g.type === 'line') return [g.start, g.end];
  return Array.from({ length: CURVE_SAMPLES + 1 }, (_, i) => pointAt(g, i / CURVE_SAMPLES));
}

/** An edge as straight segments, for label-overlap tests. */
export function edgeSegments(g: EdgeGeometry): Segment[] {
  const points = samplePoints(g);
  return points.slice(1).map((b, i) => ({ a: points[i] ?? b, b }));
}

/** Moves an edge by (dx, dy). */
export function translateGeometry(g: EdgeGeometry, dx: number, dy: number): EdgeGeometry {
  const m = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  if (g.type === 'line') return { ...g, start: m(g.start), end: m(g.end) };
  if (g.type === 'quad') return { ...g, start: m(g.start), control: m(g.control), end: m(g.end) };
  return { ...g, start: m(g.start), c1: m(g.c1), c2: m(g.c2), end: m(g.end) };
}

/** Rounds to 0.1 px, the precision of the written SVG (and never `-0`). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10 || 0;
}

function pt(p: Point): string {
  return `${round1(p.x)},${round1(p.y)}`;
}

/** The SVG path `d` of an edge, numbers rounded to 0.1 px. */
export function geometryPath(g: EdgeGeometry): string {
  if (g.type === 'line') return `M${pt(g.start)}L${pt(g.end)}`;
  if (g.type === 'quad') return `M${pt(g.start)}Q${pt(g.control)} ${pt(g.end)}`;
  return `M${pt(g.start)}C${pt(g.c1)} ${pt(g.c2)} ${pt(g.end)}`;
}
