/**
 * Build-time layout of the actor–relation diagram: a seeded d3-force
 * simulation run to rest (or, for a star such as an ego network, a ring
 * around its centre: radial.ts), edges shaped around it, labels placed so
 * they do not collide, everything fitted into a viewBox. Same input, same output.
 * Layouts are cached across builds (cache.ts): when a change here draws the
 * same input differently, bump LAYOUT_VERSION there.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { randomLcg } from 'd3-random';
import type { Actor, Relation, RelationCategory, RelationKind } from '../model/types.ts';
import { measureText, truncateText } from '../text/measure.ts';
import { shapeEdges as shapeEdgesById } from './edge-shape.ts';
import {
  type EdgeGeometry,
  edgeSegments,
  geometryPath,
  pointAt,
  round1,
  samplePoints,
  translateGeometry,
} from './edges.ts';
import {
  type Circle,
  circleRect,
  type LabelCandidate,
  labelAt,
  nodeLabelCandidates,
  type Point,
  placeLabels,
  type Rect,
} from './labels.ts';
import { type PairLink, ringPositions, type Spoke, starCentre } from './radial.ts';
import type {
  EdgeLabelPosition,
  GraphInput,
  GraphLayout,
  LayoutEdge,
  LayoutNode,
  LayoutOptions,
  NodeLabel,
} from './types.ts';

export { ARROW_SIZE } from './edges.ts';

/** Font size (px, viewBox units) of node labels; the component must draw them at this size. */
export const NODE_FONT_SIZE = 14;
/** Font size (px, viewBox units) of edge labels. */
export const EDGE_FONT_SIZE = 12;
/** Label box height as a multiple of the font size: the glyphs plus a little air. */
const LINE_HEIGHT = 1.25;
/** Longest node label, px; longer names get an ellipsis (the full name is in the node's title). */
const MAX_NODE_LABEL_WIDTH = 150;
/** Longest edge label, px. */
const MAX_EDGE_LABEL_WIDTH = 130;
/** Space (px) between a node's circle and its label. */
const NODE_LABEL_GAP = 3;
/** Air (px) kept around edge labels when testing them for collisions. */
const EDGE_LABEL_MARGIN = 2;
/** Where along an edge its label may sit, in order of preference: the middle, then outwards. */
const EDGE_LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7];

/** Node radius by degree (relations touching the actor): the first step whose minimum is met. */
const RADIUS_STEPS: readonly { minDegree: number; r: number }[] = [
  { minDegree: 7, r: 15 },
  { minDegree: 4, r: 12 },
  { minDegree: 2, r: 9 },
  { minDegree: 0, r: 7 },
];

/** Any fixed number in [0, 1) works; fixing it is what makes the layout reproducible. */
const DEFAULT_SEED = 0.4242;
/** d3's own starting arrangement: a phyllotaxis spiral with this spacing (px)… */
const INITIAL_RADIUS = 10;
/** …and the golden angle between consecutive nodes. */
const INITIAL_ANGLE = Math.PI * (3 - Math.sqrt(5));
/**
 * Seeded jitter (px) added to the spiral. Without it the seed would only
 * matter when two nodes coincide; with it another seed gives a genuinely
 * different layout, so an author can pick one that reads better.
 */
const INITIAL_JITTER = 8;
/**
 * d3's own schedule: alpha starts at 1 and decays by 1 − 0.001^(1/300) per
 * tick, reaching its stopping point alphaMin = 0.001 after exactly 300 ticks.
 * Running those 300 by hand gives the layout d3 would settle on by itself.
 */
const DEFAULT_TICKS = 300;
/** d3's stopping point for alpha; the cooling schedule is fitted to reach it in the ticks asked for. */
const ALPHA_MIN = 0.001;
/**
 * From this many actors on, a graph is "large" and the defaults trade polish
 * for time: the whole-story diagram of a big site would otherwise take
 * seconds (1,000 actors: 3.4 s at full settings, under 1 s with these).
 */
const LARGE_GRAPH = 300;
/** Fewest ticks for a large graph: below this the layout visibly has not settled. */
const MIN_LARGE_TICKS = 60;
/** Node repulsion (negative = push apart); strong enough that labels get room. */
const CHARGE_STRENGTH = -500;
/** Repulsion stops acting beyond this distance (px), so isolated actors are not flung far out. */
const CHARGE_RANGE = 300;
/** Pull of each node towards the centre: keeps isolated actors and separate clusters close by. */
const CENTER_STRENGTH = 0.06;
/** Room (px) on a link besides the two radii and its label's width. */
const LINK_SLACK = 36;
/** Shortest link (px), so short-labelled pairs still read as separate. */
const MIN_LINK_DISTANCE = 70;
/** Extra radius (px) in the collision force around each node's circle-and-label footprint. */
const COLLIDE_PADDING = 6;
/** Collision passes per tick; two resolve overlaps noticeably better than d3's default one. */
const COLLIDE_ITERATIONS = 2;
/** Collision passes for large graphs: one pass halves the cost of the costliest force. */
const LARGE_COLLIDE_ITERATIONS = 1;

/** Empty border (px) around the drawing inside the viewBox. */
const DEFAULT_PADDING = 16;
/**
 * Smallest viewBox width (px): a graph of two actors still gets a canvas
 * that reads as a figure, yet fits a phone at its natural size (the
 * component never scales the drawing up, so small graphs are not blown up).
 */
const DEFAULT_MIN_WIDTH = 320;
/** Smallest viewBox height (px). */
const DEFAULT_MIN_HEIGHT = 200;
/** Default width/height preference: landscape, as pages are wider than tall. */
const DEFAULT_ASPECT = 1.4;

interface SimNode extends SimulationNodeDatum {
  id: string;
  r: number;
  collide: number;
}

interface SimLink extends SimulationLinkDatum<SimNode> {
  distance: number;
}

/** A relation with what the drawing needs from its kind. */
interface ResolvedEdge {
  relation: Relation;
  category: RelationCategory;
  directed: boolean;
  label: string;
  text: string;
  textWidth: number;
}

/** Fallback for a relation whose kind is not in the vocabulary (the model's validation prevents this). */
function kindOf(kinds: ReadonlyMap<string, RelationKind>, id: string): RelationKind {
  return kinds.get(id) ?? { id, label: id, inverse: id, directed: true, category: 'structure' };
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ticks for a graph of `size` actors: d3's 300, fewer for large graphs (inversely to their size). */
export function defaultTicks(size: number): number {
  if (size <= LARGE_GRAPH) return DEFAULT_TICKS;
  return Math.max(MIN_LARGE_TICKS, Math.round((DEFAULT_TICKS * LARGE_GRAPH) / size));
}

/** Node radius for a degree. */
export function radiusForDegree(degree: number): number {
  for (const step of RADIUS_STEPS) if (degree >= step.minDegree) return step.r;
  return RADIUS_STEPS[RADIUS_STEPS.length - 1]?.r ?? 0;
}

/** Two actor ids in sorted order: the canonical direction of their pair. */
function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Key shared by all relations between two actors, whatever their direction. */
function pairKey(a: string, b: string): string {
  return orderedPair(a, b).join('\u0000');
}

function resolveEdges(input: GraphInput, known: ReadonlySet<string>): ResolvedEdge[] {
  const kinds = new Map(input.kinds.map((k) => [k.id, k]));
  return [...input.relations]
    .filter((r) => known.has(r.from) && known.has(r.to))
    .sort(byId)
    .map((relation) => {
      const kind = kindOf(kinds, relation.kind);
      const label = relation.label ?? kind.label;
      const text = truncateText(label, EDGE_FONT_SIZE, MAX_EDGE_LABEL_WIDTH);
      return {
        relation,
        category: kind.category,
        directed: kind.directed,
        label,
        text,
        textWidth: measureText(text, EDGE_FONT_SIZE),
      };
    });
}

function degrees(actors: readonly Actor[], edges: readonly ResolvedEdge[]): Map<string, number> {
  const out = new Map(actors.map((a) => [a.id, 0]));
  for (const { relation } of edges) {
    out.set(relation.from, (out.get(relation.from) ?? 0) + 1);
    if (relation.to !== relation.from) out.set(relation.to, (out.get(relation.to) ?? 0) + 1);
  }
  return out;
}

/** One link per pair of actors: parallel relations share the spring, with room for the longest label. Sorted by pair. */
function pairLinks(radii: ReadonlyMap<string, number>, edges: readonly ResolvedEdge[]): PairLink[] {
  const pairs = new Map<string, PairLink>();
  for (const e of edges) {
    const { from, to } = e.relation;
    if (from === to) continue;
    const key = pairKey(from, to);
    const distance = Math.max(
      MIN_LINK_DISTANCE,
      (radii.get(from) ?? 0) + (radii.get(to) ?? 0) + LINK_SLACK + e.textWidth,
    );
    const link = pairs.get(key);
    if (link) link.distance = Math.max(link.distance, distance);
    else {
      const [source, target] = orderedPair(from, to);
      pairs.set(key, { source, target, distance });
    }
  }
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, l]) => l);
}

/**
 * A star's resting positions (see radial.ts), or undefined when the graph is
 * not a star. Spokes are ordered by the category and kind of their first
 * relation with the centre, so links of one colour sit together.
 */
function starPositions(
  nodes: readonly PreparedNode[],
  edges: readonly ResolvedEdge[],
  links: readonly PairLink[],
  preferred: string | undefined,
): Map<string, Point> | undefined {
  const centre = starCentre(
    nodes.map((n) => n.actor.id),
    links,
    new Map(nodes.map((n) => [n.actor.id, n.degree])),
    preferred,
  );
  if (centre === undefined) return undefined;
  const firstEdge = new Map<string, ResolvedEdge>();
  for (const e of edges) {
    const { from, to } = e.relation;
    const other: string = from === centre ? to : from;
    if (other !== centre && !firstEdge.has(other)) firstEdge.set(other, e);
  }
  const footprint = new Map(nodes.map((n) => [n.actor.id, n.collide]));
  const spokes: Spoke[] = links.map((l) => {
    const id = l.source === centre ? l.target : l.source;
    const e = firstEdge.get(id);
    return {
      id,
      distance: l.distance,
      collide: footprint.get(id) ?? 0,
      order: e ? `${e.category}\u0000${e.relation.kind}` : '',
    };
  });
  return ringPositions(centre, footprint.get(centre) ?? 0, spokes);
}

/** Runs the seeded simulation on copies and returns each actor's resting position. */
function simulate(
  nodes: readonly SimNode[],
  links: readonly PairLink[],
  options: Required<Pick<LayoutOptions, 'seed' | 'ticks' | 'aspect' | 'collideIterations'>>,
): Map<string, Point> {
  const random = randomLcg(options.seed);
  const simNodes: SimNode[] = nodes.map((n, i) => {
    const radius = INITIAL_RADIUS * Math.sqrt(0.5 + i);
    const angle = i * INITIAL_ANGLE;
    return {
      id: n.id,
      r: n.r,
      collide: n.collide,
      x: radius * Math.cos(angle) + (random() - 0.5) * INITIAL_JITTER,
      y: radius * Math.sin(angle) + (random() - 0.5) * INITIAL_JITTER,
    };
  });
  const simLinks: SimLink[] = links.map((l) => ({ ...l }));

  const simulation = forceSimulation(simNodes)
    .randomSource(random)
    .force(
      'link',
      forceLink<SimNode, SimLink>(simLinks)
        .id((n) => n.id)
        .distance((l) => l.distance),
    )
    .force('charge', forceManyBody<SimNode>().strength(CHARGE_STRENGTH).distanceMax(CHARGE_RANGE))
    .force('collide', forceCollide<SimNode>((n) => n.collide).iterations(options.collideIterations))
    .force('x', forceX<SimNode>(0).strength(CENTER_STRENGTH))
    .force('y', forceY<SimNode>(0).strength(CENTER_STRENGTH * options.aspect))
    // Cool from alpha 1 to ALPHA_MIN in exactly `ticks` steps; for 300 this is d3's own default decay.
    .alphaDecay(1 - ALPHA_MIN ** (1 / options.ticks))
    .stop();
  simulation.tick(options.ticks);
  return new Map(simNodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

/** Shapes every edge (see edge-shape.ts, shared with the browser), in the order of `edges`. */
function shapeEdges(
  edges: readonly ResolvedEdge[],
  circles: ReadonlyMap<string, Circle>,
): EdgeGeometry[] {
  const shapes = shapeEdgesById(
    edges.map(({ relation, directed }) => ({ ...relation, directed })),
    circles,
  );
  return edges.map((e) => {
    const shape = shapes.get(e.relation.id);
    if (!shape) throw new Error(`Relation \`${e.relation.id}\` has no shape`);
    return shape;
  });
}

function nodeLabelHeight(): number {
  return NODE_FONT_SIZE * LINE_HEIGHT;
}

function edgeLabelHeight(): number {
  return EDGE_FONT_SIZE * LINE_HEIGHT;
}

/** The box a laid-out node label occupies. */
export function nodeLabelBox(label: NodeLabel): Rect {
  return labelAt(label.x, label.y, label.width, nodeLabelHeight(), label.anchor).rect;
}

/** The box a laid-out edge label occupies (without the collision margin). */
export function edgeLabelBox(pos: EdgeLabelPosition): Rect {
  return labelAt(pos.x, pos.y, pos.width, edgeLabelHeight(), 'middle').rect;
}

function inflate(rect: Rect, by: number): Rect {
  return {
    x: rect.x - by,
    y: rect.y - by,
    width: rect.width + 2 * by,
    height: rect.height + 2 * by,
  };
}

/** Candidate places for an edge's label: along the edge from the middle outwards; a loop's just outside its apex. */
function edgeLabelCandidates(g: EdgeGeometry, width: number): LabelCandidate[] {
  const height = edgeLabelHeight();
  if (g.type === 'loop') {
    const apex = pointAt(g, 0.5);
    // Push the box outwards until its border (not its centre) reaches the loop's apex.
    const cos = Math.abs(Math.cos(g.angle));
    const sin = Math.abs(Math.sin(g.angle));
    const push =
      Math.min(cos > 0 ? width / 2 / cos : Infinity, sin > 0 ? height / 2 / sin : Infinity) +
      EDGE_LABEL_MARGIN;
    return [
      labelAt(
        apex.x + Math.cos(g.angle) * push,
        apex.y + Math.sin(g.angle) * push,
        width,
        height,
        'middle',
      ),
    ];
  }
  return EDGE_LABEL_POSITIONS.map((t) => {
    const p = pointAt(g, t);
    return labelAt(p.x, p.y, width, height, 'middle');
  });
}

function extend(box: Rect | undefined, r: Rect): Rect {
  if (!box) return { ...r };
  const x = Math.min(box.x, r.x);
  const y = Math.min(box.y, r.y);
  return {
    x,
    y,
    width: Math.max(box.x + box.width, r.x + r.width) - x,
    height: Math.max(box.y + box.height, r.y + r.height) - y,
  };
}

/** An actor with its size and label text, before it has a position. */
interface PreparedNode {
  actor: Actor;
  degree: number;
  r: number;
  text: string;
  width: number;
  collide: number;
}

function prepareNodes(actors: readonly Actor[], edges: readonly ResolvedEdge[]): PreparedNode[] {
  const degree = degrees(actors, edges);
  return actors.map((actor) => {
    const d = degree.get(actor.id) ?? 0;
    const r = radiusForDegree(d);
    const text = truncateText(actor.name, NODE_FONT_SIZE, MAX_NODE_LABEL_WIDTH);
    const width = measureText(text, NODE_FONT_SIZE);
    // The footprint of circle plus a label on any side: the collision force keeps these apart.
    const collide = Math.max(r + NODE_LABEL_GAP + nodeLabelHeight(), width / 2) + COLLIDE_PADDING;
    return { actor, degree: d, r, text, width, collide };
  });
}

/** Node labels, best-connected actors first (ties by id), avoiding circles and, where possible, edges. */
function placeNodeLabels(
  nodes: readonly PreparedNode[],
  circles: readonly Circle[],
  shapes: readonly EdgeGeometry[],
): LabelCandidate[] {
  const order = nodes
    .map((node, index) => ({ node, index }))
    .sort((a, b) => b.node.degree - a.node.degree || byId(a.node.actor, b.node.actor));
  const chosen = placeLabels(
    order.map(({ index, node }) => {
      const circle = circles[index] ?? { x: 0, y: 0, r: node.r };
      return nodeLabelCandidates(circle, node.width, nodeLabelHeight(), NODE_LABEL_GAP);
    }),
    { circles, segments: shapes.flatMap(edgeSegments) },
    { allowOverlap: true },
  );
  const out: LabelCandidate[] = new Array(nodes.length);
  order.forEach(({ index }, k) => {
    const c = chosen[k];
    if (c) out[index] = c;
  });
  return out;
}

/** An edge label's spot: where it was placed, or where it would go when revealed. */
interface EdgeLabelSpot {
  at: LabelCandidate;
  hidden: boolean;
}

/** Edge labels, in relation-id order, shown only where they hit no circle, node label or earlier edge label. */
function placeEdgeLabels(
  edges: readonly ResolvedEdge[],
  shapes: readonly EdgeGeometry[],
  circles: readonly Circle[],
  nodeLabels: readonly LabelCandidate[],
): EdgeLabelSpot[] {
  const candidates = shapes.map((g, i) =>
    edgeLabelCandidates(g, edges[i]?.textWidth ?? 0).map((c) => ({
      ...c,
      rect: inflate(c.rect, EDGE_LABEL_MARGIN),
    })),
  );
  const chosen = placeLabels(
    candidates,
    { circles, rects: nodeLabels.map((l) => l.rect) },
    { allowOverlap: false },
  );
  return candidates.map((cands, i) => {
    const placed = chosen[i];
    const at = placed ?? cands[0] ?? labelAt(0, 0, 0, 0, 'middle');
    return { at, hidden: placed === undefined };
  });
}

/** The box around everything drawn, hidden edge labels included (they show on hover). */
function drawingBounds(
  circles: readonly Circle[],
  nodeLabels: readonly LabelCandidate[],
  shapes: readonly EdgeGeometry[],
  edgeLabels: readonly EdgeLabelSpot[],
): Rect {
  let box: Rect | undefined;
  for (const c of circles) box = extend(box, circleRect(c));
  for (const l of nodeLabels) box = extend(box, l.rect);
  for (const g of shapes) {
    for (const p of samplePoints(g)) box = extend(box, { x: p.x, y: p.y, width: 0, height: 0 });
  }
  for (const l of edgeLabels) box = extend(box, l.at.rect);
  return box ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** Lays out a graph of actors and relations for a static SVG. Deterministic and independent of input order. */
export function layoutGraph(input: GraphInput, options: LayoutOptions = {}): GraphLayout {
  const padding = options.padding ?? DEFAULT_PADDING;
  const actors = [...input.actors].sort(byId);
  const edges = resolveEdges(input, new Set(actors.map((a) => a.id)));
  const prepared = prepareNodes(actors, edges);

  const links = pairLinks(new Map(prepared.map((p) => [p.actor.id, p.r])), edges);
  const positions =
    starPositions(prepared, edges, links, options.centre) ??
    simulate(
      prepared.map((p) => ({ id: p.actor.id, r: p.r, collide: p.collide })),
      links,
      {
        seed: options.seed ?? DEFAULT_SEED,
        ticks: options.ticks ?? defaultTicks(actors.length),
        collideIterations:
          options.collideIterations ??
          (actors.length > LARGE_GRAPH ? LARGE_COLLIDE_ITERATIONS : COLLIDE_ITERATIONS),
        aspect: options.aspect ?? DEFAULT_ASPECT,
      },
    );
  const placed = prepared.map((p) => {
    const pos = positions.get(p.actor.id) ?? { x: 0, y: 0 };
    return { ...p, circle: { x: pos.x, y: pos.y, r: p.r } };
  });
  const circles = placed.map((p) => p.circle);
  const shapes = shapeEdges(edges, new Map(placed.map((p) => [p.actor.id, p.circle])));
  const nodeLabels = placeNodeLabels(prepared, circles, shapes);
  const edgeLabels = placeEdgeLabels(edges, shapes, circles, nodeLabels);

  // Centre the drawing in a viewBox at least minWidth × minHeight, `padding` from its edges.
  const bounds = drawingBounds(circles, nodeLabels, shapes, edgeLabels);
  const width = Math.max(
    options.minWidth ?? DEFAULT_MIN_WIDTH,
    Math.ceil(bounds.width + 2 * padding),
  );
  const height = Math.max(
    options.minHeight ?? DEFAULT_MIN_HEIGHT,
    Math.ceil(bounds.height + 2 * padding),
  );
  const dx = (width - bounds.width) / 2 - bounds.x;
  const dy = (height - bounds.height) / 2 - bounds.y;

  const nodes: LayoutNode[] = placed.map((p, i) => {
    const c = p.circle;
    const l = nodeLabels[i] ?? labelAt(c.x, c.y, p.width, nodeLabelHeight(), 'middle');
    return {
      id: p.actor.id,
      name: p.actor.name,
      kind: p.actor.kind,
      x: round1(c.x + dx),
      y: round1(c.y + dy),
      r: p.r,
      degree: p.degree,
      label: {
        x: round1(l.x + dx),
        y: round1(l.y + dy),
        anchor: l.anchor,
        text: p.text,
        width: round1(p.width),
      },
    };
  });

  const layoutEdges: LayoutEdge[] = edges.map((e, i) => {
    const g = shapes[i];
    const spot = edgeLabels[i];
    if (!g || !spot) throw new Error(`Relation \`${e.relation.id}\` has no shape`);
    return {
      id: e.relation.id,
      from: e.relation.from,
      to: e.relation.to,
      kind: e.relation.kind,
      category: e.category,
      directed: e.directed,
      label: e.label,
      path: geometryPath(translateGeometry(g, dx, dy)),
      labelPos: {
        x: round1(spot.at.x + dx),
        y: round1(spot.at.y + dy),
        text: e.text,
        width: round1(e.textWidth),
      },
      labelHidden: spot.hidden,
    };
  });

  return { nodes, edges: layoutEdges, width, height };
}
