/**
 * Lane packing for timeline items: each item (its mark and its label) goes into the first
 * lane where it does not overlap anything. Lanes are capped; past the cap, labels are
 * shortened (or, as a last resort, dropped) so that labels never collide.
 */

/** Which way a label runs from its anchor. */
export type LabelSide = 'right' | 'left';

/** Where a label may go on one side: its anchor, and the most width the drawing allows there. */
export interface LabelSlot {
  /** The label's left edge (right side) or right edge (left side). */
  anchor: number;
  room: number;
}

/** What the packer needs to know of one item, in px along the time axis. */
export interface LaneBox {
  /** Left and right edges of the mark. */
  markStart: number;
  markEnd: number;
  /** Width the label would like to have. */
  labelWidth: number;
  /** The label running right (preferred) or left of the mark. */
  right: LabelSlot;
  left: LabelSlot;
}

/** Where an item went, which way its label runs and how wide it may be (less than asked = elide; 0 = none). */
export interface LanePlacement {
  lane: number;
  side: LabelSide;
  labelWidth: number;
}

/** Packing limits. */
export interface PackOptions {
  /** Never open more lanes than this. */
  maxLanes: number;
  /** Clear space in px between neighbours in one lane. */
  gap: number;
  /** A label shortened below this is not worth showing. */
  minLabelWidth: number;
}

interface Lane {
  /** Right edge of everything in the lane. */
  end: number;
  /** Right edge of everything but the last item's right-running label. */
  hardEnd: number;
  /** Index of the last item placed. */
  last: number;
}

/** A way to place an item in a lane past the cap, and how much label text it costs. */
interface Option {
  lane: number;
  side: LabelSide;
  labelWidth: number;
  /** The last item's label in that lane shrinks to this, when set. */
  shortenLast?: number;
  loss: number;
}

/**
 * A lane box for a mark from `mark[0]` to `mark[1]` whose label may run right from `anchors[0]`
 * or end at `anchors[1]`, in a drawing `drawingWidth` px wide whose labels keep `edge` px clear.
 */
export function laneBox(
  mark: readonly [number, number],
  anchors: readonly [number, number],
  labelWidth: number,
  drawingWidth: number,
  edge: number,
): LaneBox {
  const [rightAnchor, leftAnchor] = anchors;
  return {
    markStart: mark[0],
    markEnd: mark[1],
    labelWidth,
    right: { anchor: rightAnchor, room: drawingWidth - edge - rightAnchor },
    left: { anchor: leftAnchor, room: leftAnchor - edge },
  };
}

/** Horizontal extent `[start, end]` of a box whose label runs to `side` and is `width` wide. */
export function boxExtent(box: LaneBox, side: LabelSide, width: number): [number, number] {
  const { anchor } = box[side];
  const labelStart = side === 'right' ? anchor : anchor - width;
  const labelEnd = side === 'right' ? anchor + width : anchor;
  return [Math.min(box.markStart, labelStart), Math.max(box.markEnd, labelEnd)];
}

/** The label as the item would like it: running right, else left, else the roomier side, shortened. */
export function preferredLabel(box: LaneBox): { side: LabelSide; labelWidth: number } {
  if (box.labelWidth <= box.right.room) return { side: 'right', labelWidth: box.labelWidth };
  if (box.labelWidth <= box.left.room) return { side: 'left', labelWidth: box.labelWidth };
  return box.right.room >= box.left.room
    ? { side: 'right', labelWidth: Math.max(0, box.right.room) }
    : { side: 'left', labelWidth: Math.max(0, box.left.room) };
}

/** Ways to fit `box` into full lanes by giving up some label text, cheapest first after sorting. */
function optionsPastCap(
  lanes: readonly Lane[],
  boxes: readonly LaneBox[],
  placements: readonly LanePlacement[],
  box: LaneBox,
  options: PackOptions,
): Option[] {
  const { gap } = options;
  const enough = Math.min(options.minLabelWidth, box.labelWidth);
  const found: Option[] = [];
  lanes.forEach((lane, index) => {
    const free = lane.end + gap;
    // Own label running right, shortened only by the drawing's edge.
    const rightWidth = Math.min(box.labelWidth, box.right.room);
    if (free <= Math.min(box.markStart, box.right.anchor) && rightWidth >= enough) {
      found.push({
        lane: index,
        side: 'right',
        labelWidth: rightWidth,
        loss: box.labelWidth - rightWidth,
      });
    }
    // Own label running left, shortened to start after the lane's content.
    const leftWidth = Math.min(box.labelWidth, box.left.room, box.left.anchor - free);
    if (free <= box.markStart && leftWidth >= enough) {
      found.push({
        lane: index,
        side: 'left',
        labelWidth: leftWidth,
        loss: box.labelWidth - leftWidth,
      });
    }
    // The lane's last label, running right, shortened to end before this item.
    const last = boxes[lane.last] as LaneBox;
    const lastPlacement = placements[lane.last] as LanePlacement;
    const start = Math.min(box.markStart, box.right.anchor);
    const shortened = start - gap - last.right.anchor;
    if (
      lastPlacement.side === 'right' &&
      lastPlacement.labelWidth > shortened &&
      lane.hardEnd + gap <= start &&
      shortened >= options.minLabelWidth &&
      rightWidth >= enough
    ) {
      found.push({
        lane: index,
        side: 'right',
        labelWidth: rightWidth,
        shortenLast: shortened,
        loss: lastPlacement.labelWidth - shortened + box.labelWidth - rightWidth,
      });
    }
  });
  // Stable sort: equal losses keep lane order, own label before shortening a neighbour's.
  return found.sort((a, b) => a.loss - b.loss);
}

/**
 * Assigns each box (in the given order, normally sorted by start) a lane and a label side.
 * Returns one placement per box, in the same order.
 */
export function packLanes(boxes: readonly LaneBox[], options: PackOptions): LanePlacement[] {
  const placements: LanePlacement[] = [];
  const lanes: Lane[] = [];

  const place = (index: number, lane: number, side: LabelSide, labelWidth: number) => {
    const box = boxes[index] as LaneBox;
    const end = boxExtent(box, side, labelWidth)[1];
    const hardEnd = side === 'right' ? Math.max(box.markEnd, box.right.anchor) : end;
    const before = lanes[lane]?.end ?? Number.NEGATIVE_INFINITY;
    placements[index] = { lane, side, labelWidth };
    lanes[lane] = { end: Math.max(before, end), hardEnd: Math.max(before, hardEnd), last: index };
  };

  for (const [index, box] of boxes.entries()) {
    const wanted = preferredLabel(box);
    const start = boxExtent(box, wanted.side, wanted.labelWidth)[0];

    // 1. The first lane with room for the whole item; 2. else a new lane while under the cap.
    const free = lanes.findIndex((lane) => lane.end + options.gap <= start);
    if (free >= 0 || lanes.length < options.maxLanes) {
      place(index, free >= 0 ? free : lanes.length, wanted.side, wanted.labelWidth);
      continue;
    }

    // 3. Past the cap: the placement that gives up the least label text.
    const [best] = optionsPastCap(lanes, boxes, placements, box, options);
    if (best) {
      if (best.shortenLast !== undefined) {
        const lane = lanes[best.lane] as Lane;
        const last = boxes[lane.last] as LaneBox;
        placements[lane.last] = { lane: best.lane, side: 'right', labelWidth: best.shortenLast };
        lanes[best.lane] = {
          ...lane,
          end: Math.max(lane.hardEnd, last.right.anchor + best.shortenLast),
        };
      }
      place(index, best.lane, best.side, best.labelWidth);
      continue;
    }

    // 4. Nothing frees enough room: the mark goes where a lane ends soonest, without a label.
    const soonest = lanes.reduce(
      (min, lane, i) => (lane.end < (lanes[min] as Lane).end ? i : min),
      0,
    );
    place(index, soonest, wanted.side, 0);
  }

  return placements;
}
