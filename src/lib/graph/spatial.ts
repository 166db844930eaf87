/**
 * A uniform grid over the plane for "what is near this box?" queries: each
 * item is filed under every cell its bounding box touches, and a query visits
 * the items filed under the cells the query box touches. Conservative: every
 * item whose box shares a point with the query box is visited (plus some that
 * do not), so callers still run their exact test on what they get.
 */
import type { Point, Rect } from './labels.ts';

/** Items of a grid query, by the ids they were inserted with, ascending. */
export interface SpatialGrid {
  /** Files item `id` under every cell `box` touches. */
  insert(id: number, box: Rect): void;
  /** Files item `id` under every cell the segment a–b passes through (not its whole bounding box). */
  insertSegment(id: number, a: Point, b: Point): void;
  /** Ids of the items whose cells `box` touches, each once, in ascending order. */
  query(box: Rect): number[];
}

/** Cell coordinates stay well inside this range for any drawing, so two fit one safe integer key. */
const KEY_OFFSET = 2 ** 20;
const KEY_STRIDE = 2 ** 21;
/** Slack (px) on a segment's rows in a column, so float rounding at a cell corner cannot drop a cell. */
const ROUNDING_SLACK = 1e-6;

/** A grid of square cells `cellSize` px wide. */
export function createSpatialGrid(cellSize: number): SpatialGrid {
  const cells = new Map<number, number[]>();
  // Stamps dedupe an item filed under several cells, without allocating a Set per query.
  const stamps: number[] = [];
  let query = 0;
  const cell = (v: number) => Math.floor(v / cellSize);
  const key = (cx: number, cy: number) => (cx + KEY_OFFSET) * KEY_STRIDE + (cy + KEY_OFFSET);
  const file = (id: number, cx: number, cy0: number, cy1: number) => {
    for (let cy = cy0; cy <= cy1; cy += 1) {
      const k = key(cx, cy);
      const list = cells.get(k);
      if (list) list.push(id);
      else cells.set(k, [id]);
    }
  };
  return {
    insert(id, box) {
      for (let cx = cell(box.x); cx <= cell(box.x + box.width); cx += 1) {
        file(id, cx, cell(box.y), cell(box.y + box.height));
      }
    },
    insertSegment(id, a, b) {
      // Column by column: the part of the segment inside each column spans a range of rows.
      const [p, q] = a.x <= b.x ? [a, b] : [b, a];
      const slope = q.x === p.x ? 0 : (q.y - p.y) / (q.x - p.x);
      const yAt = (x: number) => (q.x === p.x ? p.y : p.y + (x - p.x) * slope);
      for (let cx = cell(p.x); cx <= cell(q.x); cx += 1) {
        const x0 = Math.max(p.x, cx * cellSize);
        const x1 = Math.min(q.x, (cx + 1) * cellSize);
        const ys = q.x === p.x ? [p.y, q.y] : [yAt(x0), yAt(x1)];
        file(
          id,
          cx,
          cell(Math.min(...ys) - ROUNDING_SLACK),
          cell(Math.max(...ys) + ROUNDING_SLACK),
        );
      }
    },
    query(box) {
      query += 1;
      const out: number[] = [];
      for (let cx = cell(box.x); cx <= cell(box.x + box.width); cx += 1) {
        for (let cy = cell(box.y); cy <= cell(box.y + box.height); cy += 1) {
          for (const id of cells.get(key(cx, cy)) ?? []) {
            if (stamps[id] === query) continue;
            stamps[id] = query;
            out.push(id);
          }
        }
      }
      return out.sort((a, b) => a - b);
    },
  };
}
