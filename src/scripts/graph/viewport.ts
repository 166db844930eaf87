/**
 * Zoom and pan of the diagram with d3-zoom: wheel, pinch, drag on the
 * background, double-click to zoom in, and the +/−/Fit/Reset buttons. The
 * SVG's viewBox is kept equal to its box in CSS px, so a zoom scale of 1
 * draws labels at their design size; the transform goes on one `<g>`
 * wrapping edges and nodes.
 *
 * Fast path: while a gesture or an animated view change runs, the drawing is
 * not repainted. The sheet holding the SVG is its own compositor layer (CSS
 * `will-change: transform`), and each frame only moves and scales that
 * already painted layer with a CSS transform (the change from the last
 * committed view); the real transform is written on the `<g>` once the
 * gesture ends (d3-zoom's `end`), and the drawing is painted crisp again.
 * d3-zoom listens on the canvas around the sheet, which never moves, so
 * pointer positions stay right while the sheet is shifted. Without this, each
 * frame repaints every node, edge and label: hundreds of ms at 1,000 actors.
 *
 * At rest, on a view the drawing overflows, the sheet clips the drawing to
 * the canvas (`data-clipped`, after CLIP_DELAY), so that a highlight or a
 * focus ring on a zoomed-in view does not make the browser paint and layer
 * the whole drawing again; the first frame of the next gesture unclips it,
 * and pays for painting what lies beyond the canvas once.
 */
import { type Selection, select } from 'd3-selection';
import 'd3-transition';
import { type ZoomBehavior, type ZoomTransform, zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { prefersReducedMotion } from './dom.ts';

/** Room (px) at the top of the canvas kept free for the search box at the first view (Diagram.astro's canvas height includes it). */
const TOOLBAR_ROOM = 48;
/** Room (px) at the bottom kept free for the zoom buttons (included likewise). */
const BUTTON_ROOM = 48;
/** Most the view zooms in, ×. */
const MAX_SCALE = 4;
/** How far out the view may zoom, as a share of the scale that fits the whole graph. */
const MIN_SCALE_SHARE = 0.5;
/** Largest scale Fit uses, so a small graph is not blown up. */
const MAX_FIT_SCALE = 1.5;
/** Space (px) Fit leaves around the graph. */
const FIT_PADDING = 24;
/** Share of the graph (or of the canvas, when the graph is larger) that always stays in view, per axis. */
const KEEP_IN_VIEW = 0.3;
/** Zoom factor of the + and − buttons. */
const BUTTON_FACTOR = 1.5;
/** Length (ms) of animated view changes; none when the reader prefers reduced motion. */
const DURATION = 300;
/** Length (ms) of d3-zoom's double-click zoom, its default. */
const DBLCLICK_DURATION = 250;
/** How close (px) to the canvas edge a node may be before `reveal` pans to it. */
const REVEAL_MARGIN = 40;
/**
 * How long (ms) the view rests before the sheet clips the drawing. Wheel
 * flicks a moment apart then move the already unclipped layer instead of
 * switching the clip each time (at 5,000 actors each switch takes hundreds
 * of ms).
 */
const CLIP_DELAY = 1000;

/** Clicks, wheels and touches that d3-zoom takes: its own default, and only those on the drawing (not the search box or the buttons above it). */
function zoomFilter(svg: SVGSVGElement, event: MouseEvent): boolean {
  return (
    (!event.ctrlKey || event.type === 'wheel') &&
    !event.button &&
    svg.contains(event.target as Node)
  );
}

/** What a viewport works on. */
export interface ViewportOptions {
  /** The element around the sheet that takes the gestures; it never moves. */
  target: HTMLElement;
  /** The element holding the SVG, which a gesture moves and which clips the drawing at rest. */
  sheet: HTMLElement;
  svg: SVGSVGElement;
  /** The `<g>` wrapping edges and nodes, which carries the committed transform. */
  world: SVGGElement;
  /** Further layers over the SVG that move with it (same size, each with its own `<g>`). */
  followers: readonly { svg: SVGSVGElement; world: SVGGElement }[];
  /** The layout's own size. */
  drawing: { width: number; height: number };
  /** How many px on the right the detail panel covers right now (0 when it sits below). */
  reserved: () => number;
  /** Told when the view starts moving (true) and when it rests again, painted crisp (false). */
  moved: (moving: boolean) => void;
}

/** A rectangle in drawing units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The zoomable view of one diagram. */
export class Viewport {
  readonly behaviour: ZoomBehavior<HTMLElement, unknown>;
  private readonly selection: Selection<HTMLElement, unknown, null, undefined>;
  private width = 0;
  private height = 0;
  private touched = false;
  /** The transform written on the `<g>`: what the drawing was last painted with. */
  private committed: ZoomTransform = zoomIdentity;
  /** Whether the sheet is shifted by a CSS transform that is not committed yet. */
  private moving = false;
  /** The commit waiting for the frames after a wheel gesture ended (see `commitSoon`). */
  private pendingCommit: number | undefined;
  /** The clip waiting for the view to rest CLIP_DELAY ms. */
  private clipTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly sheet: HTMLElement;
  private readonly target: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly world: SVGGElement;
  private readonly drawing: { width: number; height: number };
  private readonly reserved: () => number;
  private readonly moved: (moving: boolean) => void;
  /** The sheet and the followers' SVGs, each with its `<g>`: what a view change moves. */
  private readonly layers: readonly { element: HTMLElement | SVGSVGElement; world: SVGGElement }[];

  constructor(options: ViewportOptions) {
    const { target, svg, world } = options;
    this.target = target;
    this.sheet = options.sheet;
    this.svg = svg;
    this.world = world;
    this.drawing = options.drawing;
    this.reserved = options.reserved;
    this.moved = options.moved;
    this.layers = [
      { element: options.sheet, world },
      ...options.followers.map((layer) => ({ element: layer.svg, world: layer.world })),
    ];
    this.selection = select(target);
    this.behaviour = zoom<HTMLElement, unknown>()
      .filter((event: MouseEvent) => zoomFilter(svg, event))
      // d3-zoom animates its own double-click zoom: not when the reader prefers reduced motion.
      .duration(prefersReducedMotion() ? 0 : DBLCLICK_DURATION)
      .scaleExtent([MIN_SCALE_SHARE, MAX_SCALE])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        this.show(event.transform);
        if (event.sourceEvent) this.touched = true;
      })
      .on('end', (event: { sourceEvent: Event | null }) => {
        if (event.sourceEvent?.type === 'wheel') this.commitSoon();
        else this.commit();
      });
    this.resize();
    this.selection.call(this.behaviour);
    this.behaviour.transform(this.selection, this.initial());
  }

  /** The current transform. */
  get transform(): ZoomTransform {
    return zoomTransform(this.target);
  }

  /** Paints the drawing at the current transform now, if a gesture left it shifted. */
  commit(): void {
    this.cancelCommit();
    const t = this.transform;
    if (!this.moving && t === this.committed) return;
    this.moving = false;
    this.committed = t;
    for (const layer of this.layers) {
      layer.world.setAttribute('transform', t.toString());
      layer.element.style.removeProperty('transform');
    }
    clearTimeout(this.clipTimer);
    // Only a view the drawing overflows has anything to clip (not the first view, which fits it all).
    if (this.overflows(t)) {
      this.clipTimer = setTimeout(() => this.sheet.setAttribute('data-clipped', ''), CLIP_DELAY);
    }
    this.moved(false);
  }

  /** Whether the drawing, shown with `t`, reaches beyond the canvas (its laid-out box; reading the drawn one would lay it out now). */
  private overflows(t: ZoomTransform): boolean {
    const box = this.drawingBox();
    const [x0, y0] = t.apply([box.x, box.y]);
    const [x1, y1] = t.apply([box.x + box.width, box.y + box.height]);
    return x0 < 0 || y0 < 0 || x1 > this.width || y1 > this.height;
  }

  /**
   * Commits two frames from now, unless the view moves again first. d3-zoom
   * ends a wheel gesture 150 ms after the last wheel event it handled; when a
   * frame takes longer than that (the first one after the clip, at 5,000
   * actors), the timer runs before the wheel events queued behind that frame,
   * and committing then would repaint the whole drawing between two events
   * of one gesture, again and again.
   */
  private commitSoon(): void {
    this.cancelCommit();
    this.pendingCommit = requestAnimationFrame(() => {
      this.pendingCommit = requestAnimationFrame(() => this.commit());
    });
  }

  private cancelCommit(): void {
    if (this.pendingCommit === undefined) return;
    cancelAnimationFrame(this.pendingCommit);
    this.pendingCommit = undefined;
  }

  /** Shows `t` for this frame: the painted layer moved by the change since the last commit. */
  private show(t: ZoomTransform): void {
    this.cancelCommit();
    const c = this.committed;
    const k = t.k / c.k;
    const x = t.x - c.x * k;
    const y = t.y - c.y * k;
    if (!this.moving) {
      this.moving = true;
      clearTimeout(this.clipTimer);
      this.sheet.removeAttribute('data-clipped');
      this.moved(true);
    }
    for (const layer of this.layers) {
      layer.element.style.setProperty('transform', `translate(${x}px,${y}px) scale(${k})`);
    }
  }

  /**
   * Takes up the canvas's size. The stylesheet sizes it (Diagram.astro: the
   * column's width, the graph's natural height shrunk with it, within limits)
   * and gives the page that size before the script runs, so nothing moves
   * when the diagram is enhanced; here the view follows it.
   */
  resize(): void {
    const width = this.svg.clientWidth || this.drawing.width;
    const height = this.svg.clientHeight || this.drawing.height;
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    const fitScale = this.fitScale(this.drawingBox());
    this.behaviour
      .extent([
        [0, 0],
        [width, height],
      ])
      .scaleExtent([Math.min(fitScale, 1) * MIN_SCALE_SHARE, MAX_SCALE])
      .constrain((transform) => this.keepInView(transform));
    // Until the reader moves the view, keep showing the first view at the new size.
    if (!this.touched) this.behaviour.transform(this.selection, this.initial());
  }

  /** The first view: the whole graph at its natural size or smaller, centred below the search box. */
  initial(): ZoomTransform {
    return this.centredOn(this.drawingBox(), Math.min(1, this.fitScale(this.drawingBox())));
  }

  /** Shows the whole graph as it is now (dragged nodes included). */
  fit(): void {
    const box = this.contentBox();
    this.apply(this.centredOn(box, Math.min(MAX_FIT_SCALE, this.fitScale(box))));
  }

  /** Back to the first view. */
  reset(): void {
    this.touched = false;
    this.apply(this.initial());
  }

  /** Zooms in (`direction` 1) or out (−1) one button step about the centre. */
  zoomStep(direction: 1 | -1): void {
    this.touched = true;
    const factor = BUTTON_FACTOR ** direction;
    if (prefersReducedMotion()) this.behaviour.scaleBy(this.selection, factor);
    else this.behaviour.scaleBy(this.selection.transition().duration(DURATION), factor);
  }

  /** Pans so that the point (drawing units) is in view, unless it already is; `centre` forces it to the middle. */
  reveal(x: number, y: number, centre = false): void {
    const t = this.transform;
    const [sx, sy] = t.apply([x, y]);
    const right = this.width - this.reserved();
    const inside =
      sx > REVEAL_MARGIN &&
      sx < right - REVEAL_MARGIN &&
      sy > TOOLBAR_ROOM &&
      sy < this.height - REVEAL_MARGIN;
    if (inside && !centre) return;
    const k = Math.max(t.k, centre ? 1 : t.k);
    const cx = right / 2;
    const cy = (TOOLBAR_ROOM + this.height) / 2;
    this.apply(zoomIdentity.translate(cx - x * k, cy - y * k).scale(k));
  }

  /**
   * Pans `transform` just enough that part of the graph stays on the canvas,
   * so it cannot be lost; a free pan otherwise (d3's translateExtent would pin
   * a small graph to the middle of a wide canvas instead).
   */
  private keepInView(transform: ZoomTransform): ZoomTransform {
    const shift = (b0: number, b1: number, size: number) => {
      const need = KEEP_IN_VIEW * Math.min(b1 - b0, size);
      if (b0 > size - need) return size - need - b0;
      if (b1 < need) return need - b1;
      return 0;
    };
    const box = this.drawingBox();
    const dx = shift(transform.applyX(box.x), transform.applyX(box.x + box.width), this.width);
    const dy = shift(transform.applyY(box.y), transform.applyY(box.y + box.height), this.height);
    return dx === 0 && dy === 0
      ? transform
      : transform.translate(dx / transform.k, dy / transform.k);
  }

  private apply(transform: ZoomTransform): void {
    if (prefersReducedMotion()) this.behaviour.transform(this.selection, transform);
    else this.behaviour.transform(this.selection.transition().duration(DURATION), transform);
  }

  private drawingBox(): Box {
    return { x: 0, y: 0, width: this.drawing.width, height: this.drawing.height };
  }

  /** Everything drawn, as it is now, in drawing units. */
  private contentBox(): Box {
    const b = this.world.getBBox();
    return b.width > 0 ? { x: b.x, y: b.y, width: b.width, height: b.height } : this.drawingBox();
  }

  /** The scale at which `box` fits the free part of the canvas. */
  private fitScale(box: Box): number {
    const freeWidth = Math.max(1, this.width - this.reserved() - 2 * FIT_PADDING);
    const freeHeight = Math.max(1, this.height - TOOLBAR_ROOM - BUTTON_ROOM);
    return Math.min(freeWidth / Math.max(1, box.width), freeHeight / Math.max(1, box.height));
  }

  private centredOn(box: Box, k: number): ZoomTransform {
    const cx = (this.width - this.reserved()) / 2;
    const cy = TOOLBAR_ROOM + (this.height - TOOLBAR_ROOM - BUTTON_ROOM) / 2;
    return zoomIdentity
      .translate(cx - (box.x + box.width / 2) * k, cy - (box.y + box.height / 2) * k)
      .scale(k);
  }
}
