/**
 * `<story-timeline>`: makes the pre-rendered timeline SVG interactive. Zoom and pan along time
 * only (d3-zoom: wheel, pinch, drag, buttons, keys), axis ticks and labels re-laid at every
 * zoom, grouping into bands by kind or actor, tooltips and a details panel, keyboard movement in
 * time order, and a brush that sets the time window. Linked with the diagram through the page's
 * view store: the selected event and the window go into the URL, the selected actor highlights
 * its events.
 *
 * The pure layout functions (ticks, lanes, labels, keyboard order, windows, text widths) come
 * from src/lib/timeline on purpose: the build and the zoomed browser must draw alike, and those
 * modules have no DOM or Node imports.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import {
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
  zoom,
  zoomIdentity,
} from 'd3-zoom';
import type { Interval } from '../lib/dates/compare.ts';
import { textDirection } from '../lib/text/direction.ts';
import { measureText } from '../lib/text/measure.ts';
import {
  AXIS_GAP,
  BOTTOM_PAD,
  EDGE,
  GROUP_HEADER_HEIGHT,
  LABEL_FONT_SIZE,
  LABEL_OFFSET_Y,
  LANE_GAP,
  LANE_HEIGHT,
  MARK_OFFSET_Y,
  MARKER_FONT_SIZE,
  MARKER_LABEL_OFFSET,
  MARKER_ROW_HEIGHT,
  MAX_LANES,
  MIN_LABEL_WIDTH,
  MIN_SPAN_WIDTH,
  PLOT_MARGIN,
  SPAN_HEIGHT,
  TICK_LABEL_OFFSET,
  TICK_LENGTH,
  TOP_PAD,
} from '../lib/timeline/constants.ts';
import { GROUPINGS, type GroupBand, type Grouping, packGroups } from '../lib/timeline/groups.ts';
import { moveOfKey, stepEvent } from '../lib/timeline/keyboard.ts';
import { type FittedLabel, fitLabels } from '../lib/timeline/labels.ts';
import { laneBox } from '../lib/timeline/lanes.ts';
import { markExtent, wantedLabelWidth } from '../lib/timeline/marks.ts';
import type { TimelineEventData, TimelinePayload } from '../lib/timeline/payload.ts';
import { chooseAxisTicks, TICK_FONT_SIZE } from '../lib/timeline/ticks.ts';
import { clampWindow, isoDay, windowFromRange } from '../lib/timeline/window.ts';
import { type ViewState, viewWindow } from '../lib/view/state.ts';
import { fromTemplateText } from '../lib/view/template-text.ts';
import { flag, prefersReducedMotion } from './graph/dom.ts';
import { renderDetails } from './timeline/details.ts';
import { setAttr, setSvgText, sideAnchor, svgElement } from './timeline/dom.ts';
import { createMeter, type TextMeter } from './timeline/meter.ts';
import { createOverview, type Overview } from './timeline/overview.ts';
import { setUpShare } from './timeline/share.ts';
import { createTooltip, type Tooltip } from './timeline/tooltip.ts';
import { passVerticalSwipes } from './timeline/touch.ts';
import { getViewStore, type HistoryMode } from './view-store.ts';

/** Zoom in until this much time fills the plot, no further. */
const MIN_VISIBLE_MS = 60 * 60 * 1000;
/** Zoom factor of the buttons and the +/- keys. */
const ZOOM_STEP = 2;
/** Duration of animated zooms and pans (0 with reduced motion). */
const TRANSITION_MS = 350;
/** Marks this far outside the drawing are still drawn, so nothing pops in at the edge. */
const CULL_MARGIN = 40;
/**
 * With more marks than this on screen, no label can fit and one element per mark makes zooming
 * slow: the marks are drawn as a few paths instead (see drawDense).
 */
const MAX_DRAWN_MARKS = 250;
/** Dense marks closer than this (px) merge into one bar. */
const MERGE_GAP = 2;
/** A pointer this close to a dense mark hits it. */
const HIT_SLOP = 3;
/** d3-zoom's wheel scaling: zoom = 2^(-deltaY × this) for pixel deltas, ×25 for line deltas. */
const WHEEL_PIXEL_FACTOR = 0.002;
const WHEEL_LINE_FACTOR = 0.05;
/** Pinch-zoom on a trackpad arrives as a wheel with ctrlKey, in small deltas: amplified like d3 does. */
const PINCH_FACTOR = 10;
/** Rounding of coordinates written to the DOM, so unchanged marks write nothing. */
const DECIMALS = 1;
/** Marker labels pinned to an edge carry an arrow to where the marker is. */
const LEFT_ARROW = '◂ ';
const RIGHT_ARROW = ' ▸';
/** An old-style anchor `#event-<id>` (links into the event list) selects that event. */
const EVENT_ANCHOR = /^#event-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** One event of the timeline: its data and its elements. */
interface EventView {
  data: TimelineEventData;
  link: SVGAElement;
  node: SVGGElement;
  titleWidth: number;
  filtered: boolean;
}

/** One drawn mark: an event in its band (an echo when it is not the event's own). */
interface Placed {
  event: EventView;
  /** The element that carries the event's data-* hooks (or the echo). */
  node: SVGGElement;
  /** The element hidden when the mark is off-screen. */
  outer: SVGElement;
  mark: SVGElement;
  label: SVGTextElement;
  echo: boolean;
  lane: number;
  y: number;
  culled: boolean;
  /** On screen at the last draw. */
  visible: boolean;
  /** Drawn as an element even when marks are dense: selected or highlighted. */
  pinned: boolean;
  /** What was last written, so unchanged attributes are not written again. */
  text: string;
  at: string;
  offset: string;
  size: string;
  labelX: string;
  anchor: string;
  /** The label text is right to left (direction="rtl", anchor flipped). */
  rtl: boolean;
}

/** A mark on screen at the current zoom: where it starts and ends, and its extent in px. */
interface Shown {
  placed: Placed;
  x0: number;
  x1: number;
  extent: [number, number];
}

/** A marker (publication date) and its elements. */
interface MarkerView {
  node: SVGGElement;
  line: SVGLineElement;
  text: SVGTextElement;
  label: string;
  /** The label is right-to-left text: drawn with direction="rtl", its arrows on the other end. */
  rtl: boolean;
  start: number;
  row: number;
}

/** A gridline or tick of the axis. */
interface TickDatum {
  key: string;
  value: number;
  label: string;
  major: boolean;
  minor: boolean;
}

/** Reads the JSON payload of a timeline: the text of its `<template data-timeline-payload>` (template-text.ts). */
function readPayload(root: Element): TimelinePayload | undefined {
  const template = root.querySelector<HTMLTemplateElement>('template[data-timeline-payload]');
  const json = template?.content.textContent;
  if (!json) return undefined;
  return JSON.parse(fromTemplateText(json)) as TimelinePayload;
}

/** `n` rounded for an attribute. */
function fixed(n: number): string {
  return n.toFixed(DECIMALS);
}

/** The interactive behaviour of one `[data-timeline]` figure. */
class TimelineView {
  private readonly root: HTMLElement;
  private readonly payload: TimelinePayload;
  private readonly chart: SVGSVGElement;
  private readonly scroller: HTMLElement;
  private readonly layer: SVGGElement;
  private readonly grid: SVGGElement;
  private readonly axis: SVGGElement;
  private readonly axisLine: SVGLineElement;
  private readonly bands: SVGGElement;
  private readonly events: EventView[];
  private readonly byId: Map<string, EventView>;
  private readonly order: string[];
  private readonly markers: MarkerView[];
  private readonly domain: [number, number];
  private readonly lanesTop: number;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly overview: Overview | undefined;
  private readonly tooltip: Tooltip | undefined;
  private readonly details: HTMLElement | null;
  private readonly cleanups: (() => void)[] = [];
  private placed: Placed[] = [];
  private grouping: Grouping = 'none';
  private width = 0;
  private height = 0;
  private range: [number, number] = [0, 1];
  private axisY = 0;
  private transform: ZoomTransform = zoomIdentity;
  private frame = 0;
  private state: ViewState;
  /** The chart's left edge in page px, for wheel positions without a forced layout. */
  private chartLeft = 0;
  private labelsOn = true;
  private dense = false;
  private denseShown: Shown[] = [];
  private readonly denseLayer: SVGGElement;
  private readonly labelMeter: TextMeter;
  private readonly markerMeter: TextMeter;
  private readonly densePaths = new Map<string, SVGPathElement>();

  constructor(root: HTMLElement, payload: TimelinePayload) {
    this.root = root;
    this.payload = payload;
    this.chart = root.querySelector('svg.chart') as SVGSVGElement;
    this.scroller = root.querySelector('.scroller') as HTMLElement;
    this.layer = this.chart.querySelector('g.events') as SVGGElement;
    this.grid = this.chart.querySelector('g.grid') as SVGGElement;
    this.axis = this.chart.querySelector('g.axis') as SVGGElement;
    this.axisLine = this.axis.querySelector('.axis-line') as SVGLineElement;
    // The build's ticks carry no data; the zoomable axis draws its own.
    this.grid.replaceChildren();
    for (const tick of this.axis.querySelectorAll('g.tick')) tick.remove();
    this.bands = svgElement('g', { class: 'bands', 'aria-hidden': 'true' });
    this.grid.after(this.bands);
    this.denseLayer = svgElement('g', { class: 'dense-layer', 'aria-hidden': 'true' });
    this.layer.before(this.denseLayer);
    this.domain = [Number(this.chart.dataset.domainStart), Number(this.chart.dataset.domainEnd)];
    this.labelMeter = createMeter(this.chart, LABEL_FONT_SIZE);
    this.markerMeter = createMeter(this.chart, MARKER_FONT_SIZE);
    this.lanesTop = Number(this.chart.dataset.lanesTop ?? TOP_PAD);
    this.events = this.readEvents();
    this.byId = new Map(this.events.map((event) => [event.data.id, event]));
    this.order = this.events.map((event) => event.data.id);
    this.markers = this.readMarkers();
    this.state = getViewStore().get();

    this.zoomBehavior = this.setUpZoom();
    this.overview = this.setUpOverview();
    const tip = root.querySelector<HTMLElement>('[data-timeline-tooltip]');
    this.tooltip = tip ? createTooltip(tip, this.scroller, payload) : undefined;
    this.details = root.querySelector<HTMLElement>('[data-timeline-details]');
    this.setUpControls();
    this.setUpPointer();
    this.setUpKeyboard();
    this.cleanups.push(passVerticalSwipes(this.chart));

    root.classList.add('is-interactive');
    for (const hidden of root.querySelectorAll(
      '[data-timeline-controls], [data-timeline-hint], [data-timeline-overview]',
    )) {
      hidden.removeAttribute('hidden');
    }

    this.relayout();
    const resize = new ResizeObserver(() => {
      if (Math.round(this.scroller.clientWidth) !== this.width) this.relayout();
    });
    resize.observe(this.scroller);
    this.cleanups.push(() => resize.disconnect());

    const store = getViewStore();
    this.cleanups.push(store.subscribe((state, previous) => this.apply(state, previous)));
    this.apply(store.get(), undefined);
    this.selectFromAnchor();
  }

  /** Stops listening to the store and the page. */
  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    cancelAnimationFrame(this.frame);
  }

  // ── Reading the markup ────────────────────────────────────────────────

  /** The events in time order, with their marks prepared for drawing at a translate. */
  private readEvents(): EventView[] {
    const nodes = new Map<string, SVGGElement>();
    for (const node of this.layer.querySelectorAll<SVGGElement>('g[data-event]')) {
      nodes.set(node.dataset.event ?? '', node);
    }
    const views: EventView[] = [];
    for (const data of this.payload.events) {
      const node = nodes.get(data.id);
      const link = node?.parentElement;
      if (!node || !(link instanceof SVGAElement)) continue;
      // The custom tooltip replaces the native one; the link keeps its accessible name.
      node.querySelector('title')?.remove();
      prepareMark(node);
      link.setAttribute('tabindex', '-1');
      views.push({
        data,
        link,
        node,
        titleWidth: this.labelMeter.width(data.title),
        filtered: false,
      });
    }
    return views;
  }

  /** The markers, with their label row as the build placed it. */
  private readMarkers(): MarkerView[] {
    const views: MarkerView[] = [];
    for (const data of this.payload.markers) {
      const node = this.chart.querySelector<SVGGElement>(`g[data-marker="${CSS.escape(data.id)}"]`);
      const line = node?.querySelector('line');
      if (!node || !line || !Number.isFinite(data.start)) continue;
      // The build put the marker's label in a row above the lanes; its rule starts at that row.
      const row = Math.round((Number(line.getAttribute('y1')) - TOP_PAD) / MARKER_ROW_HEIGHT);
      const text = node.querySelector('text') ?? node.appendChild(svgElement('text'));
      text.setAttribute('font-size', String(MARKER_FONT_SIZE));
      text.setAttribute('y', fixed(TOP_PAD + row * MARKER_ROW_HEIGHT + MARKER_FONT_SIZE));
      const rtl = textDirection(data.label) === 'rtl';
      flag(text, 'direction', rtl, 'rtl');
      views.push({ node, line, text, label: data.label, rtl, start: data.start, row });
    }
    return views;
  }

  // ── Set-up ────────────────────────────────────────────────────────────

  private setUpZoom(): ZoomBehavior<SVGSVGElement, unknown> {
    const span = this.domain[1] - this.domain[0];
    const behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, Math.max(1, span / MIN_VISIBLE_MS)])
      .extent(() => [
        [this.range[0], 0],
        [this.range[1], this.height],
      ])
      .translateExtent([
        [Number.NEGATIVE_INFINITY, 0],
        [Number.POSITIVE_INFINITY, 0],
      ])
      .constrain((transform) => this.constrain(transform))
      .on('start', () => this.tooltip?.hide())
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.scheduleDraw();
      });
    const chart = select(this.chart);
    chart.call(behavior);
    // The wheel is handled here rather than by d3-zoom, whose pointer() reads getScreenCTM() and
    // so forces a layout of the whole page on every wheel event. Sideways wheels pan.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      event.stopPropagation();
      this.tooltip?.hide();
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        behavior.translateBy(chart, -event.deltaX / this.transform.k, 0);
        return;
      }
      const factor =
        (event.deltaMode === WheelEvent.DOM_DELTA_LINE ? WHEEL_LINE_FACTOR : WHEEL_PIXEL_FACTOR) *
        (event.ctrlKey ? PINCH_FACTOR : 1);
      behavior.scaleBy(chart, 2 ** (-event.deltaY * factor), [event.pageX - this.chartLeft, 0]);
    };
    this.chart.addEventListener('wheel', onWheel, { capture: true, passive: false });
    this.cleanups.push(() => this.chart.removeEventListener('wheel', onWheel, { capture: true }));
    const onResize = () => this.measureLeft();
    window.addEventListener('resize', onResize);
    this.cleanups.push(() => window.removeEventListener('resize', onResize));
    return behavior;
  }

  private measureLeft(): void {
    this.chartLeft = this.chart.getBoundingClientRect().left + window.scrollX;
  }

  /** Keeps the plotted range covered by the domain: no panning past the first or last event. */
  private constrain(transform: ZoomTransform): ZoomTransform {
    const [r0, r1] = this.range;
    const k = transform.k;
    const x = Math.min(r0 - k * r0, Math.max(r1 - k * r1, transform.x));
    return x === transform.x && transform.y === 0
      ? transform
      : zoomIdentity.translate(x, 0).scale(k);
  }

  private setUpOverview(): Overview | undefined {
    const svg = this.root.querySelector<SVGSVGElement>('svg[data-timeline-overview]');
    if (!svg) return undefined;
    return createOverview({
      svg,
      domain: this.domain,
      events: this.payload.events,
      onWindow: (window) => this.setWindow(window),
    });
  }

  private setUpControls(): void {
    const root = this.root;
    const chart = select(this.chart);
    const zoomBy = (factor: number) => {
      if (prefersReducedMotion()) this.zoomBehavior.scaleBy(chart, factor);
      else this.zoomBehavior.scaleBy(chart.transition().duration(TRANSITION_MS), factor);
    };
    root.querySelector('[data-zoom="in"]')?.addEventListener('click', () => zoomBy(ZOOM_STEP));
    root.querySelector('[data-zoom="out"]')?.addEventListener('click', () => zoomBy(1 / ZOOM_STEP));
    root.querySelector('[data-zoom="fit"]')?.addEventListener('click', () => this.fit());

    for (const radio of root.querySelectorAll<HTMLInputElement>('input[name="group"]')) {
      radio.addEventListener('change', () => {
        const value = GROUPINGS.find((g) => g === radio.value);
        if (radio.checked && value) {
          this.grouping = value;
          this.relayout();
        }
      });
    }

    const from = root.querySelector<HTMLInputElement>('[data-window-from]');
    const to = root.querySelector<HTMLInputElement>('[data-window-to]');
    // Their min and max come with the page (Timeline.astro).
    for (const input of [from, to]) {
      if (!input) continue;
      input.addEventListener('change', () => {
        const a = from?.value || undefined;
        const b = to?.value || undefined;
        const [start, end] = a && b && a > b ? [b, a] : [a, b];
        getViewStore().update({ from: start, to: end }, 'replace');
      });
    }
    root.querySelector('[data-window-clear]')?.addEventListener('click', () => {
      getViewStore().update({ from: undefined, to: undefined }, 'replace');
    });

    const share = root.querySelector<HTMLButtonElement>('[data-share]');
    const field = root.querySelector<HTMLInputElement>('[data-share-url]');
    const status = root.querySelector<HTMLElement>('[data-share-status]');
    if (share && field && status) setUpShare(share, field, status);
  }

  private setUpPointer(): void {
    // Dense marks are paths: find the event under the pointer by position.
    this.denseLayer.addEventListener('click', (event) => {
      const hit = this.hitDense(event.clientX, event.clientY);
      if (hit) this.select(hit.placed.event.data.id, 'push');
    });
    this.denseLayer.addEventListener('pointermove', (event) => {
      if (event.pointerType === 'touch') return;
      const hit = this.hitDense(event.clientX, event.clientY);
      if (!hit) {
        this.tooltip?.hide();
        return;
      }
      const box = this.chart.getBoundingClientRect();
      const scale = box.width / this.width;
      const [m0, m1] = hit.extent;
      const rect = new DOMRect(
        box.left + m0 * scale,
        box.top + (hit.placed.y - SPAN_HEIGHT / 2) * scale,
        (m1 - m0) * scale,
        SPAN_HEIGHT * scale,
      );
      this.tooltip?.show(hit.placed.event.data, rect);
    });
    this.denseLayer.addEventListener('pointerleave', () => this.tooltip?.hide());
    this.layer.addEventListener('click', (event) => {
      const id = this.idOf(event.target);
      if (!id) return;
      event.preventDefault();
      this.select(id, 'push');
    });
    this.layer.addEventListener('pointerover', (event) => {
      if (event.pointerType === 'touch') return;
      const id = this.idOf(event.target);
      const mark = (event.target as Element).closest('g.event, g.echo')?.querySelector('.mark');
      if (id && mark) this.showTooltip(id, mark);
    });
    this.layer.addEventListener('pointerout', (event) => {
      const to = event.relatedTarget as Element | null;
      if (!to || this.idOf(to) !== this.idOf(event.target)) this.tooltip?.hide();
    });
    this.layer.addEventListener('focusin', (event) => {
      const id = this.idOf(event.target);
      const event_ = id ? this.byId.get(id) : undefined;
      const mark = event_?.node.querySelector('.mark');
      if (id && mark) this.showTooltip(id, mark);
    });
    this.layer.addEventListener('focusout', () => this.tooltip?.hide());
  }

  private setUpKeyboard(): void {
    this.chart.addEventListener('keydown', (event) => {
      const move = moveOfKey(event.key);
      if (move) {
        event.preventDefault();
        const focused = this.idOf(document.activeElement);
        const current = this.state.event ?? focused;
        const next = stepEvent(this.order, current, move, (id) => this.isHidden(id));
        if (next) {
          this.select(next, this.state.event ? 'replace' : 'push');
          this.reveal(next);
          this.byId.get(next)?.link.focus({ preventScroll: true });
        }
        return;
      }
      const chart = select(this.chart);
      if (event.key === 'Escape') {
        this.tooltip?.hide();
        if (this.state.event) getViewStore().update({ event: undefined });
      } else if (event.key === '+' || event.key === '=') {
        this.zoomBehavior.scaleBy(chart, ZOOM_STEP);
      } else if (event.key === '-') {
        this.zoomBehavior.scaleBy(chart, 1 / ZOOM_STEP);
      } else if (event.key === '0') {
        this.fit();
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  /** On the all-events page, a link to `#event-<id>` (an event list anchor) selects that event. */
  private selectFromAnchor(): void {
    const match = EVENT_ANCHOR.exec(location.hash);
    const id = match?.[1];
    if (id && this.byId.has(id)) getViewStore().update({ event: id }, 'replace');
  }

  // ── Actions ───────────────────────────────────────────────────────────

  /** The event id behind a target: an event's mark, label, link or echo. */
  private idOf(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element)) return undefined;
    const echo = target.closest<SVGElement>('[data-echo-of]');
    if (echo) return echo.dataset.echoOf;
    const node =
      target.closest<SVGElement>('[data-event]') ??
      target.closest('a.event-link')?.querySelector<SVGElement>('[data-event]');
    return node?.dataset.event;
  }

  private isHidden(id: string): boolean {
    return this.byId.get(id)?.filtered ?? true;
  }

  private select(id: string, history: HistoryMode): void {
    if (this.state.event === id) return;
    getViewStore().update({ event: id }, history);
  }

  private setWindow(window: Interval | undefined): void {
    if (!window) {
      getViewStore().update({ from: undefined, to: undefined }, 'replace');
      return;
    }
    getViewStore().update(windowFromRange(window.start, window.end), 'replace');
  }

  /** Back to the whole timeline: animated, or at once when the reader prefers less motion. */
  private fit(): void {
    const chart = select(this.chart);
    if (prefersReducedMotion()) this.zoomBehavior.transform(chart, zoomIdentity);
    else this.zoomBehavior.transform(chart.transition().duration(TRANSITION_MS), zoomIdentity);
  }

  /** Pans (never zooms) so the event's mark is in view, centred, when it is not. */
  private reveal(id: string): void {
    const event = this.byId.get(id);
    if (!event) return;
    const [r0, r1] = this.range;
    const x0 = this.x(event.data.start);
    if (x0 >= r0 && x0 <= r1) return;
    // A point, or the start of a span, comes to the middle of the plot.
    const focus = Math.min(event.data.end, event.data.start + this.visibleSpan() / 4);
    const chart = select(this.chart);
    if (prefersReducedMotion()) {
      this.zoomBehavior.translateTo(chart, this.baseX(focus), 0);
    } else {
      this.zoomBehavior.translateTo(
        chart.transition().duration(TRANSITION_MS),
        this.baseX(focus),
        0,
      );
    }
  }

  private showTooltip(id: string, mark: Element): void {
    const event = this.byId.get(id);
    if (event) this.tooltip?.show(event.data, mark.getBoundingClientRect());
  }

  private showInList(event: TimelineEventData): void {
    const entry = document.getElementById(event.anchor);
    if (!entry) return;
    entry.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    if (!entry.hasAttribute('tabindex')) entry.setAttribute('tabindex', '-1');
    entry.focus({ preventScroll: true });
  }

  // ── State from the store ──────────────────────────────────────────────

  /** Shows a view state: the selected event, the highlighted actor's events and the window. */
  private apply(state: ViewState, previous: ViewState | undefined): void {
    this.state = state;
    const window = viewWindow(state);
    let highlighted = 0;
    for (const event of this.events) {
      const { data, node, link } = event;
      const current = data.id === state.event;
      flag(node, 'aria-current', current, 'true');
      flag(link, 'aria-current', current, 'true');
      const linked = state.actor !== undefined && data.actors.includes(state.actor);
      if (linked) highlighted++;
      flag(node, 'data-highlighted', linked);
      event.filtered =
        window !== undefined && !(data.start < window.end && window.start < data.end);
      flag(node, 'data-filtered', event.filtered);
    }
    flag(this.root, 'data-highlighting', highlighted > 0);
    const tabStop = this.updateTabStop();
    for (const placed of this.placed) {
      const { data, filtered } = placed.event;
      const current = data.id === state.event;
      const linked = state.actor !== undefined && data.actors.includes(state.actor);
      const pinned = current || linked || (placed.event === tabStop && !placed.echo);
      if (pinned !== placed.pinned) {
        placed.pinned = pinned;
        placed.outer.classList.toggle('is-pinned', pinned);
      }
      if (!placed.echo) continue;
      placed.node.classList.toggle('is-current', current);
      placed.node.classList.toggle('is-highlighted', linked);
      placed.node.classList.toggle('is-filtered', filtered);
    }
    this.showWindow(window);
    const selected = state.event ? this.byId.get(state.event) : undefined;
    if (this.details) {
      renderDetails(this.details, selected?.data, this.payload, {
        close: () => getViewStore().update({ event: undefined }),
        showInList: (event) => this.showInList(event),
      });
    }
    if (selected && state.event !== previous?.event && !selected.filtered) {
      this.reveal(selected.data.id);
    }
    this.scheduleDraw();
  }

  /** The window in the brush and the date fields. */
  private showWindow(window: Interval | undefined): void {
    this.overview?.setWindow(window && clampWindow(window, this.domain));
    const from = this.root.querySelector<HTMLInputElement>('[data-window-from]');
    const to = this.root.querySelector<HTMLInputElement>('[data-window-to]');
    if (from) from.value = this.state.from ? isoDay(window?.start ?? 0) : '';
    if (to) to.value = this.state.to ? isoDay((window?.end ?? 1) - 1) : '';
    // Hidden but still taking its room, so the controls do not jump when a window is set.
    const clear = this.root.querySelector<HTMLElement>('[data-window-clear]');
    if (clear) clear.style.visibility = window ? '' : 'hidden';
  }

  /** One event link is in the tab order: the selected one, else the first shown. Returns it. */
  private updateTabStop(): EventView | undefined {
    const selected = this.state.event ? this.byId.get(this.state.event) : undefined;
    const active =
      selected && !selected.filtered ? selected : this.events.find((event) => !event.filtered);
    for (const event of this.events) {
      setAttr(event.link, 'tabindex', event === active ? '0' : '-1');
    }
    return active;
  }

  // ── Layout ────────────────────────────────────────────────────────────

  private baseX(ms: number): number {
    const [d0, d1] = this.domain;
    return this.range[0] + ((ms - d0) / (d1 - d0)) * (this.range[1] - this.range[0]);
  }

  private x(ms: number): number {
    return this.transform.applyX(this.baseX(ms));
  }

  private visibleDomain(): [number, number] {
    const [d0, d1] = this.domain;
    const [r0, r1] = this.range;
    const toMs = (x: number) => d0 + ((this.transform.invertX(x) - r0) / (r1 - r0)) * (d1 - d0);
    return [toMs(r0), toMs(r1)];
  }

  private visibleSpan(): number {
    const [v0, v1] = this.visibleDomain();
    return v1 - v0;
  }

  /** Lanes, bands, heights and echoes for the current width and grouping, then a redraw. */
  private relayout(): void {
    const keep = this.width > 0 ? this.visibleDomain() : undefined;
    this.width = Math.max(1, Math.round(this.scroller.clientWidth));
    this.range = [PLOT_MARGIN, Math.max(PLOT_MARGIN + 1, this.width - PLOT_MARGIN)];

    const boxed = this.events.map((event) => {
      const extent = markExtent(
        event.data.mark,
        this.baseX(event.data.start),
        this.baseX(event.data.end),
      );
      const wanted = wantedLabelWidth(event.titleWidth, extent);
      return {
        id: event.data.id,
        kind: event.data.kind,
        actors: event.data.actors,
        box: laneBox(extent, extent, wanted, this.width, EDGE),
      };
    });
    const names = {
      kinds: this.payload.kinds,
      actors: Object.fromEntries(
        Object.entries(this.payload.actors).map(([id, actor]) => [id, actor.name]),
      ),
    };
    const grouped = this.grouping !== 'none';
    const { bands, marks } = packGroups(boxed, this.grouping, names, {
      maxLanes: MAX_LANES,
      gap: LANE_GAP,
      minLabelWidth: MIN_LABEL_WIDTH,
    });
    const bandOf = new Map(bands.map((band) => [band.key, band]));
    const header = grouped ? GROUP_HEADER_HEIGHT : 0;
    const laneTop = (lane: number, band: GroupBand | undefined) =>
      this.lanesTop + ((band?.index ?? 0) + 1) * header + lane * LANE_HEIGHT;

    for (const old of this.placed) if (old.echo) old.node.remove();
    this.placed = marks.map((mark) => {
      const event = this.byId.get(mark.id) as EventView;
      const node = mark.echo ? this.makeEcho(event) : event.node;
      if (!mark.echo) node.dataset.lane = String(mark.lane);
      return {
        event,
        node,
        outer: mark.echo ? node : event.link,
        mark: node.querySelector('.mark') as SVGElement,
        label: node.querySelector('text.label') as SVGTextElement,
        echo: mark.echo,
        lane: mark.lane,
        y: laneTop(mark.lane, bandOf.get(mark.group)) + MARK_OFFSET_Y,
        culled: false,
        visible: false,
        pinned: false,
        text: '\u0000',
        at: '',
        offset: '',
        size: '',
        labelX: '',
        anchor: '',
        rtl: false,
      };
    });

    const laneCount = bands.reduce((n, band) => n + band.laneCount, 0);
    this.axisY = this.lanesTop + bands.length * header + laneCount * LANE_HEIGHT + AXIS_GAP;
    this.height = Math.round(this.axisY + TICK_LABEL_OFFSET + BOTTOM_PAD);
    this.chart.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);
    this.chart.setAttribute('width', String(this.width));
    this.chart.setAttribute('height', String(this.height));
    this.drawBands(grouped ? bands : [], laneTop);
    this.axisLine.setAttribute('x1', fixed(this.range[0]));
    this.axisLine.setAttribute('x2', fixed(this.range[1]));
    this.axisLine.setAttribute('y1', fixed(this.axisY));
    this.axisLine.setAttribute('y2', fixed(this.axisY));
    for (const marker of this.markers) {
      marker.line.setAttribute('y1', fixed(TOP_PAD + marker.row * MARKER_ROW_HEIGHT));
      marker.line.setAttribute('y2', fixed(this.axisY));
    }
    this.overview?.resize(this.width, this.range);
    this.measureLeft();
    // The echoes are new: give them the current state.
    this.apply(this.state, this.state);

    if (keep) {
      const k = (this.domain[1] - this.domain[0]) / (keep[1] - keep[0]);
      const x = this.range[0] - k * this.baseX(keep[0]);
      this.zoomBehavior.transform(select(this.chart), zoomIdentity.translate(x, 0).scale(k));
    }
    this.draw();
  }

  /** A copy of an event's mark shown in another actor's band. */
  private makeEcho(event: EventView): SVGGElement {
    const echo = event.node.cloneNode(true) as SVGGElement;
    for (const name of echo.getAttributeNames()) {
      if (
        name.startsWith('data-') &&
        !['data-kind', 'data-mark', 'data-within', 'data-approximate'].includes(name)
      ) {
        echo.removeAttribute(name);
      }
    }
    echo.removeAttribute('aria-current');
    echo.classList.remove('event');
    echo.classList.add('echo');
    echo.dataset.echoOf = event.data.id;
    echo.setAttribute('aria-hidden', 'true');
    this.layer.append(echo);
    return echo;
  }

  /** Band headings and rules of a grouped timeline. */
  private drawBands(
    bands: readonly GroupBand[],
    laneTop: (lane: number, band: GroupBand) => number,
  ): void {
    const nodes: SVGElement[] = [];
    for (const band of bands) {
      const top = laneTop(band.firstLane, band) - GROUP_HEADER_HEIGHT;
      nodes.push(
        svgElement('line', { class: 'band-rule', x1: 0, x2: this.width, y1: top, y2: top }),
      );
      const label = svgElement('text', { class: 'band-label', x: this.range[0], y: top + 13 });
      // Bands are named after actors, kinds or articles: a right-to-left name starts at the left edge too.
      label.setAttribute('text-anchor', sideAnchor('start', setSvgText(label, band.label)));
      nodes.push(label);
    }
    this.bands.replaceChildren(...nodes);
  }

  // ── Drawing (every zoom frame) ────────────────────────────────────────

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.drawMarks();
    this.drawAxis();
    this.drawMarkers();
    this.overview?.setViewport(this.visibleDomain());
  }

  private drawMarks(): void {
    const [d0, d1] = this.domain;
    const [r0, r1] = this.range;
    const { k, x: tx } = this.transform;
    // x(t) = t·scale + offset, the zoomed linear scale written out for speed.
    const scale = ((r1 - r0) / (d1 - d0)) * k;
    const offset = (r0 - d0 * ((r1 - r0) / (d1 - d0))) * k + tx;
    const shown: Shown[] = [];
    for (const placed of this.placed) {
      placed.visible = false;
      const { data, filtered } = placed.event;
      if (filtered) continue;
      const x0 = data.start * scale + offset;
      const x1 = data.end * scale + offset;
      const extent = markExtent(data.mark, x0, x1);
      if (extent[1] < -CULL_MARGIN || extent[0] > this.width + CULL_MARGIN) continue;
      placed.visible = true;
      shown.push({ placed, x0, x1, extent });
    }
    const dense = shown.length > MAX_DRAWN_MARKS;
    if (dense !== this.dense) {
      this.dense = dense;
      this.layer.classList.toggle('dense', dense);
      this.denseLayer.classList.toggle('is-shown', dense);
    }
    this.denseShown = dense ? shown : [];
    if (dense) this.drawDense(shown);
    // Elements: every visible mark when sparse; when dense only the pinned (selected, highlighted).
    const drawn: Shown[] = [];
    for (const item of dense ? shown.filter((s) => s.placed.pinned) : shown) {
      this.drawElement(item);
      drawn.push(item);
    }
    for (const placed of this.placed) {
      if (placed.event.filtered || (dense && !placed.pinned)) continue;
      if (placed.visible === placed.culled) {
        placed.culled = !placed.visible;
        placed.outer.classList.toggle('is-culled', placed.culled);
      }
    }
    const labelsOn = !dense;
    if (labelsOn !== this.labelsOn) {
      this.labelsOn = labelsOn;
      this.layer.classList.toggle('no-labels', !labelsOn);
    }
    if (!labelsOn) return;
    const labels = fitLabels(
      drawn.map(({ placed, extent }) => ({
        lane: placed.lane,
        markStart: extent[0],
        markEnd: extent[1],
        wanted: wantedLabelWidth(placed.event.titleWidth, extent),
        sticky: placed.event.data.mark === 'span',
      })),
      [0, this.width],
      { gap: LANE_GAP, edge: EDGE, minWidth: MIN_LABEL_WIDTH },
    );
    drawn.forEach(({ placed, x0 }, i) => {
      this.drawLabel(placed, labels[i] as FittedLabel, x0);
    });
  }

  /** Moves one mark's element (writing only what changed). */
  private drawElement({ placed, x0, x1 }: Shown): void {
    const at = `translate(${fixed(x0)},${placed.y})`;
    if (at !== placed.at) {
      placed.at = at;
      placed.node.setAttribute('transform', at);
    }
    if (placed.event.data.mark !== 'span') return;
    // A long span is cut to the drawing (plus a margin): its dashed outline would otherwise be
    // dashed along its whole length, off-screen too, which is slow to paint when zoomed in.
    const start = Math.max(x0, -CULL_MARGIN);
    const end = Math.min(Math.max(x1, x0 + MIN_SPAN_WIDTH), this.width + CULL_MARGIN);
    const offset = fixed(start - x0);
    const size = fixed(Math.max(end - start, 0));
    if (offset !== placed.offset) {
      placed.offset = offset;
      placed.mark.setAttribute('x', offset);
    }
    if (size !== placed.size) {
      placed.size = size;
      placed.mark.setAttribute('width', size);
    }
  }

  /**
   * Too many marks on screen for one element each: per lane and kind, the marks' extents are
   * merged into runs and drawn as one path of bars, a few dozen elements with a few hundred
   * rectangles whatever the number of events. Events are then found by position (hitDense).
   */
  private drawDense(shown: readonly Shown[]): void {
    const paths = new Map<string, string>();
    const runs = new Map<string, [number, number, number]>();
    const flush = (key: string, run: [number, number, number]) => {
      const [a, b, y] = run;
      const w = fixed(b - a);
      paths.set(key, `${paths.get(key) ?? ''}M${fixed(a)},${y}h${w}v${SPAN_HEIGHT}h-${w}z`);
    };
    // Marks of one lane come in time order, so each run grows left to right.
    for (const { placed, extent } of shown) {
      if (placed.pinned) continue;
      const key = `${placed.lane} ${placed.event.data.kind}`;
      const run = runs.get(key);
      if (run && extent[0] <= run[1] + MERGE_GAP) {
        run[1] = Math.max(run[1], extent[1]);
        continue;
      }
      if (run) flush(key, run);
      runs.set(key, [extent[0], extent[1], placed.y - SPAN_HEIGHT / 2]);
    }
    for (const [key, run] of runs) flush(key, run);
    for (const [key, path] of this.densePaths) {
      if (!paths.has(key)) path.setAttribute('d', '');
    }
    for (const [key, d] of paths) {
      let path = this.densePaths.get(key);
      if (!path) {
        path = svgElement('path', { class: 'dense-marks', 'data-kind': key.split(' ')[1] ?? '' });
        this.denseLayer.append(path);
        this.densePaths.set(key, path);
      }
      if (path.getAttribute('d') !== d) path.setAttribute('d', d);
    }
  }

  /** The mark under a point of the dense layer (client px), nearest first. */
  private hitDense(clientX: number, clientY: number): Shown | undefined {
    const box = this.chart.getBoundingClientRect();
    const x = ((clientX - box.left) * this.width) / box.width;
    const y = ((clientY - box.top) * this.height) / box.height;
    let best: Shown | undefined;
    let distance = Number.POSITIVE_INFINITY;
    for (const item of this.denseShown) {
      if (Math.abs(item.placed.y - y) > SPAN_HEIGHT) continue;
      const [m0, m1] = item.extent;
      const d = x < m0 ? m0 - x : x > m1 ? x - m1 : 0;
      if (d <= HIT_SLOP && d < distance) {
        best = item;
        distance = d;
      }
    }
    return best;
  }

  private drawLabel(placed: Placed, label: FittedLabel, x0: number): void {
    const { title } = placed.event.data;
    const text =
      label.width <= 0
        ? ''
        : label.width >= placed.event.titleWidth
          ? title
          : this.labelMeter.truncate(title, label.width);
    if (text !== placed.text) {
      placed.text = text;
      placed.rtl = setSvgText(placed.label, text);
    }
    if (!text) return;
    const labelX = fixed(label.x - x0);
    if (labelX !== placed.labelX) {
      placed.labelX = labelX;
      placed.label.setAttribute('x', labelX);
    }
    const anchor = sideAnchor(label.side === 'right' ? 'start' : 'end', placed.rtl);
    if (anchor !== placed.anchor) {
      placed.anchor = anchor;
      placed.label.setAttribute('text-anchor', anchor);
    }
  }

  private drawAxis(): void {
    const [r0, r1] = this.range;
    const { ticks, minor } = chooseAxisTicks(this.visibleDomain(), r1 - r0);
    const data: TickDatum[] = [
      ...minor.map((value) => ({ key: `m${value}`, value, label: '', major: false, minor: true })),
      ...ticks.map((tick) => ({ key: `t${tick.value}`, ...tick, minor: false })),
    ];
    const top = this.lanesTop;
    select(this.grid)
      .selectAll<SVGLineElement, TickDatum>('line')
      .data(data, (d) => d.key)
      .join('line')
      .attr('class', (d) => `gridline${d.major ? ' major' : ''}${d.minor ? ' minor' : ''}`)
      .attr('x1', (d) => fixed(this.x(d.value)))
      .attr('x2', (d) => fixed(this.x(d.value)))
      .attr('y1', top)
      .attr('y2', fixed(this.axisY));
    const y = this.axisY;
    const labelled = data.filter((d) => !d.minor);
    select(this.axis)
      .selectAll<SVGGElement, TickDatum>('g.tick')
      .data(labelled, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g');
        g.append('line');
        g.append('text').attr('font-size', TICK_FONT_SIZE);
        return g;
      })
      .attr('class', (d) => `tick${d.major ? ' major' : ''}`)
      .each((d, i, groups) => {
        const g = groups[i] as SVGGElement;
        const x = this.x(d.value);
        const line = g.querySelector('line') as SVGLineElement;
        setAttr(line, 'x1', fixed(x));
        setAttr(line, 'x2', fixed(x));
        setAttr(line, 'y1', fixed(y));
        setAttr(line, 'y2', fixed(y + (d.major ? 2 : 1) * TICK_LENGTH));
        const text = g.querySelector('text') as SVGTextElement;
        if (text.textContent !== d.label) text.textContent = d.label;
        const half = measureText(d.label, TICK_FONT_SIZE) / 2;
        const anchor = x - half < EDGE ? 'start' : x + half > this.width - EDGE ? 'end' : 'middle';
        setAttr(text, 'x', fixed(x));
        setAttr(text, 'y', fixed(y + TICK_LABEL_OFFSET));
        setAttr(text, 'text-anchor', anchor);
      });
  }

  /** Markers follow the zoom; one off-screen is pinned to the edge with an arrow towards it. */
  private drawMarkers(): void {
    const [r0, r1] = this.range;
    for (const marker of this.markers) {
      const at = this.x(marker.start);
      const side = at < r0 ? 'left' : at > r1 ? 'right' : 'in';
      const x = Math.min(r1, Math.max(r0, at));
      // The arrow points off screen: drawn at the left or right end, whichever way the label runs.
      const before = (arrow: string) => (marker.rtl ? marker.label + arrow : arrow + marker.label);
      const after = (arrow: string) => (marker.rtl ? arrow + marker.label : marker.label + arrow);
      const text =
        side === 'left' ? before(LEFT_ARROW) : side === 'right' ? after(RIGHT_ARROW) : marker.label;
      const width = this.markerMeter.width(text);
      const rightRoom = this.width - EDGE - (x + MARKER_LABEL_OFFSET);
      const leftward = side === 'right' || (side === 'in' && width > rightRoom);
      const room = leftward ? x - MARKER_LABEL_OFFSET - EDGE : rightRoom;
      const shown = width <= room ? text : this.markerMeter.truncate(text, Math.max(0, room));
      marker.node.classList.toggle('offscreen', side !== 'in');
      setAttr(marker.line, 'x1', fixed(x));
      setAttr(marker.line, 'x2', fixed(x));
      if (marker.text.textContent !== shown) marker.text.textContent = shown;
      const textX =
        side === 'in' ? (leftward ? x - MARKER_LABEL_OFFSET : x + MARKER_LABEL_OFFSET) : x;
      setAttr(marker.text, 'x', fixed(textX));
      setAttr(marker.text, 'text-anchor', sideAnchor(leftward ? 'end' : 'start', marker.rtl));
    }
  }
}

/** Puts an event's mark and label at coordinates relative to the group's translate. */
function prepareMark(node: SVGGElement): void {
  const mark = node.querySelector('.mark');
  if (mark instanceof SVGCircleElement) {
    mark.setAttribute('cx', '0');
    mark.setAttribute('cy', '0');
  } else if (mark) {
    mark.setAttribute('x', '0');
    mark.setAttribute('y', String(-SPAN_HEIGHT / 2));
    // Dashing a rounded rectangle is many times slower to paint than a square one, and a long
    // dashed span is repainted on every zoom frame; its corners are barely visible anyway.
    if (node.dataset.approximate) mark.setAttribute('rx', '0');
  }
  let label = node.querySelector('text.label');
  if (!label) {
    label = svgElement('text', { class: 'label', 'font-size': LABEL_FONT_SIZE });
    node.append(label);
  }
  label.setAttribute('y', String(LABEL_OFFSET_Y - MARK_OFFSET_Y));
}

/** The `<story-timeline>` element: enhances the `[data-timeline]` figure inside it. */
class StoryTimeline extends HTMLElement {
  private view: TimelineView | undefined;

  connectedCallback(): void {
    if (this.view) return;
    const root = this.querySelector<HTMLElement>('[data-timeline]');
    const payload = root ? readPayload(root) : undefined;
    if (root && payload) this.view = new TimelineView(root, payload);
  }

  disconnectedCallback(): void {
    this.view?.destroy();
    this.view = undefined;
  }
}

if (!customElements.get('story-timeline')) customElements.define('story-timeline', StoryTimeline);
