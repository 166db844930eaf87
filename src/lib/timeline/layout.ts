/** Build-time timeline layout: a UTC time scale, lanes of events with labels, an axis, markers. */
import { scaleUtc } from 'd3-scale';
import { compareDates, type Interval, intervalOf } from '../dates/index.ts';
import type { PartialDate, Precision } from '../dates/types.ts';
import type { EventKind, StoryEvent } from '../model/types.ts';
import { measureText, truncateText } from '../text/measure.ts';
import {
  AXIS_GAP,
  BOTTOM_PAD,
  DEFAULT_TIMELINE_WIDTH,
  EDGE,
  LABEL_FONT_SIZE,
  LABEL_OFFSET_Y,
  LANE_GAP,
  LANE_HEIGHT,
  MARK_OFFSET_Y,
  MARKER_FONT_SIZE,
  MARKER_LABEL_OFFSET,
  MARKER_ROW_HEIGHT,
  MAX_LABEL_WIDTH,
  MAX_LANES,
  MAX_MARKER_ROWS,
  MIN_LABEL_WIDTH,
  MIN_SPAN_WIDTH,
  PLOT_MARGIN,
  POINT_RADIUS,
  TICK_LABEL_OFFSET,
  TOP_PAD,
} from './constants.ts';
import { type LaneBox, type LanePlacement, laneBox, packLanes } from './lanes.ts';
import { chooseAxisTicks, TICK_FONT_SIZE } from './ticks.ts';

export {
  LABEL_FONT_SIZE,
  MARKER_FONT_SIZE,
  MAX_LANES,
  MIN_SPAN_WIDTH,
  POINT_RADIUS,
  SPAN_HEIGHT,
  TICK_LENGTH,
} from './constants.ts';

/** Share of the covered time added on each side of the domain. */
const DOMAIN_PAD_FRACTION = 0.04;
/** The domain is padded by at least this much: a single day still gets some air. */
const MIN_DOMAIN_PAD_MS = 12 * 60 * 60 * 1000;
/** Domain used when there is nothing to draw, so the scale stays valid. */
const EMPTY_DOMAIN_MS = 24 * 60 * 60 * 1000;

/** How an event is drawn: a dot at its date, or a bar across its interval. */
export type MarkShape = 'point' | 'span';

/** A label placed next to its mark. */
export interface TimelineLabel {
  /** Anchor x: the label's left edge (`anchor: 'start'`) or right edge (`'end'`). */
  x: number;
  /** Baseline. */
  y: number;
  /** What to draw: the title, possibly shortened with "…", or empty when there is no room. */
  text: string;
  /** Estimated width in px of `text`. */
  width: number;
  /** The text is shorter than the title. */
  elided: boolean;
  /** SVG text-anchor. */
  anchor: 'start' | 'end';
}

/** One event placed on the timeline. */
export interface TimelineItem {
  id: string;
  title: string;
  /** The date as authored. */
  date: string;
  /** The end as authored, when the event is a span. */
  end?: string;
  precision: Precision;
  approximate: boolean;
  kind: EventKind;
  /** Covered time in epoch ms (end exclusive), for a client script that rescales. */
  interval: Interval;
  /** Mark start (point centre) and end in px. For a point `x2 === x`. */
  x: number;
  x2: number;
  /** Centre line of the mark. */
  y: number;
  lane: number;
  mark: MarkShape;
  /** The span stands for "sometime in this month/year", not a duration: drawn lighter. */
  within: boolean;
  label: TimelineLabel;
}

/** A dated vertical rule, such as the article's publication. */
export interface TimelineMarker {
  id: string;
  label: string;
  /** The date as authored. */
  date: string;
  x: number;
  /** The rule runs from `y1` to `y2`. */
  y1: number;
  y2: number;
  /** Its label, placed in the band above the lanes. */
  text: TimelineLabel;
}

/** A tick of the time axis with its position. */
export interface AxisTick {
  x: number;
  label: string;
  major: boolean;
  /** SVG text-anchor, so labels at the ends stay inside the drawing. */
  anchor: 'start' | 'middle' | 'end';
}

/** Everything the Timeline component draws, in px of a `width` × `height` viewBox. */
export interface TimelineLayout {
  width: number;
  height: number;
  /** Scale domain in epoch ms and the px range it maps to (for zoom and pan later). */
  domain: [number, number];
  range: [number, number];
  laneCount: number;
  /** Top of the first lane: below the marker labels. */
  lanesTop: number;
  /** The axis line's y and the baseline of its tick labels. */
  axis: { y: number; labelY: number; ticks: AxisTick[]; minor: number[] };
  items: TimelineItem[];
  markers: TimelineMarker[];
}

/** A marker as the caller gives it. */
export interface MarkerInput {
  id: string;
  label: string;
  date: PartialDate;
}

/** Options for `layoutTimeline`. */
export interface TimelineOptions {
  /** Width in px of the drawing; defaults to `DEFAULT_TIMELINE_WIDTH`. */
  width?: number;
  markers?: MarkerInput[];
}

/** Rounds px to 0.1 so output is stable and small. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Point or span, and whether the span only says "sometime within". */
export function markOf(event: Pick<StoryEvent, 'date' | 'end'>): {
  mark: MarkShape;
  within: boolean;
} {
  if (event.end) return { mark: 'span', within: false };
  const coarse = event.date.precision === 'year' || event.date.precision === 'month';
  return { mark: coarse ? 'span' : 'point', within: coarse };
}

/** Events in drawing order: by start, then shorter first, then by id. */
function sortEvents(events: readonly StoryEvent[]): StoryEvent[] {
  return [...events].sort((a, b) => {
    const ia = intervalOf(a.date, a.end);
    const ib = intervalOf(b.date, b.end);
    return (
      ia.start - ib.start ||
      ia.end - ib.end ||
      compareDates(a.date, b.date) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    );
  });
}

/** The padded time domain covering every interval. */
function domainOf(intervals: readonly Interval[]): [number, number] {
  if (intervals.length === 0) return [0, EMPTY_DOMAIN_MS];
  const lo = Math.min(...intervals.map((i) => i.start));
  const hi = Math.max(...intervals.map((i) => i.end));
  const pad = Math.max((hi - lo) * DOMAIN_PAD_FRACTION, MIN_DOMAIN_PAD_MS);
  return [lo - pad, hi + pad];
}

/** The text that fits `room` px, and whether it had to be shortened. */
function fitText(
  text: string,
  fontSize: number,
  room: number,
): { text: string; width: number; elided: boolean } {
  const natural = measureText(text, fontSize);
  if (natural <= room) return { text, width: natural, elided: false };
  if (room < MIN_LABEL_WIDTH) return { text: '', width: 0, elided: text !== '' };
  const fitted = truncateText(text, fontSize, room);
  return { text: fitted, width: measureText(fitted, fontSize), elided: fitted !== text };
}

/** A placed label: `text` fitted to the room its placement got, anchored on its side. */
function placeLabel(
  box: LaneBox,
  placement: LanePlacement,
  text: string,
  fontSize: number,
  y: number,
): TimelineLabel {
  const fit = fitText(text, fontSize, placement.labelWidth);
  return {
    x: round(box[placement.side].anchor),
    y: round(y),
    ...fit,
    width: round(fit.width),
    anchor: placement.side === 'right' ? 'start' : 'end',
  };
}

/** Marker labels packed into rows above the lanes (one box and placement per marker). */
function packMarkerLabels(
  markers: readonly { input: MarkerInput; x: number }[],
  width: number,
): { rows: number; boxes: LaneBox[]; placements: LanePlacement[] } {
  const boxes = markers.map(({ input, x }) =>
    laneBox(
      [x, x],
      [x + MARKER_LABEL_OFFSET, x - MARKER_LABEL_OFFSET],
      measureText(input.label, MARKER_FONT_SIZE),
      width,
      EDGE,
    ),
  );
  const placements = packLanes(boxes, {
    maxLanes: MAX_MARKER_ROWS,
    gap: LANE_GAP,
    minLabelWidth: MIN_LABEL_WIDTH,
  });
  return { rows: placements.reduce((n, p) => Math.max(n, p.lane + 1), 0), boxes, placements };
}

/** An event's mark on the scale, before it has a lane. */
interface Shape {
  event: StoryEvent;
  interval: Interval;
  mark: MarkShape;
  within: boolean;
  x: number;
  x2: number;
  box: LaneBox;
}

/** Marks and lane boxes for events already in drawing order. */
function shapeEvents(
  sorted: readonly StoryEvent[],
  xOf: (ms: number) => number,
  width: number,
): Shape[] {
  return sorted.map((event) => {
    const interval = intervalOf(event.date, event.end);
    const { mark, within } = markOf(event);
    const x = xOf(interval.start);
    const x2 = mark === 'span' ? xOf(interval.end) : x;
    const markStart = mark === 'point' ? x - POINT_RADIUS : x;
    const markEnd = mark === 'point' ? x + POINT_RADIUS : Math.max(x2, x + MIN_SPAN_WIDTH);
    // Under a long span the lane is taken anyway, so the label may be as long as the span.
    const maxWidth = Math.max(MAX_LABEL_WIDTH, markEnd - markStart);
    const natural = Math.min(measureText(event.title, LABEL_FONT_SIZE), maxWidth);
    const box = laneBox([markStart, markEnd], [markStart, markEnd], natural, width, EDGE);
    return { event, interval, mark, within, x, x2, box };
  });
}

/** The item drawn for a shape once it has a lane. */
function toItem(shape: Shape, placement: LanePlacement, lanesTop: number): TimelineItem {
  const { event } = shape;
  const top = lanesTop + placement.lane * LANE_HEIGHT;
  return {
    id: event.id,
    title: event.title,
    date: event.date.raw,
    ...(event.end ? { end: event.end.raw } : {}),
    precision: event.date.precision,
    approximate: event.approximate,
    kind: event.kind,
    interval: shape.interval,
    x: round(shape.x),
    x2: round(shape.x2),
    y: round(top + MARK_OFFSET_Y),
    lane: placement.lane,
    mark: shape.mark,
    within: shape.within,
    label: placeLabel(shape.box, placement, event.title, LABEL_FONT_SIZE, top + LABEL_OFFSET_Y),
  };
}

/** Axis ticks at their x, with labels at the ends anchored inside the drawing, and minor ticks' x. */
function placeTicks(
  domain: [number, number],
  range: [number, number],
  xOf: (ms: number) => number,
  width: number,
): { ticks: AxisTick[]; minor: number[] } {
  const chosen = chooseAxisTicks(domain, range[1] - range[0]);
  const ticks = chosen.ticks.map((tick): AxisTick => {
    const x = xOf(tick.value);
    const half = measureText(tick.label, TICK_FONT_SIZE) / 2;
    const anchor = x - half < EDGE ? 'start' : x + half > width - EDGE ? 'end' : 'middle';
    return { x: round(x), label: tick.label, major: tick.major, anchor };
  });
  return { ticks, minor: chosen.minor.map((value) => round(xOf(value))) };
}

/**
 * Lays out events on a time axis: points for day/time dates, spans for month/year dates and
 * for events with an `end`, packed into at most `MAX_LANES` lanes with labels that never collide.
 * Deterministic: the same events give the same numbers.
 */
export function layoutTimeline(
  events: readonly StoryEvent[],
  options: TimelineOptions = {},
): TimelineLayout {
  const width = options.width ?? DEFAULT_TIMELINE_WIDTH;
  const markerInputs = options.markers ?? [];
  const sorted = sortEvents(events);
  const domain = domainOf([
    ...sorted.map((event) => intervalOf(event.date, event.end)),
    ...markerInputs.map((marker) => intervalOf(marker.date)),
  ]);
  const range: [number, number] = [PLOT_MARGIN, width - PLOT_MARGIN];
  const scale = scaleUtc().domain(domain).range(range);
  const xOf = (ms: number) => scale(ms);

  const shapes = shapeEvents(sorted, xOf, width);
  const placements = packLanes(
    shapes.map((shape) => shape.box),
    { maxLanes: MAX_LANES, gap: LANE_GAP, minLabelWidth: MIN_LABEL_WIDTH },
  );
  const laneCount = placements.reduce((n, p) => Math.max(n, p.lane + 1), 0);

  const markerXs = markerInputs.map((input) => ({ input, x: xOf(input.date.start) }));
  const markerRows = packMarkerLabels(markerXs, width);
  const lanesTop = TOP_PAD + markerRows.rows * MARKER_ROW_HEIGHT;
  const axisY = lanesTop + laneCount * LANE_HEIGHT + AXIS_GAP;

  const markers = markerXs.map(({ input, x }, i): TimelineMarker => {
    const placement = markerRows.placements[i] as LanePlacement;
    const rowTop = TOP_PAD + placement.lane * MARKER_ROW_HEIGHT;
    const box = markerRows.boxes[i] as LaneBox;
    return {
      id: input.id,
      label: input.label,
      date: input.date.raw,
      x: round(x),
      y1: round(rowTop),
      y2: round(axisY),
      text: placeLabel(box, placement, input.label, MARKER_FONT_SIZE, rowTop + MARKER_FONT_SIZE),
    };
  });

  return {
    width,
    height: round(axisY + TICK_LABEL_OFFSET + BOTTOM_PAD),
    domain,
    range,
    laneCount,
    lanesTop: round(lanesTop),
    axis: {
      y: round(axisY),
      labelY: round(axisY + TICK_LABEL_OFFSET),
      ...placeTicks(domain, range, xOf, width),
    },
    items: shapes.map((shape, i) => toItem(shape, placements[i] as LanePlacement, lanesTop)),
    markers,
  };
}
