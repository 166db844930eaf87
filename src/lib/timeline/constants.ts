/**
 * Sizes shared by the build-time layout and the browser's re-layout under zoom, so both draw
 * the same timeline. Kept apart from layout.ts so browser code does not pull in d3-scale.
 */

/** Width in px of the drawing when the caller does not say. */
export const DEFAULT_TIMELINE_WIDTH = 960;
/** Lanes never grow past this; further items shorten labels instead. */
export const MAX_LANES = 8;
/** Font size in px of event labels; the Timeline component draws them at this size. */
export const LABEL_FONT_SIZE = 12;
/** Font size in px of marker labels. */
export const MARKER_FONT_SIZE = 11;
/** Radius in px of a point mark. */
export const POINT_RADIUS = 5;
/** Thickness in px of a span mark. */
export const SPAN_HEIGHT = 10;
/** A span shorter than this on screen is drawn this wide, so it can be seen and hovered. */
export const MIN_SPAN_WIDTH = 4;
/** Height in px of one lane: a mark row above a label row. */
export const LANE_HEIGHT = 34;
/** Height in px of a group's heading row when the timeline is grouped. */
export const GROUP_HEADER_HEIGHT = 18;

/** Height in px of the overview strip under the chart (the page reserves it before the script draws it). */
export const OVERVIEW_HEIGHT = 32;

/** Space left and right of the plotted range, so marks at the ends are not cut. */
export const PLOT_MARGIN = 16;
/** Labels keep this far from the drawing's edges. */
export const EDGE = 6;
/** Long titles are elided past this width (or their span's, if longer); the full title is in the tooltip and list. */
export const MAX_LABEL_WIDTH = 220;
/** A label shortened below this width is dropped rather than shown as a stub. */
export const MIN_LABEL_WIDTH = 36;
/** Clear space in px between neighbours in a lane. */
export const LANE_GAP = 10;
/** Mark centre, from the top of a lane. */
export const MARK_OFFSET_Y = 9;
/** Label baseline, from the top of a lane: labels sit in their own row under the marks. */
export const LABEL_OFFSET_Y = 28;
/** Top padding above the marker labels (or the first lane). */
export const TOP_PAD = 6;
/** Height of one row of marker labels. */
export const MARKER_ROW_HEIGHT = 16;
/** Marker labels may stack this many rows before they are shortened. */
export const MAX_MARKER_ROWS = 2;
/** Gap between the marker rule and its label. */
export const MARKER_LABEL_OFFSET = 4;
/** Between the last lane and the axis line. */
export const AXIS_GAP = 6;
/** Tick marks hang this far below the axis line; major ticks twice as far. */
export const TICK_LENGTH = 5;
/** Tick label baseline below the axis line. */
export const TICK_LABEL_OFFSET = 20;
/** Below the tick labels to the bottom of the drawing. */
export const BOTTOM_PAD = 8;
