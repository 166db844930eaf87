/**
 * Dragging nodes: the dragged node follows the pointer and its neighbours
 * follow softly, by a d3-force simulation resumed from the baked positions
 * (springs at their baked lengths, a weak pull back home), never a fresh
 * layout. A released node stays pinned; a double-click lets it go. Edges and
 * labels are redrawn with the same geometry functions as the build.
 *
 * Only the dragged node's neighbourhood (neighbours up to NEIGHBOURHOOD_DEPTH
 * steps away, one in a large diagram; at most MAX_MOVING nodes) is
 * simulated; the nodes around it hold still and anchor its springs. Each
 * tick touches only the nodes that moved and the edges whose shape they
 * change. In a large diagram a DragLayer draws those over the diagram while
 * the simulation runs, so a frame repaints a few dozen shapes rather than
 * thousands.
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
import {
  type EdgeEnds,
  type EdgeGroup,
  groupEdges,
  shapeGroup,
} from '../../lib/graph/edge-shape.ts';
import { geometryPath, round1 } from '../../lib/graph/edges.ts';
import { edgeLabelPoint, nearestLabelPosition } from '../../lib/graph/interaction/geometry.ts';
import { prefersReducedMotion } from './dom.ts';
import type { DragLayer, Drawn } from './drag-layer.ts';

/** Alpha kept while a node is held: enough for neighbours to follow, low enough to stay calm. */
const DRAG_ALPHA = 0.3;
/** Alpha given when a node is let go by double-click, so it drifts back among its neighbours. */
const RELEASE_ALPHA = 0.3;
/** How quickly the simulation cools once the node is dropped (d3's default is ~0.023). */
const ALPHA_DECAY = 0.05;
/**
 * Longest a let-go neighbourhood keeps moving (ms). At 60 frames a second it
 * cools in about 1.9 s (110 ticks); when frames are slow (a large, zoomed-in
 * diagram on a busy machine) the ticks would stretch that to many seconds,
 * with the drag's layer open all the while, so it stops where it is by then.
 */
const COOL_LIMIT = 2500;
/** Friction: higher settles sooner and moves less. */
const VELOCITY_DECAY = 0.5;
/** Pull of every node towards its baked position, so the picture stays recognisable. */
const HOME_STRENGTH = 0.06;
/** Pointer travel (px) under which a press is a click, not a drag. */
const CLICK_DISTANCE = 4;
/** How many steps from the dragged node its neighbours still follow; those further away hold still. */
const NEIGHBOURHOOD_DEPTH = 2;
/** The same in a large diagram (one drawn with a DragLayer): its direct neighbours only, which halves a frame's work at 1,000 actors. */
const LARGE_NEIGHBOURHOOD_DEPTH = 1;
/** Most nodes that move with one drag (the nearest by steps first), so a hub of a large graph stays cheap to drag. */
const MAX_MOVING = 60;
/** Smallest move (px) of a following node worth redrawing mid-drag; where they come to rest is drawn exactly. */
const REDRAW_DISTANCE = 0.5;

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
  /** What moved has come to rest and the diagram shows it in place again. */
  rest(): void;
}

/** Where to keep dragged nodes, and how to draw. */
export interface PhysicsOptions {
  /** Dragged nodes stay inside this box (drawing units), where the view can still pan to. */
  bounds: { x0: number; y0: number; x1: number; y1: number };
  /** The edge labels' box height. */
  labelHeight: number;
  hooks: DragHooks;
  /** Draws moving parts over the diagram (large diagrams); without it they are redrawn in place. */
  layer?: DragLayer;
}

/** One spell of movement: from a drag or a release until the simulation cools. */
interface Run {
  id: string;
  /** The nodes that may move. */
  moving: ReadonlySet<string>;
  simulation?: Simulation<SimNode, SimLink>;
  /** The timer that stops the run after COOL_LIMIT once it cools. */
  limit?: ReturnType<typeof setTimeout>;
}

/** A spring between two actors, at its baked length. */
interface Pair {
  a: string;
  b: string;
  rest: number;
}

interface Baked {
  attributes: [Element, string, string][];
  labelOffset: Map<string, { dx: number; dy: number }>;
  labelAt: Map<string, number>;
}

function num(element: Element | null, name: string): number {
  return Number(element?.getAttribute(name) ?? 0);
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Node positions and their drag behaviour. */
export class Physics {
  private readonly nodes = new Map<string, SimNode>();
  private readonly baked: Baked;
  private dragging: string | undefined;
  private run: Run | undefined;
  private readonly nodeParts: ReadonlyMap<string, NodeParts>;
  private readonly edgeParts: ReadonlyMap<string, EdgeParts>;
  private readonly options: PhysicsOptions;
  /** Each actor's neighbours, as edge-shape groups them (repeats kept: loops turn away from them). */
  private readonly neighbours: Map<string, string[]>;
  /** The edge groups each actor is part of. */
  private readonly groupsOf = new Map<string, EdgeGroup[]>();
  /** The springs each actor has. */
  private readonly pairsOf = new Map<string, Pair[]>();
  /** What each node and edge shows now: centres, paths and edge-label spots. */
  private readonly drawnAt = new Map<string, { x: number; y: number }>();
  private readonly drawnPath = new Map<string, string>();
  /** Where each redrawn edge's label goes. */
  private readonly drawnLabel = new Map<string, { x: number; y: number } | undefined>();
  /** Nodes and edges drawn only in the layer so far: their originals catch up when it closes. */
  private readonly nodesBehind = new Set<string>();
  private readonly edgesBehind = new Set<string>();

  constructor(
    nodeParts: ReadonlyMap<string, NodeParts>,
    edgeParts: ReadonlyMap<string, EdgeParts>,
    world: SVGGElement,
    options: PhysicsOptions,
  ) {
    this.nodeParts = nodeParts;
    this.edgeParts = edgeParts;
    this.options = options;
    for (const [id, p] of nodeParts) {
      this.nodes.set(id, { id, r: p.r, x: p.x, y: p.y, homeX: p.x, homeY: p.y });
    }
    const grouped = groupEdges([...edgeParts.values()]);
    this.neighbours = grouped.neighbours;
    const seen = new Set<string>();
    for (const group of grouped.groups) {
      listIn(this.groupsOf, group.lo).push(group);
      if (group.hi !== group.lo) listIn(this.groupsOf, group.hi).push(group);
      const a = this.nodes.get(group.lo);
      const b = this.nodes.get(group.hi);
      const key = `${group.lo}\u0000${group.hi}`;
      if (!a || !b || a === b || seen.has(key)) continue;
      seen.add(key);
      const pair = { a: a.id, b: b.id, rest: Math.hypot(a.x - b.x, a.y - b.y) };
      listIn(this.pairsOf, a.id).push(pair);
      listIn(this.pairsOf, b.id).push(pair);
    }
    this.baked = this.remember();

    const { bounds, hooks } = options;
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
          this.start(id, reduced ? undefined : DRAG_ALPHA);
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
        this.nodeParts.get(id)?.group.setAttribute('data-pinned', '');
        this.layerCopy(id)?.group.setAttribute('data-pinned', '');
        this.options.layer?.hold(false);
        if (this.run?.simulation) {
          this.run.simulation.alphaTarget(0);
          this.coolWithin(this.run);
        } else this.stopRun();
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

  /** Whether moving parts are drawn in the layer (and hidden in the diagram) right now. */
  get isLayered(): boolean {
    return this.options.layer?.open ?? false;
  }

  /** Lets a pinned node go: it drifts back among its neighbours. */
  unpin(id: string): void {
    const n = this.nodes.get(id);
    const parts = this.nodeParts.get(id);
    if (!n || !parts?.group.hasAttribute('data-pinned')) return;
    n.fx = null;
    n.fy = null;
    parts.group.removeAttribute('data-pinned');
    if (!prefersReducedMotion()) this.start(id, undefined, RELEASE_ALPHA);
  }

  /** Every node back where the build put it, none pinned. */
  reset(): void {
    this.stopRun();
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
    this.drawnAt.clear();
    this.drawnPath.clear();
    this.drawnLabel.clear();
  }

  /** The diagram's nodes or edges changed state (highlight, selection, filter): copies in the layer follow. */
  restyled(): void {
    this.options.layer?.sync();
  }

  /** Stops the simulation for good (the element left the page). */
  stop(): void {
    this.stopRun();
  }

  /** Starts moving the neighbourhood of `id`: held at `target` alpha while dragged, or cooling from `alpha`. */
  private start(id: string, target: number | undefined, alpha?: number): void {
    this.stopRun();
    const moving = this.neighbourhood(id);
    const run: Run = { id, moving };
    this.run = run;
    const layer = this.options.layer;
    if (layer) {
      layer.show(...this.partsMovedBy(moving));
      layer.hold(this.dragging === id);
    }
    if (target === undefined && alpha === undefined) return;
    run.simulation = this.simulate(moving)
      .on('tick', () => this.render())
      .on('end', () => {
        if (this.run === run && !this.dragging) this.stopRun();
      });
    if (target !== undefined) run.simulation.alphaTarget(target);
    else this.coolWithin(run);
    run.simulation.alpha(alpha ?? target ?? 0).restart();
  }

  /** Stops `run` COOL_LIMIT ms from now if it is still cooling then. */
  private coolWithin(run: Run): void {
    clearTimeout(run.limit);
    run.limit = setTimeout(() => {
      if (this.run === run && !this.dragging) this.stopRun();
    }, COOL_LIMIT);
  }

  /** Stops the simulation, brings the diagram's own elements up to date and closes the layer. */
  private stopRun(): void {
    const run = this.run;
    if (!run) return;
    clearTimeout(run.limit);
    run.simulation?.stop();
    this.render(true);
    this.run = undefined;
    const layer = this.options.layer;
    if (!layer?.open) {
      this.options.hooks.rest();
      return;
    }
    layer.close();
    for (const id of this.nodesBehind) {
      const at = this.drawnAt.get(id);
      if (at) this.drawNode(id, at.x, at.y);
    }
    for (const id of this.edgesBehind) this.drawEdge(id);
    this.nodesBehind.clear();
    this.edgesBehind.clear();
    this.options.hooks.rest();
  }

  /** The dragged node and its neighbours a few steps away (see NEIGHBOURHOOD_DEPTH), nearest first, at most MAX_MOVING. */
  private neighbourhood(id: string): Set<string> {
    const moving = new Set([id]);
    let ring = [id];
    const steps = this.options.layer ? LARGE_NEIGHBOURHOOD_DEPTH : NEIGHBOURHOOD_DEPTH;
    for (let depth = 0; depth < steps && moving.size < MAX_MOVING; depth += 1) {
      const next: string[] = [];
      for (const at of ring) {
        for (const other of this.neighbours.get(at) ?? []) {
          if (moving.has(other) || moving.size >= MAX_MOVING) continue;
          moving.add(other);
          next.push(other);
        }
      }
      ring = next;
    }
    return moving;
  }

  /** A simulation of the moving nodes, tied by their springs to neighbours that hold still. */
  private simulate(moving: ReadonlySet<string>): Simulation<SimNode, SimLink> {
    const still = new Map<string, SimNode>();
    const anchor = (id: string): SimNode | undefined => {
      if (moving.has(id)) return this.nodes.get(id);
      let copy = still.get(id);
      const n = this.nodes.get(id);
      if (!copy && n) {
        copy = { ...n, fx: n.x, fy: n.y };
        still.set(id, copy);
      }
      return copy;
    };
    const links: SimLink[] = [];
    const seen = new Set<Pair>();
    for (const id of moving) {
      for (const pair of this.pairsOf.get(id) ?? []) {
        if (seen.has(pair)) continue;
        seen.add(pair);
        const source = anchor(pair.a);
        const target = anchor(pair.b);
        if (source && target) links.push({ source, target, rest: pair.rest });
      }
    }
    const simNodes = [...moving].flatMap((id) => this.nodes.get(id) ?? []);
    return forceSimulation<SimNode, SimLink>([...simNodes, ...still.values()])
      .alphaDecay(ALPHA_DECAY)
      .velocityDecay(VELOCITY_DECAY)
      .force(
        'link',
        forceLink<SimNode, SimLink>(links).distance((l) => l.rest),
      )
      .force('x', forceX<SimNode>((n) => n.homeX).strength(HOME_STRENGTH))
      .force('y', forceY<SimNode>((n) => n.homeY).strength(HOME_STRENGTH))
      .stop();
  }

  /** The groups whose shapes depend on where `id` is: its own, and the loops of its neighbours (they turn away from it). */
  private groupsDependingOn(id: string, into: Set<EdgeGroup>): void {
    for (const group of this.groupsOf.get(id) ?? []) into.add(group);
    for (const other of this.neighbours.get(id) ?? []) {
      for (const group of this.groupsOf.get(other) ?? []) {
        if (group.lo === group.hi) into.add(group);
      }
    }
  }

  /** The drawn parts of the nodes in `moving` and of every edge they may reshape. */
  private partsMovedBy(moving: ReadonlySet<string>): [Map<string, Drawn>, Map<string, Drawn>] {
    const nodes = new Map<string, Drawn>();
    for (const id of moving) {
      const p = this.nodeParts.get(id);
      if (p) nodes.set(id, { group: p.group, shape: p.circle, label: p.label });
    }
    const groups = new Set<EdgeGroup>();
    for (const id of moving) this.groupsDependingOn(id, groups);
    const edges = new Map<string, Drawn>();
    for (const group of groups) {
      for (const { id } of group.edges) {
        const e = this.edgeParts.get(id);
        if (e) edges.set(id, { group: e.group, shape: e.path, label: e.label });
      }
    }
    return [nodes, edges];
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
    const labelAt = new Map<string, number>();
    for (const group of new Set([...this.groupsOf.values()].flat())) {
      for (const [id, shape] of shapeGroup(group, this.nodes, this.neighbours)) {
        const e = this.edgeParts.get(id);
        if (!e) continue;
        keep(e.path, 'd');
        keep(e.hit, 'd');
        keep(e.label, 'x', 'y');
        labelAt.set(
          id,
          nearestLabelPosition(shape, { x: num(e.label, 'x'), y: num(e.label, 'y') }),
        );
      }
    }
    return { attributes, labelOffset, labelAt };
  }

  /** The layer's copy of a node or edge, while it is drawn there. */
  private layerCopy(id: string): Drawn | undefined {
    return this.options.layer?.copyOf(id);
  }

  /** Draws the moving nodes that moved, and the edges they reshape. */
  private render(exact = false): void {
    const run = this.run;
    if (!run) return;
    const groups = new Set<EdgeGroup>();
    for (const id of run.moving) {
      const n = this.nodes.get(id);
      if (!n) continue;
      const x = round1(n.x);
      const y = round1(n.y);
      const at = this.drawnAt.get(id) ?? { x: round1(n.homeX), y: round1(n.homeY) };
      const step = Math.max(Math.abs(x - at.x), Math.abs(y - at.y));
      if (step === 0 || (step < REDRAW_DISTANCE && !exact && id !== this.dragging)) continue;
      this.drawnAt.set(id, { x, y });
      this.drawNode(id, x, y);
      this.groupsDependingOn(id, groups);
    }
    for (const group of groups) {
      for (const [id, shape] of shapeGroup(group, this.nodes, this.neighbours)) {
        const d = geometryPath(shape);
        if ((this.drawnPath.get(id) ?? this.edgeParts.get(id)?.path.getAttribute('d')) === d)
          continue;
        this.drawnPath.set(id, d);
        const e = this.edgeParts.get(id);
        const label = e?.label
          ? edgeLabelPoint(
              shape,
              this.baked.labelAt.get(id) ?? 0.5,
              e.labelWidth,
              this.options.labelHeight,
            )
          : undefined;
        this.drawnLabel.set(id, label && { x: round1(label.x), y: round1(label.y) });
        this.drawEdge(id);
      }
    }
  }

  /** Writes a node's centre (and its label's place) to its copy, or to the diagram when it has none. */
  private drawNode(id: string, x: number, y: number): void {
    const p = this.nodeParts.get(id);
    if (!p) return;
    const copy = this.layerCopy(id);
    if (copy) this.nodesBehind.add(id);
    const circle = copy?.shape ?? p.circle;
    const label = copy ? copy.label : p.label;
    circle.setAttribute('cx', String(x));
    circle.setAttribute('cy', String(y));
    const offset = this.baked.labelOffset.get(id);
    if (label && offset) {
      label.setAttribute('x', String(round1(x + offset.dx)));
      label.setAttribute('y', String(round1(y + offset.dy)));
    }
  }

  /** Writes an edge's last computed path and label spot to its copy, or to the diagram. */
  private drawEdge(id: string): void {
    const e = this.edgeParts.get(id);
    const d = this.drawnPath.get(id);
    if (!e || d === undefined) return;
    const copy = this.layerCopy(id);
    if (copy) {
      this.edgesBehind.add(id);
      copy.shape.setAttribute('d', d);
    } else {
      e.path.setAttribute('d', d);
      e.hit.setAttribute('d', d);
    }
    const label = copy ? copy.label : e.label;
    const at = this.drawnLabel.get(id);
    if (label && at) {
      label.setAttribute('x', String(at.x));
      label.setAttribute('y', String(at.y));
    }
  }
}
