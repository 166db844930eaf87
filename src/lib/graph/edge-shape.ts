/**
 * How relations become edge shapes, shared by the build-time layout and the
 * browser (which redraws edges while nodes are dragged): relations between
 * the same two actors form a group, drawn as one straight line or as curves
 * fanned out around it; an actor's relations with itself are nested loops on
 * its free-most side. Grouping depends only on the relations, so the browser
 * groups once and reshapes just the groups whose actors moved.
 */
import {
  type EdgeGeometry,
  loopDirection,
  loopGeometry,
  pairGeometry,
  parallelOffsets,
} from './edges.ts';
import type { Circle, Point } from './labels.ts';

/** What shaping needs of a relation. */
export interface EdgeEnds {
  id: string;
  from: string;
  to: string;
  directed: boolean;
}

/** The relations between one pair of actors (or of one actor with itself), by id. */
export interface EdgeGroup {
  /** The pair's actor ids in sorted order: the canonical direction its curves fan out from. */
  lo: string;
  hi: string;
  edges: EdgeEnds[];
}

/** Every group, and each actor's neighbours (the other end of each of its relations, repeats kept). */
export interface EdgeGroups {
  groups: EdgeGroup[];
  neighbours: Map<string, string[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups relations by pair of actors, in relation-id order (whatever the input order). */
export function groupEdges(edges: readonly EdgeEnds[]): EdgeGroups {
  const sorted = [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPair = new Map<string, EdgeGroup>();
  const neighbours = new Map<string, string[]>();
  for (const e of sorted) {
    const [lo, hi] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
    const key = `${lo}\u0000${hi}`;
    const group = byPair.get(key);
    if (group) group.edges.push(e);
    else byPair.set(key, { lo, hi, edges: [e] });
    if (e.from === e.to) continue;
    push(neighbours, e.from, e.to);
    push(neighbours, e.to, e.from);
  }
  return { groups: [...byPair.values()], neighbours };
}

/** The shapes of one group's edges, by relation id; none when an actor has no circle. */
export function shapeGroup(
  group: EdgeGroup,
  circles: ReadonlyMap<string, Circle>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): [string, EdgeGeometry][] {
  const lo = circles.get(group.lo);
  const hi = circles.get(group.hi);
  if (!lo || !hi) return [];
  if (group.lo === group.hi) {
    const around: Point[] = [];
    for (const id of neighbours.get(group.lo) ?? []) {
      const c = circles.get(id);
      if (c) around.push(c);
    }
    const angle = loopDirection(lo, around);
    return group.edges.map((e, i) => [e.id, loopGeometry(lo, angle, i, e.directed)]);
  }
  const offsets = parallelOffsets(group.edges.length);
  return group.edges.map((e, i) => {
    const [source, target] = e.from === group.lo ? [lo, hi] : [hi, lo];
    return [e.id, pairGeometry(source, target, offsets[i] ?? 0, e.directed, { from: lo, to: hi })];
  });
}

/** The shape of every edge whose actors both have a circle, by relation id. */
export function shapeEdges(
  edges: readonly EdgeEnds[],
  circles: ReadonlyMap<string, Circle>,
): Map<string, EdgeGeometry> {
  const { groups, neighbours } = groupEdges(edges);
  return new Map(groups.flatMap((group) => shapeGroup(group, circles, neighbours)));
}
