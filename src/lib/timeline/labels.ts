/**
 * Labels re-laid at any zoom: within each lane, left to right, a label runs right from its mark
 * if it fits before the next one, else left if it fits after the previous label, else it is
 * shortened to the roomier side or dropped. Labels of one lane never overlap, and none leaves
 * the visible part of the drawing.
 */

/** One mark's label to place, in px at the current scale. */
export interface LabelRequest {
  lane: number;
  /** Left and right edges of the mark. */
  markStart: number;
  markEnd: number;
  /** Width the label would like (the title's, possibly capped). */
  wanted: number;
  /**
   * A span: its label stays under it (shortened rather than moved left of its start) and in view
   * when its start scrolls off the left edge.
   */
  sticky?: boolean;
}

/** Where a label went: its anchor x (left edge running right, right edge running left) and width; 0 = no label. */
export interface FittedLabel {
  side: 'right' | 'left';
  x: number;
  width: number;
}

/** Spacing rules for `fitLabels`. */
export interface FitOptions {
  /** Clear space between neighbouring labels. */
  gap: number;
  /** Labels keep this far inside the visible range. */
  edge: number;
  /** A label shortened below this is dropped. */
  minWidth: number;
}

/** Anchor of a label running right from its mark (kept in view for sticky spans). */
function rightAnchor(request: LabelRequest, left: number): number {
  if (request.sticky && request.markStart < left && request.markEnd > left) {
    return Math.min(left, request.markEnd);
  }
  return request.markStart;
}

/**
 * Fits the labels of `requests` (in time order) into the visible range `view` = `[left, right]`.
 * Marks wholly outside the view get no label. Returns one label per request, in the same order.
 */
export function fitLabels(
  requests: readonly LabelRequest[],
  view: readonly [number, number],
  options: FitOptions,
): FittedLabel[] {
  const left = view[0] + options.edge;
  const right = view[1] - options.edge;
  const fitted: FittedLabel[] = requests.map(() => ({ side: 'right', x: 0, width: 0 }));
  // Indices per lane, in order, of the marks that are at least partly visible.
  const lanes = new Map<number, number[]>();
  requests.forEach((request, i) => {
    if (request.markEnd < view[0] || request.markStart > view[1]) return;
    const lane = lanes.get(request.lane);
    if (lane) lane.push(i);
    else lanes.set(request.lane, [i]);
  });
  for (const indices of lanes.values()) {
    let previousEnd = Number.NEGATIVE_INFINITY;
    indices.forEach((index, k) => {
      const request = requests[index] as LabelRequest;
      const next = requests[indices[k + 1] ?? -1];
      const anchor = rightAnchor(request, left);
      const start = Math.max(anchor, left, previousEnd + options.gap);
      const limit = next ? Math.min(right, rightAnchor(next, left) - options.gap) : right;
      const rightRoom = limit - start;
      const leftEnd = Math.min(request.markEnd, right);
      const leftRoom = leftEnd - Math.max(previousEnd + options.gap, left);
      const shortened = (room: number) =>
        room >= options.minWidth ? Math.min(room, request.wanted) : 0;
      let label: FittedLabel;
      if (request.wanted <= rightRoom && start === anchor) {
        label = { side: 'right', x: anchor, width: request.wanted };
      } else if (request.wanted <= leftRoom && !(request.sticky && rightRoom >= options.minWidth)) {
        // A span keeps its label under itself while a readable part fits there.
        label = { side: 'left', x: leftEnd, width: request.wanted };
      } else if (rightRoom >= leftRoom || (request.sticky && rightRoom >= options.minWidth)) {
        label = { side: 'right', x: start, width: shortened(rightRoom) };
      } else {
        label = { side: 'left', x: leftEnd, width: shortened(leftRoom) };
      }
      fitted[index] = label;
      if (label.width > 0) previousEnd = label.side === 'right' ? label.x + label.width : label.x;
    });
  }
  return fitted;
}
