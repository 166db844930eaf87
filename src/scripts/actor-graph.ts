/**
 * `<actor-graph>`: makes the pre-rendered relationship diagram explorable.
 * It wraps the `<figure data-diagram>` drawn at build time and keeps every
 * hook of it; its data comes from the figure's JSON payload. Zoom and drag
 * live in ./graph/, pure decisions (filters, highlights, search, arrow
 * moves, wording) in src/lib/graph/interaction/, which is small, pure and
 * dependency-free, so it is imported here rather than written twice. The
 * view (selection, filters, time window) lives in the URL through the
 * page's shared view store, so the timeline and the diagram stay linked.
 *
 * The dates module is imported too (to word the time window the timeline
 * sets): it is small and pure, and the view store already needs its parser.
 */
import { parseDate } from '../lib/dates/parse.ts';
import type { PartialDate } from '../lib/dates/types.ts';
import { directionOfKey, nodeInDirection } from '../lib/graph/interaction/direction.ts';
import { filteredIds, isEdgeActive, toggleValue } from '../lib/graph/interaction/filter.ts';
import { highlightFor } from '../lib/graph/interaction/highlight.ts';
import type {
  DiagramPayload,
  GraphEdgeData,
  GraphNodeData,
} from '../lib/graph/interaction/payload.ts';
import { actorAnnouncement, relationPlain, windowReadout } from '../lib/graph/interaction/text.ts';
import { EMPTY_VIEW, type ViewState, viewWindow } from '../lib/view/state.ts';
import { fromTemplateText } from '../lib/view/template-text.ts';
import { flag, SVG_NS } from './graph/dom.ts';
import { DragLayer } from './graph/drag-layer.ts';
import { HighlightLayer } from './graph/highlight-layer.ts';
import {
  actorDetails,
  isolated,
  type PanelContext,
  relationDetails,
  sentenceNodes,
  sentenceParts,
} from './graph/panel.ts';
import { type EdgeParts, type NodeParts, Physics } from './graph/physics.ts';
import { setUpSearch } from './graph/search-box.ts';
import { Viewport } from './graph/viewport.ts';
import { getViewStore, type ViewStore } from './view-store.ts';

/** Legend hooks and the view-state lists they toggle. */
const LEGEND = [
  { attribute: 'data-filter-category', field: 'hiddenCategories' },
  { attribute: 'data-filter-kind', field: 'hiddenKinds' },
  { attribute: 'data-filter-actor-kind', field: 'hiddenActorKinds' },
] as const;
type LegendField = (typeof LEGEND)[number]['field'];
/** Edge label size (px) should the drawing not say; the layout's own default. */
const FALLBACK_EDGE_FONT_SIZE = 12;
/** Label box height as a multiple of the font size, as the layout measures edge labels. */
const LABEL_LINE_HEIGHT = 1.25;
/** Space (px) between the panel laid over the canvas and the canvas's right edge. */
const PANEL_GAP = 8;
/** Nodes plus edges above which a diagram is large: it fades without transitions (Diagram.astro) and drags in a layer of its own. */
const LARGE_GRAPH = 200;
/** Longest wait (ms) for an idle moment before deferred work runs anyway. */
const IDLE_TIMEOUT_MS = 1000;
/** Share of the drawing's size a node may be dragged beyond its edge (the view pans as far). */
const DRAG_MARGIN_SHARE = 0.5;

interface LegendButton {
  button: HTMLButtonElement;
  field: LegendField;
  value: string;
}

/** Runs `task` when the browser is idle (soon after, where it cannot tell). */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(task, IDLE_TIMEOUT_MS);
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

function parseOptional(raw: string | undefined): PartialDate | undefined {
  if (!raw) return undefined;
  const result = parseDate(raw);
  return result.ok ? result.date : undefined;
}

/** The custom element; one per diagram. */
export class ActorGraph extends HTMLElement {
  private ready = false;
  private root!: HTMLElement;
  private payload!: DiagramPayload;
  private nodes = new Map<string, GraphNodeData>();
  private edges = new Map<string, GraphEdgeData>();
  private kindCategory = new Map<string, string>();
  /** The diagram as highlightFor reads it, built once (hovering asks for it at every node crossed). */
  private highlightGraph!: Parameters<typeof highlightFor>[0];
  private nodeParts = new Map<string, NodeParts>();
  private edgeParts = new Map<string, EdgeParts>();
  private legend: LegendButton[] = [];
  private viewport!: Viewport;
  private physics!: Physics;
  private store!: ViewStore;
  private panel!: HTMLElement;
  private live!: HTMLElement;
  private filtered: ReadonlySet<string> = new Set();
  private filteredActors: ReadonlySet<string> = new Set();
  private pointerHover: string | undefined;
  private viewMoving = false;
  /** Where a mouse or pen is over the diagram (client px), if it is. */
  private pointerAt: { x: number; y: number } | undefined;
  private focusHover: string | undefined;
  private svg!: SVGSVGElement;
  /** A large diagram's highlight, drawn over it (graph/highlight-layer.ts); none in a small one. */
  private highlightLayer: HighlightLayer | undefined;
  /** A large diagram's layer for what a drag moves (graph/drag-layer.ts). */
  private dragLayer: DragLayer | undefined;
  /** Whether the drag layer has closed and the highlight must copy what it held again (at rest). */
  private draggedBack = false;
  /** Nodes and edges a drag draws in its own layer right now. */
  private dragged: ReadonlySet<string> = new Set();
  private disconnect: (() => void) | undefined;

  connectedCallback(): void {
    if (!this.ready) {
      const root = this.querySelector<HTMLElement>('[data-diagram]');
      const svg = root?.querySelector<SVGSVGElement>('.canvas > .sheet > svg');
      // The JSON payload is the text of a <template> (escaped by Astro like any text; quotes as backticks).
      const data = root?.querySelector<HTMLTemplateElement>('template[data-graph-payload]')?.content
        .textContent;
      if (!root || !svg || !data) return;
      this.ready = true;
      this.root = root;
      this.svg = svg;
      this.payload = JSON.parse(fromTemplateText(data)) as DiagramPayload;
      this.nodes = new Map(this.payload.nodes.map((n) => [n.id, n]));
      this.edges = new Map(this.payload.edges.map((e) => [e.id, e]));
      this.kindCategory = new Map(this.payload.edges.map((e) => [e.kind, e.category]));
      this.highlightGraph = {
        nodeIds: new Set(this.nodes.keys()),
        edges: this.payload.edges,
        events: this.payload.events,
      };
      this.store = getViewStore();
      this.enhance(svg);
    }
    // What follows the page (the URL, the canvas size) is dropped on disconnect and taken up again here.
    this.apply(this.store.get(), EMPTY_VIEW);
    const unsubscribe = this.store.subscribe((state, previous) => this.apply(state, previous));
    const observer = new ResizeObserver(() => this.viewport.resize());
    observer.observe(this.svg);
    this.disconnect = () => {
      unsubscribe();
      observer.disconnect();
      this.physics.stop();
    };
  }

  disconnectedCallback(): void {
    this.disconnect?.();
    this.disconnect = undefined;
  }

  private query<T extends Element>(selector: string): T {
    const found = this.root.querySelector<T>(selector);
    if (!found) throw new Error(`actor-graph: missing ${selector}`);
    return found;
  }

  /** Turns the static drawing into the interactive one. */
  private enhance(svg: SVGSVGElement): void {
    const drawing = { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height };
    const edgesGroup = this.query<SVGGElement>('g.edges');
    const nodesGroup = this.query<SVGGElement>('g.nodes');
    const world = document.createElementNS(SVG_NS, 'g');
    world.setAttribute('class', 'viewport');
    world.append(edgesGroup, nodesGroup);
    svg.append(world);
    this.root.setAttribute('data-enhanced', '');
    const large = this.payload.nodes.length + this.payload.edges.length > LARGE_GRAPH;
    flag(this.root, 'data-large', large);
    this.panel = this.query('.panel');
    this.live = this.query('[data-live]');
    const keys = this.query<HTMLElement>('[data-keys]');
    for (const hidden of this.root.querySelectorAll<HTMLElement>('.search, .zoom')) {
      hidden.hidden = false;
    }
    this.collectParts(keys.id);

    // A large diagram draws what a drag moves in a layer of its own (see graph/drag-layer.ts),
    // and its highlight in two more under that one (graph/highlight-layer.ts).
    const layer = large
      ? new DragLayer(svg, edgesGroup, nodesGroup, {
          opened: (ids) => {
            this.dragged = ids;
            // While a drag runs, the highlight's layers step aside: with them, each frame of the drag
            // composites two more canvas-sized layers (at 1,000 actors, zoomed in, 33 ms frames instead of 17).
            this.highlightLayer?.suspend(true);
            if (this.dragLayer) flag(this.dragLayer.svg, 'data-highlighting', false);
          },
          closed: () => {
            // The originals come back up to date right after; physics then calls `rest`.
            this.draggedBack = true;
          },
        })
      : undefined;
    this.dragLayer = layer;
    this.highlightLayer = large
      ? new HighlightLayer(svg, edgesGroup, nodesGroup, this.nodeParts)
      : undefined;
    const highlightLayer = this.highlightLayer;
    if (highlightLayer) whenIdle(() => highlightLayer.prepare());
    const mx = drawing.width * DRAG_MARGIN_SHARE;
    const my = drawing.height * DRAG_MARGIN_SHARE;
    const fontSize = Number(edgesGroup.getAttribute('font-size') ?? FALLBACK_EDGE_FONT_SIZE);
    const labelHeight = fontSize * LABEL_LINE_HEIGHT;
    this.physics = new Physics(this.nodeParts, this.edgeParts, world, {
      bounds: { x0: -mx, y0: -my, x1: drawing.width + mx, y1: drawing.height + my },
      labelHeight,
      hooks: {
        start: (id) => {
          // Drag in the drawing as painted: a view change still in flight is committed first.
          this.viewport.commit();
          this.setPointerHover(id);
        },
        end: () => this.hoverFromPointer(),
        rest: () => {
          if (this.draggedBack) {
            // What the drag moved is back in the diagram, in its new place: the highlight copies it from there.
            this.draggedBack = false;
            this.highlightLayer?.invalidate(this.dragged);
            this.dragged = new Set();
            this.highlightLayer?.suspend(false);
            this.highlight(this.store.get());
          }
          this.hoverFromPointer();
        },
      },
      layer,
    });

    // After the physics: the first view is set at once and asks it what the pointer may highlight.
    this.viewport = new Viewport({
      target: this.query('.canvas'),
      sheet: this.query('.canvas > .sheet'),
      svg,
      world,
      followers: [...(this.highlightLayer?.layers ?? []), ...(layer ? [layer] : [])],
      drawing,
      reserved: () => this.reservedWidth(),
      moved: (moving) => this.viewMoved(moving),
    });

    this.listenToNodes(nodesGroup);
    if (this.highlightLayer) this.listenToEdgeHover(edgesGroup, this.highlightLayer);
    edgesGroup.addEventListener('click', (event) => {
      const id = (event.target as Element).closest<SVGGElement>('[data-relation]')?.dataset
        .relation;
      if (id) this.selectRelation(id);
    });
    svg.addEventListener('click', (event) => {
      // A click on the empty background clears the selection (d3-zoom swallows the click that ends a pan).
      if (!(event.target as Element).closest('.node, .edge')) this.clearSelection();
    });
    this.root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') this.clearSelection(true);
    });
    this.setUpButtons();
    this.setUpLegend();
    setUpSearch(
      this.query<HTMLInputElement>('input[type="search"]'),
      this.query<HTMLUListElement>('.results'),
      this.payload.nodes,
      (id) => this.chooseFromSearch(id),
    );
  }

  /** Finds each node's and edge's drawn parts; adds a wide invisible stroke to each edge so it is easy to click. */
  private collectParts(describedBy: string): void {
    for (const group of this.root.querySelectorAll<SVGGElement>('g.node[data-actor]')) {
      const node = this.nodes.get(group.dataset.actor ?? '');
      const circle = group.querySelector('circle');
      const link = group.querySelector('a');
      if (!node || !circle || !link) continue;
      // The link still works with a modifier key (new tab); a plain click or Enter selects.
      link.setAttribute('role', 'button');
      link.setAttribute('aria-describedby', describedBy);
      this.nodeParts.set(node.id, {
        group,
        circle,
        label: group.querySelector('text'),
        x: node.x,
        y: node.y,
        r: node.r,
      });
    }
    for (const group of this.root.querySelectorAll<SVGGElement>('g.edge[data-relation]')) {
      const edge = this.edges.get(group.dataset.relation ?? '');
      const path = group.querySelector('path');
      if (!edge || !path) continue;
      const hit = document.createElementNS(SVG_NS, 'path');
      hit.setAttribute('class', 'hit');
      hit.setAttribute('d', path.getAttribute('d') ?? '');
      path.after(hit);
      this.edgeParts.set(edge.id, {
        id: edge.id,
        from: edge.from,
        to: edge.to,
        directed: edge.directed,
        group,
        path,
        hit,
        label: group.querySelector('text'),
        labelWidth: edge.labelWidth,
      });
    }
  }

  private listenToNodes(nodesGroup: SVGGElement): void {
    const idOf = (event: Event) =>
      (event.target as Element).closest<SVGGElement>('[data-actor]')?.dataset.actor;
    nodesGroup.addEventListener('click', (event) => {
      const mouse = event as MouseEvent;
      const id = idOf(event);
      // Modified clicks keep the link's own meaning: open the actor page in a new tab or window.
      if (!id || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button !== 0) return;
      event.preventDefault();
      this.selectActor(id);
      this.focusNode(id);
    });
    nodesGroup.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      const id = idOf(event);
      if (!id) return;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        this.selectActor(id);
        return;
      }
      const direction = directionOfKey(key);
      if (!direction) return;
      event.preventDefault();
      const here = this.physics.position(id);
      if (!here) return;
      const candidates = [...this.nodeParts.keys()]
        .filter((other) => !this.nodeParts.get(other)?.group.hasAttribute('data-filtered'))
        .map((other) => ({ id: other, ...(this.physics.position(other) ?? { x: 0, y: 0 }) }));
      const next = nodeInDirection({ id, ...here }, candidates, direction);
      if (next) this.focusNode(next);
    });
    this.root.addEventListener(
      'pointermove',
      (event) => {
        this.pointerAt = { x: event.clientX, y: event.clientY };
        // A node highlighted at the end of a drag (see hoverFromPointer) got no pointerenter,
        // so it gets no pointerleave either: the first move off it ends its highlight.
        if (this.pointerHover !== undefined && !this.physics.isDragging) {
          const over = (event.target as Element | null)?.closest?.('g.node[data-actor]');
          if (!over) this.setPointerHover(undefined);
        }
      },
      { passive: true },
    );
    this.root.addEventListener('pointerleave', () => {
      this.pointerAt = undefined;
      if (!this.physics.isDragging) this.setPointerHover(undefined);
    });
    // Focus listeners go on the HTML root: on an SVG group they would make Chrome put the group itself in the Tab order.
    this.root.addEventListener('focusin', (event) => this.setFocusHover(idOf(event)));
    this.root.addEventListener('focusout', () => this.setFocusHover(undefined));
    for (const [id, parts] of this.nodeParts) {
      // While a node is held, the highlight stays on it as the pointer crosses others.
      parts.group.addEventListener('pointerenter', () => {
        if (!this.physics.isDragging) this.setPointerHover(id);
      });
      parts.group.addEventListener('pointerleave', () => {
        if (!this.physics.isDragging) this.setPointerHover(undefined);
      });
    }
  }

  /** In a large diagram the edge under the pointer is drawn in the highlight's layer, not restyled in place. */
  private listenToEdgeHover(edgesGroup: SVGGElement, layer: HighlightLayer): void {
    const edgeOf = (target: EventTarget | null) =>
      target instanceof Element ? target.closest<SVGGElement>('g.edge[data-relation]') : null;
    edgesGroup.addEventListener('pointerover', (event) => {
      const group = edgeOf(event.target);
      const parts = group ? this.edgeParts.get(group.dataset.relation ?? '') : undefined;
      if (parts && !this.physics.isDragging && !this.viewMoving) layer.hover(parts);
    });
    edgesGroup.addEventListener('pointerout', (event) => {
      if (edgeOf(event.relatedTarget) !== edgeOf(event.target)) layer.hover(undefined);
    });
  }

  private setUpButtons(): void {
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
      button.addEventListener('click', () => {
        const action = button.dataset.zoom;
        if (action === 'in') this.viewport.zoomStep(1);
        else if (action === 'out') this.viewport.zoomStep(-1);
        else if (action === 'fit') this.viewport.fit();
        else if (action === 'reset') {
          this.physics.reset();
          // Nodes jumped back: a large diagram's highlight copies them again.
          this.highlightLayer?.invalidate();
          this.highlight(this.store.get());
          this.viewport.reset();
        }
      });
    }
    const labels = this.query<HTMLButtonElement>('.label-toggle');
    labels.addEventListener('click', () => {
      const on = labels.getAttribute('aria-pressed') !== 'true';
      labels.setAttribute('aria-pressed', String(on));
      flag(this.root, 'data-labels', !on, 'off');
    });
    this.query('.panel-close').addEventListener('click', () => this.clearSelection(true));
    this.query('.readout-clear').addEventListener('click', () =>
      this.store.update({ from: undefined, to: undefined }),
    );
  }

  /** Turns each legend entry into a toggle button carrying the entry's filter hook. */
  private setUpLegend(): void {
    for (const { attribute, field } of LEGEND) {
      for (const item of this.root.querySelectorAll<HTMLLIElement>(`.legend li[${attribute}]`)) {
        const value = item.getAttribute(attribute) ?? '';
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute(attribute, value);
        button.setAttribute('aria-pressed', 'true');
        button.append(...item.childNodes);
        item.removeAttribute(attribute);
        item.append(button);
        this.legend.push({ button, field, value });
        button.addEventListener('click', () => {
          const patch: Partial<ViewState> = {};
          patch[field] = toggleValue(this.store.get()[field], value);
          this.store.update(patch);
        });
      }
    }
  }

  private selectActor(id: string): void {
    this.store.update({ actor: id, relation: undefined });
  }

  private selectRelation(id: string): void {
    this.store.update({ relation: id, actor: undefined });
  }

  private clearSelection(refocus = false): void {
    const state = this.store.get();
    const previous = state.actor;
    if (!state.actor && !state.relation && !state.event) return;
    const panelHadFocus = this.panel.contains(document.activeElement);
    this.store.update({ actor: undefined, relation: undefined, event: undefined });
    if (refocus && panelHadFocus && previous) this.focusNode(previous);
  }

  private chooseFromSearch(id: string): void {
    const node = this.nodes.get(id);
    if (!node) return;
    const hidden = this.store.get().hiddenActorKinds;
    // An actor hidden by the legend is shown again when the reader asks for it by name.
    this.store.update({
      actor: id,
      relation: undefined,
      ...(hidden.includes(node.kind)
        ? { hiddenActorKinds: hidden.filter((k) => k !== node.kind) }
        : {}),
    });
    const at = this.physics.position(id);
    if (at) this.viewport.reveal(at.x, at.y, true);
    this.focusNode(id);
  }

  private focusNode(id: string): void {
    const link = this.nodeParts.get(id)?.group.querySelector('a');
    link?.focus({ preventScroll: true });
    const at = this.physics.position(id);
    if (at) this.viewport.reveal(at.x, at.y);
  }

  private setPointerHover(id: string | undefined): void {
    // While the view moves, nodes slide under a still pointer, and while a drag's copies are shown the
    // nodes under them are hidden: highlights wait until things rest (a change restyles every node).
    if (this.viewMoving || this.physics.isLayered || id === this.pointerHover) return;
    this.pointerHover = id;
    this.highlight(this.store.get());
  }

  /** The view started or stopped moving; once it rests, the node now under the pointer (if any) is highlighted. */
  private viewMoved(moving: boolean): void {
    this.viewMoving = moving;
    // The highlight's names wait out of the page while the view moves, and come back once the reader is idle.
    if (moving) this.highlightLayer?.park(true);
    else if (this.highlightLayer) {
      const layer = this.highlightLayer;
      whenIdle(() => {
        if (!this.viewMoving) layer.park(false);
      });
    }
    if (!moving) this.hoverFromPointer();
  }

  /**
   * Highlights the node the pointer is over now, if any, after a movement
   * that froze the highlight (one hit test; `:hover` may not be up to date yet).
   */
  private hoverFromPointer(): void {
    const at = this.pointerAt;
    const under = at ? document.elementFromPoint(at.x, at.y) : null;
    const node =
      under && this.svg.contains(under) ? under.closest<SVGGElement>('g.node[data-actor]') : null;
    this.setPointerHover(node?.dataset.actor);
  }

  private setFocusHover(id: string | undefined): void {
    this.focusHover = id;
    this.highlight(this.store.get());
  }

  /** Width (px) the panel covers on the canvas's right; 0 when it sits below or is closed. */
  private reservedWidth(): number {
    if (!this.panel || this.panel.hidden) return 0;
    return getComputedStyle(this.panel).position === 'absolute'
      ? this.panel.offsetWidth + PANEL_GAP
      : 0;
  }

  /** Brings the drawing in line with a view state. */
  private apply(state: ViewState, previous: ViewState): void {
    const window = viewWindow(state);
    const filtered = filteredIds(this.payload, state, window);
    this.filtered = filtered.relations;
    // The faded names of a large diagram's highlight leave filtered actors out: copied again when those change.
    if (!sameIds(filtered.actors, this.filteredActors)) this.highlightLayer?.invalidate();
    this.filteredActors = filtered.actors;
    for (const [id, parts] of this.nodeParts) {
      flag(parts.group, 'data-filtered', filtered.actors.has(id));
      const current = state.actor === id;
      flag(parts.group, 'aria-current', current, 'true');
      const link = parts.group.querySelector('a');
      if (link) flag(link, 'aria-current', current, 'true');
    }
    for (const [id, parts] of this.edgeParts) {
      flag(parts.group, 'data-filtered', filtered.relations.has(id));
      flag(parts.group, 'aria-current', state.relation === id, 'true');
    }
    for (const { button, field, value } of this.legend) {
      button.setAttribute('aria-pressed', String(!state[field].includes(value)));
      if (field === 'hiddenKinds') {
        flag(
          button,
          'data-muted',
          state.hiddenCategories.includes(this.kindCategory.get(value) ?? ''),
        );
      }
    }
    this.showWindow(state, window);
    this.highlight(state);
    this.showPanel(state);
    if (state.actor !== previous.actor || state.relation !== previous.relation) {
      this.announce(state);
      const focusId =
        state.actor ?? (state.relation ? this.edges.get(state.relation)?.from : undefined);
      const at = focusId ? this.physics.position(focusId) : undefined;
      if (at) this.viewport.reveal(at.x, at.y);
    }
  }

  private showWindow(state: ViewState, window: ReturnType<typeof viewWindow>): void {
    const readout = this.query<HTMLElement>('.readout');
    readout.hidden = window === undefined;
    if (!window) return;
    const active = this.payload.edges.filter((e) => isEdgeActive(e, window)).length;
    this.query('.readout-text').textContent = windowReadout(
      parseOptional(state.from),
      parseOptional(state.to),
      active,
      this.payload.edges.length,
    );
  }

  private highlight(state: ViewState): void {
    const h = highlightFor(this.highlightGraph, {
      hover: this.pointerHover ?? this.focusHover,
      actor: state.actor,
      relation: state.relation,
      event: state.event,
    });
    // A large diagram marks its layers, not itself: a change at its root restyles
    // every one of its thousands of elements (70–100 ms at 1,000 actors).
    const layered = this.highlightLayer !== undefined;
    flag(this.root, 'data-highlighting', h !== undefined && !layered);
    if (this.dragLayer) {
      flag(this.dragLayer.svg, 'data-highlighting', h !== undefined && this.dragged.size === 0);
    }
    for (const [id, parts] of this.nodeParts)
      flag(parts.group, 'data-highlighted', h?.actors.has(id) ?? false);
    for (const [id, parts] of this.edgeParts)
      flag(parts.group, 'data-highlighted', h?.relations.has(id) ?? false);
    const pick = <T>(parts: ReadonlyMap<string, T>, ids: ReadonlySet<string>) =>
      [...ids].flatMap((id) => parts.get(id) ?? []);
    this.highlightLayer?.show(
      h && { nodes: pick(this.nodeParts, h.actors), edges: pick(this.edgeParts, h.relations) },
    );
    // Copies that a drag shows over the diagram take on the same state (apply() ends here too).
    this.physics.restyled();
  }

  private showPanel(state: ViewState): void {
    const edge = state.relation ? this.edges.get(state.relation) : undefined;
    const node = !edge && state.actor ? this.nodes.get(state.actor) : undefined;
    this.panel.hidden = !edge && !node;
    if (!edge && !node) return;
    const ctx: PanelContext = {
      nodes: this.nodes,
      edges: this.payload.edges,
      filtered: this.filtered,
      selectActor: (id) => {
        this.selectActor(id);
        this.focusNode(id);
      },
      selectRelation: (id) => {
        this.selectRelation(id);
        // The button pressed is gone with the old contents: keep focus in the panel, on its new heading.
        this.query<HTMLElement>('.panel-title').focus();
      },
    };
    this.query('.panel-title').replaceChildren(
      ...(edge ? sentenceNodes(sentenceParts(edge, this.nodes)) : [isolated(node?.name ?? '')]),
    );
    const body = this.query('.panel-body');
    body.replaceChildren(
      ...(edge ? relationDetails(ctx, edge) : node ? actorDetails(ctx, node) : []),
    );
    body.scrollTop = 0;
  }

  private announce(state: ViewState): void {
    const edge = state.relation ? this.edges.get(state.relation) : undefined;
    const node = state.actor ? this.nodes.get(state.actor) : undefined;
    let message = 'Selection cleared';
    if (edge) message = `Relation selected: ${relationPlain(sentenceParts(edge, this.nodes))}`;
    else if (node) {
      const count = this.payload.edges.filter((e) => e.from === node.id || e.to === node.id).length;
      message = actorAnnouncement(node.name, count);
    }
    this.live.textContent = message;
  }
}

if (!customElements.get('actor-graph')) customElements.define('actor-graph', ActorGraph);
