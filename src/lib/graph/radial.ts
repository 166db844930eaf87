/**
 * Star graphs (one actor linked to every other, and no links among the
 * others: an actor page's ego network) drawn as a ring: the centre actor in
 * the middle and the others evenly around it, each at the length its link
 * asks for. No simulation: a force layout of a star is slower and puts the
 * centre anywhere, often at the edge of the drawing.
 */
import type { Point } from './labels.ts';

/** A link between two actors, at most one per pair (parallel relations share it). */
export interface PairLink {
  source: string;
  target: string;
  /** Length the link asks for, px: room for the two circles and the longest label. */
  distance: number;
}

/** One actor around the centre. */
export interface Spoke {
  id: string;
  /** Length of its link to the centre, px. */
  distance: number;
  /** Radius of its circle-and-label footprint, px: neighbours on the ring keep this far apart. */
  collide: number;
  /** Spokes go round the ring in the order of this key (then of id), so similar links sit together. */
  order: string;
}

/**
 * The centre of a star graph: the actor every link touches and every other
 * actor is linked to; undefined for any other graph, and for fewer than two
 * actors. Loops (an actor related to itself) do not count as links. With two
 * actors either could be the centre: `preferred` if it is one of them, else
 * the one with more relations, then the smaller id.
 */
export function starCentre(
  ids: readonly string[],
  links: readonly PairLink[],
  degree: ReadonlyMap<string, number>,
  preferred?: string,
): string | undefined {
  if (ids.length < 2) return undefined;
  const others = ids.length - 1;
  const candidates = ids.filter((id) => {
    let linked = 0;
    for (const l of links) {
      if (l.source === l.target) continue;
      if (l.source !== id && l.target !== id) return false;
      linked += 1;
    }
    return linked === others;
  });
  if (preferred !== undefined && candidates.includes(preferred)) return preferred;
  return [...candidates].sort(
    (a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  )[0];
}

/**
 * Direction (radians, y pointing down) of the `i`-th of `n` spokes. One spoke
 * points right; more are spread evenly with the gap straight above the centre
 * split in two, so the centre's own label has room there.
 */
export function spokeAngle(i: number, n: number): number {
  if (n <= 1) return 0;
  return -Math.PI / 2 + Math.PI / n + (2 * Math.PI * i) / n;
}

/**
 * Ring radius: at least every spoke's link length, far enough from the
 * centre that no footprint overlaps the centre's (`centreCollide`), and large
 * enough that neighbours next to each other on the ring (one chord apart) do
 * not overlap.
 */
export function ringRadius(spokes: readonly Spoke[], centreCollide: number): number {
  let radius = 0;
  for (const s of spokes) radius = Math.max(radius, s.distance, centreCollide + s.collide);
  const n = spokes.length;
  if (n < 2) return radius;
  // Chord between neighbours at radius R: 2R·sin(π/n). With two spokes they sit opposite (chord 2R).
  const chordPerRadius = 2 * Math.sin(Math.PI / n);
  for (let i = 0; i < n; i += 1) {
    const a = spokes[i];
    const b = spokes[(i + 1) % n];
    if (a && b) radius = Math.max(radius, (a.collide + b.collide) / chordPerRadius);
  }
  return radius;
}

/** Positions of a star: the centre (footprint radius `centreCollide`) at the origin, the spokes on one ring in `order`. */
export function ringPositions(
  centre: string,
  centreCollide: number,
  spokes: readonly Spoke[],
): Map<string, Point> {
  const sorted = [...spokes].sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const radius = ringRadius(sorted, centreCollide);
  const out = new Map<string, Point>([[centre, { x: 0, y: 0 }]]);
  sorted.forEach((s, i) => {
    const angle = spokeAngle(i, sorted.length);
    out.set(s.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  return out;
}
