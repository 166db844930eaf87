/**
 * A small SVG laid over the diagram that draws copies of what a drag moves.
 * Changing anything inside the diagram's SVG repaints all of it (at 1,000
 * actors ~100 ms a frame, even for one circle); while the layer is open the
 * moving nodes and edges are hidden in the diagram and their copies, alone in
 * their own compositor layer, are what each frame repaints. Closing the layer
 * shows the originals again, so the diagram is repainted once per drag.
 *
 * The copies are decoration: aria-hidden, never hit by the pointer, without
 * links or ids; the originals stay in place for focus, keyboard and tests.
 */

import { copyAttributes, groupLike } from './dom.ts';
import { fitToDiagram, overlay, placeAbove } from './overlay.ts';

/** The parts of a node or an edge that a drag redraws. */
export interface Drawn {
  group: SVGGElement;
  /** The circle of a node, the path of an edge. */
  shape: SVGGeometryElement;
  label: SVGTextElement | null;
}

/** Who else draws the same nodes and edges over the diagram (a large diagram's highlight). */
export interface DragLayerListener {
  /** Copies of these node and edge ids are drawn in the drag layer now. */
  opened(ids: ReadonlySet<string>): void;
  /** The originals are back in place, up to date. */
  closed(): void;
}

/** Copies of moving nodes and edges over the diagram. */
export class DragLayer {
  readonly svg: SVGSVGElement;
  /** The `<g>` that carries the view's transform, like the diagram's own. */
  readonly world: SVGGElement;
  private readonly edgesGroup: SVGGElement;
  private readonly nodesGroup: SVGGElement;
  private readonly copies = new Map<string, Drawn>();
  /** Each copy's group with the original group it stands for. */
  private readonly groups: [SVGGElement, SVGGElement][] = [];
  private readonly hidden: SVGElement[] = [];
  private readonly diagram: SVGSVGElement;

  /** Told when copies are shown (with the ids copied) and when the originals are back. */
  private readonly listener: DragLayerListener | undefined;

  /** Adds the layer right above `diagram` (placeAbove), its groups styled like `edges` and `nodes`. */
  constructor(
    diagram: SVGSVGElement,
    edges: SVGGElement,
    nodes: SVGGElement,
    listener?: DragLayerListener,
  ) {
    this.diagram = diagram;
    this.listener = listener;
    ({ svg: this.svg, world: this.world } = overlay(diagram, 'drag-layer'));
    this.edgesGroup = groupLike(edges);
    this.nodesGroup = groupLike(nodes);
    this.world.append(this.edgesGroup, this.nodesGroup);
    placeAbove(diagram, this.svg);
  }

  /** Whether copies are shown now. */
  get open(): boolean {
    return this.copies.size > 0;
  }

  /** The copy drawn for a node or edge id, while the layer is open. */
  copyOf(id: string): Drawn | undefined {
    return this.copies.get(id);
  }

  /** Shows copies of these nodes and edges (by id) instead of the originals. */
  show(nodes: ReadonlyMap<string, Drawn>, edges: ReadonlyMap<string, Drawn>): void {
    this.reset();
    fitToDiagram(this.svg, this.diagram);
    for (const [id, drawn] of edges) this.copies.set(id, this.copy(drawn, this.edgesGroup));
    for (const [id, drawn] of nodes) this.copies.set(id, this.copy(drawn, this.nodesGroup));
    this.listener?.opened(new Set(this.copies.keys()));
  }

  /** Shows the originals again (the caller has brought them up to date) and drops the copies. */
  close(): void {
    const wasOpen = this.open;
    this.reset();
    if (wasOpen) this.listener?.closed();
  }

  private reset(): void {
    this.hold(false);
    for (const element of this.hidden) element.style.removeProperty('visibility');
    this.hidden.length = 0;
    this.groups.length = 0;
    this.copies.clear();
    this.edgesGroup.replaceChildren();
    this.nodesGroup.replaceChildren();
  }

  /**
   * While a node is held, the layer takes the pointer over the whole canvas:
   * otherwise the diagram's hover state changes under the moving pointer and
   * repaints all of it each frame. (d3-drag follows the pointer on the window.)
   */
  hold(on: boolean): void {
    if (on) {
      this.svg.style.setProperty('pointer-events', 'auto');
      this.svg.style.setProperty('cursor', 'grabbing');
    } else {
      this.svg.style.removeProperty('pointer-events');
      this.svg.style.removeProperty('cursor');
    }
  }

  /** Gives each copy the state its original has now (highlighted, selected, filtered, pinned). */
  sync(): void {
    for (const [copy, original] of this.groups) {
      for (const name of copy.getAttributeNames()) {
        if (!original.hasAttribute(name)) copy.removeAttribute(name);
      }
      copyAttributes(original, copy);
    }
  }

  private copy(drawn: Drawn, into: SVGGElement): Drawn {
    const group = groupLike(drawn.group);
    const shape = drawn.shape.cloneNode(false) as SVGGeometryElement;
    const label = drawn.label ? (drawn.label.cloneNode(true) as SVGTextElement) : null;
    group.append(shape);
    if (label) group.append(label);
    into.append(group);
    this.groups.push([group, drawn.group]);
    // The shapes are hidden, not their group: a node's link keeps its focus and its place in the Tab order.
    for (const element of [drawn.shape, drawn.label]) {
      if (!element) continue;
      element.style.setProperty('visibility', 'hidden');
      this.hidden.push(element);
    }
    return { group, shape, label };
  }
}
