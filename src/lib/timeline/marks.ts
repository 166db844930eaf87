/** Where a mark sits in px and how wide its label would like to be, at any scale (build or zoom). */
import { MAX_LABEL_WIDTH, MIN_SPAN_WIDTH, POINT_RADIUS } from './constants.ts';

/** A point at its date or a bar across its interval. */
export type MarkKind = 'point' | 'span';

/** Left and right edges in px of a mark whose interval starts at `x` and ends at `x2`. */
export function markExtent(mark: MarkKind, x: number, x2: number): [number, number] {
  if (mark === 'point') return [x - POINT_RADIUS, x + POINT_RADIUS];
  return [x, Math.max(x2, x + MIN_SPAN_WIDTH)];
}

/** A label's wanted width: its title's, capped at `MAX_LABEL_WIDTH` unless its mark is longer. */
export function wantedLabelWidth(titleWidth: number, extent: readonly [number, number]): number {
  return Math.min(titleWidth, Math.max(MAX_LABEL_WIDTH, extent[1] - extent[0]));
}
