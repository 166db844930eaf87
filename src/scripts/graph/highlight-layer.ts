/**
 * How a large diagram highlights without repainting itself. Changing a style
 * inside the diagram's SVG repaints all of it (at 1,000 actors one hover cost
 * 50–120 ms a frame), so in a large diagram the drawing never changes for a
 * highlight. Two SVGs laid over it do the work instead:
 *
 * - the fade layer: a veil in the page's colour over the whole drawing, and
 *   above it every actor's name again in the muted colour of faded names
 *   (readable at 4.5:1, as in a small diagram). It is painted once and shown
 *   or hidden with `opacity`, which the compositor does without painting;
 * - the picks layer: copies of the highlighted nodes and relations, drawn
 *   over the veil. Only these few elements are painted per highlight.
 *
 * Both are decoration: aria-hidden, never hit by the pointer, without ids;
 * the originals keep their `data-highlighted` flags for scripts and tests.
 */

import { groupLike, IDENTIFYING, SVG_NS } from './dom.ts';
import { fitToDiagram, type Layer, overlay, placeAbove, setChanged } from './overlay.ts';

/** Left off the copies: what identifies an element, and the selection's ARIA state (queries for the current node find the original). */
const NOT_COPIED: ReadonlySet<string> = new Set([...IDENTIFYING, 'aria-current']);
/**
 * How far (in canvas sizes) the veil reaches beyond the canvas on each side,
 * so that a pan or zoom in flight (which moves the painted layer) rarely
 * shows its edge. A layer is painted and composited over all it covers:
 * a veil without bounds made each frame of a drag four times slower.
 */
const VEIL_REACH = 1;

/** A node's name for the fade layer: its label in a group with the node's attributes (its filtered state, its scoped styles). */
function nameOf(group: SVGGElement): SVGGElement | undefined {
  const label = group.querySelector('text');
  if (!label) return undefined;
  const copy = groupLike(group, NOT_COPIED);
  copy.append(label.cloneNode(true));
  return copy;
}

/** A copy of what a node or edge draws, with its attributes (but not its link, hit area or ARIA state). */
function copyOf(original: Original): SVGGElement {
  const group = groupLike(original.group, NOT_COPIED);
  // The selection's look without its ARIA state (queries for the current node find the original only).
  if (original.group.getAttribute('aria-current') === 'true')
    group.setAttribute('data-current', '');
  for (const child of original.group.children) {
    // A node's link is for focus and clicks, which stay with the original: only what it draws is copied.
    const drawn = child.tagName === 'a' ? [...child.children] : [child];
    for (const part of drawn) {
      if (!part.classList.contains('hit')) group.append(part.cloneNode(true));
    }
  }
  return group;
}

/** A node or edge of the diagram, as the layer copies it. */
export interface Original {
  group: SVGGElement;
}

/** The fade and picks layers of one diagram. */
export class HighlightLayer {
  readonly fade: Layer;
  readonly picks: Layer;
  private readonly diagram: SVGSVGElement;
  private readonly nodes: ReadonlyMap<string, Original>;
  private readonly names: SVGGElement;
  private readonly veil: SVGRectElement;
  private readonly edgesGroup: SVGGElement;
  private readonly nodesGroup: SVGGElement;
  /** Whether all faded names must be copied again before they are next shown (nodes were filtered in or out). */
  private stale = true;
  /** Nodes whose faded name must be copied again (they moved). */
  private readonly staleNames = new Set<string>();
  /** Each node's faded name, by node id. */
  private readonly nameCopies = new Map<string, SVGGElement>();
  private shown = false;
  /** The copy of the edge under the pointer, if any. */
  private hovered: SVGGElement | undefined;

  /**
   * Adds both layers right after `diagram` (so anything added after it
   * later, such as a drag's layer, lies above them), styled like its
   * `edges` and `nodes` groups. `nodes` are the diagram's nodes by id.
   */
  constructor(
    diagram: SVGSVGElement,
    edges: SVGGElement,
    nodes: SVGGElement,
    originals: ReadonlyMap<string, Original>,
  ) {
    this.diagram = diagram;
    this.nodes = originals;
    this.fade = overlay(diagram, 'fade-layer');
    this.picks = overlay(diagram, 'picks-layer');
    this.veil = document.createElementNS(SVG_NS, 'rect');
    this.veil.setAttribute('class', 'veil');
    this.names = groupLike(nodes, NOT_COPIED);
    this.fade.world.append(this.names);
    this.fade.svg.prepend(this.veil);
    this.edgesGroup = groupLike(edges, NOT_COPIED);
    this.nodesGroup = groupLike(nodes, NOT_COPIED);
    this.picks.world.append(this.edgesGroup, this.nodesGroup);
    this.size();
    placeAbove(diagram, this.fade.svg, this.picks.svg);
  }

  /** Both layers, for the viewport to move with the drawing. */
  get layers(): readonly Layer[] {
    return [this.fade, this.picks];
  }

  /**
   * These nodes moved (all of them, without `ids`: nodes were also filtered
   * in or out): their faded names are copied again when next shown.
   */
  invalidate(ids?: Iterable<string>): void {
    if (!ids) {
      this.stale = true;
      return;
    }
    for (const id of ids) if (this.nodes.has(id)) this.staleNames.add(id);
  }

  /**
   * Takes the fade layer out of the page while the view moves with nothing
   * highlighted, so that the end of a zoom or pan does not paint a thousand
   * names nobody sees; `park(false)` (or the next highlight) puts it back.
   */
  park(on: boolean): void {
    if (on && this.shown) return;
    this.fade.svg.toggleAttribute('data-parked', on);
    if (!on) this.prepare();
  }

  /** Copies the faded names now if they are out of date, so that the next highlight need not (for an idle moment). */
  prepare(): void {
    this.size();
    if (this.stale) this.copyNames();
    else this.recopyNames();
  }

  /**
   * Shows the veil and copies of these nodes and edges (as they are drawn
   * now, state included), or, with none, hides it all. Nodes are drawn over
   * edges, as in the diagram.
   */
  show(highlight: { nodes: readonly Original[]; edges: readonly Original[] } | undefined): void {
    this.shown = highlight !== undefined;
    this.fade.svg.toggleAttribute('data-shown', this.shown);
    if (highlight) this.park(false);
    this.edgesGroup.replaceChildren(...(highlight?.edges ?? []).map(copyOf));
    this.nodesGroup.replaceChildren(...(highlight?.nodes ?? []).map(copyOf));
  }

  /**
   * Draws the edge under the pointer over everything else, its label shown
   * even where the layout hid it (a small diagram does this with `:hover`,
   * which would repaint a large one), or takes it away.
   */
  hover(edge: Original | undefined): void {
    this.hovered?.remove();
    this.hovered = undefined;
    if (!edge) return;
    this.size();
    this.hovered = copyOf(edge);
    this.hovered.setAttribute('data-hover', '');
    this.nodesGroup.before(this.hovered);
  }

  /** Takes both layers out of the page (while a drag runs), or puts them back. */
  suspend(on: boolean): void {
    this.hover(undefined);
    for (const { svg } of this.layers) svg.toggleAttribute('data-suspended', on);
  }

  private copyNames(): void {
    this.nameCopies.clear();
    for (const [id, { group }] of this.nodes) {
      const copy = nameOf(group);
      if (copy) this.nameCopies.set(id, copy);
    }
    this.names.replaceChildren(...this.nameCopies.values());
    this.stale = false;
    this.staleNames.clear();
  }

  /** Copies again the names of the nodes that moved since they were last shown. */
  private recopyNames(): void {
    for (const id of this.staleNames) {
      const group = this.nodes.get(id)?.group;
      const copy = group && nameOf(group);
      const old = this.nameCopies.get(id);
      if (!copy || !old) continue;
      old.replaceWith(copy);
      this.nameCopies.set(id, copy);
    }
    this.staleNames.clear();
  }

  /**
   * The diagram's viewBox equals its size in px; the layers take both on.
   * Only a change is written: writing even the same viewBox lays out the
   * whole layer again (some 40 ms for a thousand names).
   */
  private size(): void {
    for (const { svg } of this.layers) fitToDiagram(svg, this.diagram);
    const { width, height } = this.diagram.viewBox.baseVal;
    setChanged(this.veil, 'x', String(-VEIL_REACH * width));
    setChanged(this.veil, 'y', String(-VEIL_REACH * height));
    setChanged(this.veil, 'width', String((1 + 2 * VEIL_REACH) * width));
    setChanged(this.veil, 'height', String((1 + 2 * VEIL_REACH) * height));
  }
}
