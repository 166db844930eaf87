/**
 * Label placement without a DOM: rectangle/circle/segment overlap tests and a
 * greedy placer that gives each label the first of its candidate positions
 * that collides with nothing placed so far. A spatial grid keeps the placer
 * near-linear in the number of labels and obstacles.
 */
import { createSpatialGrid } from './spatial.ts';

/** A point in layout coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle; `x`/`y` is its top-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A circle, e.g. a node. */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** A straight piece of an edge (curves are sampled into several). */
export interface Segment {
  a: Point;
  b: Point;
}

/** Horizontal alignment of a label relative to its anchor point (SVG `text-anchor`). */
export type TextAnchor = 'start' | 'middle' | 'end';

/** One place a label could go: its box and where its `<text>` is anchored (vertical middle). */
export interface LabelCandidate {
  rect: Rect;
  x: number;
  y: number;
  anchor: TextAnchor;
}

/** What labels must avoid: hard obstacles (circles, boxes) and soft ones (edge lines, drawn under a halo). */
export interface Obstacles {
  circles: readonly Circle[];
  rects?: readonly Rect[];
  segments?: readonly Segment[];
}

/** How the placer treats a label whose every candidate collides. */
export interface PlaceOptions {
  /** Keep the least-bad candidate (true) or give up on the label (false, result `undefined`). */
  allowOverlap: boolean;
}

/** True when two rectangles share interior area (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Area two rectangles share; 0 when they do not overlap. */
export function rectOverlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** True when a rectangle and a circle share interior area (exact: nearest point of the box to the centre). */
export function rectIntersectsCircle(rect: Rect, circle: Circle): boolean {
  const nx = Math.max(rect.x, Math.min(circle.x, rect.x + rect.width));
  const ny = Math.max(rect.y, Math.min(circle.y, rect.y + rect.height));
  const dx = circle.x - nx;
  const dy = circle.y - ny;
  return dx * dx + dy * dy < circle.r * circle.r;
}

/** Bounding box of a circle. */
export function circleRect(circle: Circle): Rect {
  return {
    x: circle.x - circle.r,
    y: circle.y - circle.r,
    width: 2 * circle.r,
    height: 2 * circle.r,
  };
}

/** Rough overlap area of a rectangle and a circle (its bounding box), 0 when they do not touch. Used only to rank bad candidates. */
export function rectCircleOverlapArea(rect: Rect, circle: Circle): number {
  return rectIntersectsCircle(rect, circle) ? rectOverlapArea(rect, circleRect(circle)) : 0;
}

function isInside(p: Point, rect: Rect): boolean {
  return p.x > rect.x && p.x < rect.x + rect.width && p.y > rect.y && p.y < rect.y + rect.height;
}

/** Signed area of the triangle (o, a, b): which side of o→a the point b lies on. */
function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

function segmentsCross(p: Point, q: Point, r: Point, s: Point): boolean {
  const d1 = cross(r, s, p);
  const d2 = cross(r, s, q);
  const d3 = cross(p, q, r);
  const d4 = cross(p, q, s);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** True when a line segment passes through the interior of a rectangle. */
export function segmentIntersectsRect(segment: Segment, rect: Rect): boolean {
  const { a, b } = segment;
  if (isInside(a, rect) || isInside(b, rect)) return true;
  const tl = { x: rect.x, y: rect.y };
  const tr = { x: rect.x + rect.width, y: rect.y };
  const br = { x: rect.x + rect.width, y: rect.y + rect.height };
  const bl = { x: rect.x, y: rect.y + rect.height };
  return (
    segmentsCross(a, b, tl, tr) ||
    segmentsCross(a, b, tr, br) ||
    segmentsCross(a, b, br, bl) ||
    segmentsCross(a, b, bl, tl)
  );
}

/** A box of `width`×`height` placed relative to anchor point (x, y), which sits at the box's vertical middle. */
export function labelAt(
  x: number,
  y: number,
  width: number,
  height: number,
  anchor: TextAnchor,
): LabelCandidate {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { rect: { x: left, y: y - height / 2, width, height }, x, y, anchor };
}

/** Cosine of 45°: where a diagonal ray leaves a circle. */
const DIAGONAL = Math.SQRT1_2;

/**
 * Candidate positions for a node's label, in order of preference: below,
 * above, right, left, then the four diagonals. `gap` is the space between
 * the circle and the box.
 */
export function nodeLabelCandidates(
  node: Circle,
  width: number,
  height: number,
  gap: number,
): LabelCandidate[] {
  const { x, y, r } = node;
  const half = height / 2;
  const d = r * DIAGONAL + gap;
  return [
    labelAt(x, y + r + gap + half, width, height, 'middle'),
    labelAt(x, y - r - gap - half, width, height, 'middle'),
    labelAt(x + r + gap, y, width, height, 'start'),
    labelAt(x - r - gap, y, width, height, 'end'),
    labelAt(x + d, y + d + half, width, height, 'start'),
    labelAt(x - d, y + d + half, width, height, 'end'),
    labelAt(x + d, y - d - half, width, height, 'start'),
    labelAt(x - d, y - d - half, width, height, 'end'),
  ];
}

/** How badly a box collides: area shared with hard obstacles, then the number of edge pieces it covers. */
interface Cost {
  area: number;
  crossings: number;
}

/** Prices candidate boxes against the obstacles and the labels placed so far. */
interface CostModel {
  /**
   * The cost of a box. With `bound` (the best cost so far) it may stop
   * counting once the box cannot beat it: the result is then some cost no
   * better than `bound`, and exact otherwise.
   */
  cost(rect: Rect, bound?: Cost): Cost;
  /** Records a placed label, which later labels must avoid. */
  add(rect: Rect): void;
}

/** Tests every obstacle and every placed label: O(obstacles) per candidate. */
function bruteForceCosts(obstacles: Obstacles): CostModel {
  const placed: Rect[] = [];
  return {
    cost(rect) {
      let area = 0;
      for (const c of obstacles.circles) area += rectCircleOverlapArea(rect, c);
      for (const r of obstacles.rects ?? []) area += rectOverlapArea(rect, r);
      for (const r of placed) area += rectOverlapArea(rect, r);
      let crossings = 0;
      for (const s of obstacles.segments ?? []) if (segmentIntersectsRect(s, rect)) crossings += 1;
      return { area, crossings };
    },
    add(rect) {
      placed.push(rect);
    },
  };
}

/**
 * Grid cell size (px) of the spatial index: about a label's height and a
 * short label's width, so a candidate box looks at a handful of cells.
 */
const GRID_CELL = 64;

/**
 * The same prices from a spatial index: only obstacles near the box are
 * tested. Items far away add exactly 0 in the brute-force sums, and the near
 * ones are added in the same order, so the totals are bit-for-bit the same.
 */
function indexedCosts(obstacles: Obstacles): CostModel {
  const { circles } = obstacles;
  const rects = obstacles.rects ?? [];
  const segments = obstacles.segments ?? [];
  const placed: Rect[] = [];
  const circleGrid = createSpatialGrid(GRID_CELL);
  const rectGrid = createSpatialGrid(GRID_CELL);
  const segmentGrid = createSpatialGrid(GRID_CELL);
  const placedGrid = createSpatialGrid(GRID_CELL);
  circles.forEach((c, i) => {
    circleGrid.insert(i, circleRect(c));
  });
  rects.forEach((r, i) => {
    rectGrid.insert(i, r);
  });
  segments.forEach((s, i) => {
    segmentGrid.insertSegment(i, s.a, s.b);
  });
  return {
    cost(rect, bound) {
      let area = 0;
      for (const i of circleGrid.query(rect))
        area += rectCircleOverlapArea(rect, circles[i] as Circle);
      for (const i of rectGrid.query(rect)) area += rectOverlapArea(rect, rects[i] as Rect);
      for (const i of placedGrid.query(rect)) area += rectOverlapArea(rect, placed[i] as Rect);
      // Crossings only break ties of area: skip or stop counting them once the box cannot win.
      if (bound && area > bound.area) return { area, crossings: Number.POSITIVE_INFINITY };
      const limit = bound && area === bound.area ? bound.crossings : Number.POSITIVE_INFINITY;
      let crossings = 0;
      for (const i of segmentGrid.query(rect)) {
        if (crossings >= limit) break;
        if (segmentIntersectsRect(segments[i] as Segment, rect)) crossings += 1;
      }
      return { area, crossings };
    },
    add(rect) {
      placedGrid.insert(placed.length, rect);
      placed.push(rect);
    },
  };
}

function isBetter(a: Cost, b: Cost): boolean {
  return a.area < b.area || (a.area === b.area && a.crossings < b.crossings);
}

/**
 * Greedy label placement: labels are placed in the order given (put the most
 * important first); each takes its cheapest candidate, where any overlap with
 * a circle, an obstacle box or an already placed label outweighs crossing
 * edge lines, and ties go to the earlier (preferred) candidate. Returns the
 * chosen candidate per label, or `undefined` for a label with no free
 * candidate when `allowOverlap` is false.
 */
export function placeLabels<C extends LabelCandidate>(
  labels: readonly (readonly C[])[],
  obstacles: Obstacles,
  options: PlaceOptions,
): (C | undefined)[] {
  return placeGreedily(labels, indexedCosts(obstacles), options);
}

/** `placeLabels` testing every obstacle for every candidate: the reference the indexed placer must match. */
export function placeLabelsBruteForce<C extends LabelCandidate>(
  labels: readonly (readonly C[])[],
  obstacles: Obstacles,
  options: PlaceOptions,
): (C | undefined)[] {
  return placeGreedily(labels, bruteForceCosts(obstacles), options);
}

function placeGreedily<C extends LabelCandidate>(
  labels: readonly (readonly C[])[],
  costs: CostModel,
  options: PlaceOptions,
): (C | undefined)[] {
  return labels.map((candidates) => {
    let best: C | undefined;
    let bestCost: Cost | undefined;
    for (const candidate of candidates) {
      const cost = costs.cost(candidate.rect, bestCost);
      if (bestCost === undefined || isBetter(cost, bestCost)) {
        best = candidate;
        bestCost = cost;
      }
      if (cost.area === 0 && cost.crossings === 0) break;
    }
    if (best === undefined || bestCost === undefined) return undefined;
    if (bestCost.area > 0 && !options.allowOverlap) return undefined;
    costs.add(best.rect);
    return best;
  });
}
