/**
 * The overview strip under the timeline: the whole time domain with the density of events, the
 * part the chart currently shows, and a d3-brush (x only) that chooses the time window.
 */
import { type BrushBehavior, brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import type { Interval } from '../../lib/dates/compare.ts';
import { OVERVIEW_HEIGHT } from '../../lib/timeline/constants.ts';
import { svgElement } from './dom.ts';

/** Width in px of one density bin. */
const BIN_WIDTH = 2;
/** Tallest density bar: the lower half of the strip, under the hint. */
const BAR_ROOM = 16;
/** Thickness of the bar showing what the chart shows. */
const VIEWPORT_HEIGHT = 3;
/** Baseline of the hint shown while there is no window. */
const HINT_Y = 12;

/** What the overview is drawn from and whom it tells about a chosen window. */
export interface OverviewOptions {
  svg: SVGSVGElement;
  domain: readonly [number, number];
  events: readonly { start: number; end: number }[];
  /** Called when the reader draws, moves or clears the window (not for `setWindow`). */
  onWindow(window: Interval | undefined): void;
}

/** The overview's controls. */
export interface Overview {
  /** Re-lays the strip for a drawing `width` px wide plotting time over `range`. */
  resize(width: number, range: readonly [number, number]): void;
  /** Draws the brush over `window` (clamped to the domain), or clears it. */
  setWindow(window: Interval | undefined): void;
  /** Marks the part of the domain the chart shows. */
  setViewport(visible: readonly [number, number]): void;
}

/** Creates the overview strip in `options.svg`. */
export function createOverview(options: OverviewOptions): Overview {
  const { svg, domain, events } = options;
  const [d0, d1] = domain;
  let range: readonly [number, number] = [0, 1];
  let window: Interval | undefined;
  const toX = (ms: number) => range[0] + ((ms - d0) / (d1 - d0)) * (range[1] - range[0]);
  const toMs = (x: number) => d0 + ((x - range[0]) / (range[1] - range[0])) * (d1 - d0);

  const density = svgElement('path', { class: 'density' });
  const viewport = svgElement('rect', {
    class: 'viewport-bar',
    y: OVERVIEW_HEIGHT - VIEWPORT_HEIGHT,
    height: VIEWPORT_HEIGHT,
  });
  const hint = svgElement('text', { class: 'empty-hint', y: HINT_Y });
  hint.textContent = 'Drag here to choose a time window';
  const brushLayer = svgElement('g', { class: 'brush' });
  svg.append(density, viewport, hint, brushLayer);

  const brush: BrushBehavior<unknown> = brushX<unknown>().on(
    'end',
    (event: D3BrushEvent<unknown>) => {
      // Programmatic moves (setWindow) have no source event: only the reader's gestures count.
      if (!event.sourceEvent) return;
      const selection = event.selection as [number, number] | null;
      hint.style.display = selection ? 'none' : '';
      options.onWindow(
        selection ? { start: toMs(selection[0]), end: toMs(selection[1]) } : undefined,
      );
    },
  );

  /** Density of events per bin, drawn as one path of bars. */
  const drawDensity = () => {
    const bins = Math.max(1, Math.ceil((range[1] - range[0]) / BIN_WIDTH));
    const counts = new Array<number>(bins).fill(0);
    const binOf = (ms: number) =>
      Math.min(bins - 1, Math.max(0, Math.floor((toX(ms) - range[0]) / BIN_WIDTH)));
    for (const event of events) {
      const last = binOf(event.end - 1);
      for (let bin = binOf(event.start); bin <= last; bin++) counts[bin] = (counts[bin] ?? 0) + 1;
    }
    const peak = Math.sqrt(Math.max(1, ...counts));
    let path = '';
    counts.forEach((count, bin) => {
      if (count === 0) return;
      const height = Math.max(1, (Math.sqrt(count) / peak) * BAR_ROOM);
      const x = range[0] + bin * BIN_WIDTH;
      path += `M${x},${OVERVIEW_HEIGHT}h${BIN_WIDTH}v${-height.toFixed(1)}h${-BIN_WIDTH}z`;
    });
    density.setAttribute('d', path);
  };

  const drawWindow = () => {
    const selection = window ? [toX(window.start), toX(window.end)] : null;
    brush.move(select(brushLayer), selection as [number, number] | null);
    hint.style.display = selection ? 'none' : '';
  };

  return {
    resize(width, nextRange) {
      range = nextRange;
      svg.setAttribute('viewBox', `0 0 ${width} ${OVERVIEW_HEIGHT}`);
      svg.setAttribute('height', String(OVERVIEW_HEIGHT));
      hint.setAttribute('x', String(range[0] + BIN_WIDTH));
      brush.extent([
        [range[0], 0],
        [range[1], OVERVIEW_HEIGHT],
      ]);
      select(brushLayer).call(brush);
      drawDensity();
      drawWindow();
    },
    setWindow(next) {
      window = next;
      drawWindow();
    },
    setViewport([start, end]) {
      const x0 = toX(start);
      const x1 = toX(end);
      const whole = x0 <= range[0] + 0.5 && x1 >= range[1] - 0.5;
      viewport.setAttribute('x', x0.toFixed(1));
      viewport.setAttribute('width', Math.max(1, x1 - x0).toFixed(1));
      viewport.style.display = whole ? 'none' : '';
    },
  };
}
