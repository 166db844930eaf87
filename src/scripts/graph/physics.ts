/**
 * Dragging nodes: the dragged node follows the pointer and its neighbours
 * follow softly, by a d3-force simulation resumed from the baked positions
 * (springs at their baked lengths, a weak pull back home), never a fresh
 * layout. A released node stays pinned; a double-click lets it go. Edges and
 * labels are redrawn with the same geometry functions as the build.
 */
import { drag } from 'd3-drag';
import {
  forceLink,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { select } from 'd3-selection';
import { geometryPath, round1 } from '../../lib/graph/edges.ts';
import {
  type EdgeEnds,
  edgeLabelPoint,
  nearestLabelPosition,
  shapeEdges,
} from '../../lib/graph/interaction/geometry.ts';
import { prefersReducedMotion } from './dom.ts';

/** Alpha kept while a node is held: enough for neighbours to follow, low enough to stay calm. */
const DRAG_ALPHA = 0.3;
/** Alpha given when a node is let go by double-click, so it drifts back among its neighbours. */
const RELEASE_ALPHA = 0.3;
/** How quickly the simulation cools once the node is dropped (d3's default is ~0.023). */
const ALPHA_DECAY = 0.05;
/** Friction: higher settles sooner and moves less. */
const VELOCITY_DECAY = 0.5;
/** Pull of every node towards its baked position, so the picture stays recognisable. */
const HOME_STRENGTH = 0.06;
/** Pointer travel (px) under which a press is a click, not a drag. */
const CLICK_DISTANCE = 4;

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
  homeX: number;
  homeY: number;
  x: number;
  y: number;
}

interface SimLink extends SimulationLinkDatum<SimNode> {
  rest: number;
}

/** A node as drawn, and how its label sits relative to its centre. */
export interface NodeParts {
  group: SVGGElement;
  circle: SVGCircleElement;
  label: SVGTextElement | null;
  x: number;
  y: number;
  r: number;
}

/** An edge as drawn. */
export interface EdgeParts extends EdgeEnds {
  group: SVGGElement;
  path: SVGPathElement;
  hit: SVGPathElement;
  label: SVGTextElement | null;
  labelWidth: number;
}

/** What the diagram hears from dragging. */
export interface DragHooks {
  /** A node started to move (not on a mere click). */
  start(id: string): void;
  end(id: string): void;
}

interface Baked {
  attributes: [Element, string, string][];
  labelOffset: Map<string, { dx: number; dy: number }>;
  labelAt: Map<string, number>;
}

function num(element: Element | null, name: string): number {
  return Number(element?.getAttribute(name) ?? 0);
}

/** Node positions and their drag behaviour. */
export class Physics {
  private readonly nodes = new Map<string, SimNode>();
  private readonly simulation: Simulation<SimNode, SimLink>;
  private readonly baked: Baked;
  private dragging: string | undefined;
  private lastPaths = new Map<string, string>();
  private readonly nodeParts: ReadonlyMap<string, NodeParts>;
  private readonly edgeParts: ReadonlyMap<string, EdgeParts>;
  private readonly labelHeight: number;

  /** `bounds` keeps dragged nodes where the view can still pan to; `labelHeight` is the edge labels' box height. */
  constructor(
    nodeParts: ReadonlyMap<string, NodeParts>,
    edgeParts: ReadonlyMap<string, EdgeParts>,
    world: SVGGElement,
    bounds: { x0: number; y0: number; x1: number; y1: number },
    labelHeight: number,
    hooks: DragHooks,
  ) {
    this.nodeParts = nodeParts;
    this.edgeParts = edgeParts;
    this.labelHeight = labelHeight;
    for (const [id, p] of nodeParts) {
      this.nodes.set(id, { id, r: p.r, x: p.x, y: p.y, homeX: p.x, homeY: p.y });
    }
    this.baked = this.remember();
    const links: SimLink[] = [];
    const seen = new Set<string>();
    for (const e of edgeParts.values()) {
      const a = this.nodes.get(e.from);
      const b = this.nodes.get(e.to);
      const key = e.from < e.to ? `${e.from} ${e.to}` : `${e.to} ${e.from}`;
      if (!a || !b || a === b || seen.has(key)) continue;
      seen.add(key);
      links.push({ source: a, target: b, rest: Math.hypot(a.x - b.x, a.y - b.y) });
    }
    this.simulation = forceSimulation<SimNode, SimLink>([...this.nodes.values()])
      .alphaDecay(ALPHA_DECAY)
      .velocityDecay(VELOCITY_DECAY)
      .force(
        'link',
        forceLink<SimNode, SimLink>(links).distance((l) => l.rest),
      )
      .force('x', forceX<SimNode>((n) => n.homeX).strength(HOME_STRENGTH))
      .force('y', forceY<SimNode>((n) => n.homeY).strength(HOME_STRENGTH))
      .on('tick', () => this.render())
      .stop();

    const behaviour = drag<SVGGElement, string>()
      .container(world)
      .clickDistance(CLICK_DISTANCE)
      .subject((_event, id) => {
        const n = this.nodes.get(id);
        return { x: n?.x ?? 0, y: n?.y ?? 0 };
      })
      .on('drag', (event: { x: number; y: number }, id) => {
        const n = this.nodes.get(id);
        if (!n) return;
        const reduced = prefersReducedMotion();
        if (this.dragging !== id) {
          this.dragging = id;
          hooks.start(id);
          if (!reduced) this.simulation.alphaTarget(DRAG_ALPHA).restart();
        }
        n.fx = Math.min(bounds.x1, Math.max(bounds.x0, event.x));
        n.fy = Math.min(bounds.y1, Math.max(bounds.y0, event.y));
        if (reduced) {
          n.x = n.fx;
          n.y = n.fy;
          this.render();
        }
      })
      .on('end', (_event, id) => {
        if (this.dragging !== id) return;
        this.dragging = undefined;
        this.simulation.alphaTarget(0);
        this.nodeParts.get(id)?.group.setAttribute('data-pinned', '');
        hooks.end(id);
      });
    for (const [id, p] of nodeParts) {
      select(p.group).datum(id).call(behaviour);
      p.group.addEventListener('dblclick', (event) => {
        // A double-click on a node lets it go instead of zooming the view.
        event.stopPropagation();
        event.preventDefault();
        this.unpin(id);
      });
    }
  }

  /** Where a node is drawn now. */
  position(id: string): { x: number; y: number } | undefined {
    const n = this.nodes.get(id);
    return n && { x: n.x, y: n.y };
  }

  /** Whether a node is being dragged right now. */
  get isDragging(): boolean {
    return this.dragging !== undefined;
  }

  /** Lets a pinned node go: it drifts back among its neighbours. */
  unpin(id: string): void {
    const n = this.nodes.get(id);
    const parts = this.nodeParts.get(id);
    if (!n || !parts?.group.hasAttribute('data-pinned')) return;
    n.fx = null;
    n.fy = null;
    parts.group.removeAttribute('data-pinned');
    if (!prefersReducedMotion()) this.simulation.alpha(RELEASE_ALPHA).restart();
  }

  /** Every node back where the build put it, none pinned. */
  reset(): void {
    this.simulation.stop();
    for (const n of this.nodes.values()) {
      n.x = n.homeX;
      n.y = n.homeY;
      n.vx = 0;
      n.vy = 0;
      n.fx = null;
      n.fy = null;
    }
    for (const p of this.nodeParts.values()) p.group.removeAttribute('data-pinned');
    for (const [element, name, value] of this.baked.attributes) element.setAttribute(name, value);
    this.lastPaths = new Map();
  }

  /** Stops the simulation for good (the element left the page). */
  stop(): void {
    this.simulation.stop();
  }

  /** The baked attributes (to restore on reset), label offsets and label spots along edges. */
  private remember(): Baked {
    const attributes: [Element, string, string][] = [];
    const keep = (element: Element | null, ...names: string[]) => {
      for (const name of names) {
        const value = element?.getAttribute(name);
        if (element && value !== null && value !== undefined)
          attributes.push([element, name, value]);
      }
    };
    const labelOffset = new Map<string, { dx: number; dy: number }>();
    for (const [id, p] of this.nodeParts) {
      keep(p.circle, 'cx', 'cy');
      keep(p.label, 'x', 'y');
      labelOffset.set(id, { dx: num(p.label, 'x') - p.x, dy: num(p.label, 'y') - p.y });
    }
    const shapes = shapeEdges([...this.edgeParts.values()], this.circles());
    const labelAt = new Map<string, number>();
    for (const [id, e] of this.edgeParts) {
      keep(e.path, 'd');
      keep(e.hit, 'd');
      keep(e.label, 'x', 'y');
      const shape = shapes.get(id);
      if (shape)
        labelAt.set(
          id,
          nearestLabelPosition(shape, { x: num(e.label, 'x'), y: num(e.label, 'y') }),
        );
    }
    return { attributes, labelOffset, labelAt };
  }

  private circles() {
    return new Map([...this.nodes].map(([id, n]) => [id, { x: n.x, y: n.y, r: n.r }]));
  }

  /** Draws nodes, edges and labels at the current positions; only what changed is touched. */
  private render(): void {
    for (const [id, n] of this.nodes) {
      const p = this.nodeParts.get(id);
      if (!p) continue;
      const x = round1(n.x);
      const y = round1(n.y);
      if (num(p.circle, 'cx') === x && num(p.circle, 'cy') === y) continue;
      p.circle.setAttribute('cx', String(x));
      p.circle.setAttribute('cy', String(y));
      const offset = this.baked.labelOffset.get(id);
      if (p.label && offset) {
        p.label.setAttribute('x', String(round1(x + offset.dx)));
        p.label.setAttribute('y', String(round1(y + offset.dy)));
      }
    }
    const shapes = shapeEdges([...this.edgeParts.values()], this.circles());
    for (const [id, e] of this.edgeParts) {
      const shape = shapes.get(id);
      if (!shape) continue;
      const d = geometryPath(shape);
      if ((this.lastPaths.get(id) ?? e.path.getAttribute('d')) === d) continue;
      this.lastPaths.set(id, d);
      e.path.setAttribute('d', d);
      e.hit.setAttribute('d', d);
      if (e.label) {
        const p = edgeLabelPoint(
          shape,
          this.baked.labelAt.get(id) ?? 0.5,
          e.labelWidth,
          this.labelHeight,
        );
        e.label.setAttribute('x', String(round1(p.x)));
        e.label.setAttribute('y', String(round1(p.y)));
      }
    }
  }
}
