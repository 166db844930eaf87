/** Who is related to whom: an actor's direct neighbours and its ego network. */
import type { Actor, Relation } from '../model/types.ts';

/** The relations touching one actor and the other actors at their far ends. */
export interface Neighbourhood {
  /** Ids of the actors directly related to the actor, in either direction; never the actor itself. */
  actors: Set<string>;
  /** Ids of the relations that touch the actor, self-relations included. */
  relations: Set<string>;
}

/** The actor's direct neighbours and the relations that link them to it. */
export function neighbourhood(
  relations: readonly Pick<Relation, 'id' | 'from' | 'to'>[],
  actorId: string,
): Neighbourhood {
  const actors = new Set<string>();
  const ids = new Set<string>();
  for (const r of relations) {
    if (r.from !== actorId && r.to !== actorId) continue;
    ids.add(r.id);
    const other = r.from === actorId ? r.to : r.from;
    if (other !== actorId) actors.add(other);
  }
  return { actors, relations: ids };
}

/** Anything with actors and relations, such as a `Story`. */
export interface EgoInput<
  A extends Pick<Actor, 'id'>,
  R extends Pick<Relation, 'id' | 'from' | 'to'>,
> {
  actors: readonly A[];
  relations: readonly R[];
}

/** An ego network: the actors within reach and every relation among them. */
export interface EgoNetwork<A, R> {
  actors: A[];
  relations: R[];
}

/**
 * The actor, everyone within `depth` relations of it, and all relations
 * among those actors (including ties between its neighbours, as in the usual
 * definition of an ego network). Keeps the input order. Empty when the actor
 * is unknown.
 */
export function egoNetwork<
  A extends Pick<Actor, 'id'>,
  R extends Pick<Relation, 'id' | 'from' | 'to'>,
>(input: EgoInput<A, R>, actorId: string, depth = 1): EgoNetwork<A, R> {
  const known = new Set(input.actors.map((a) => a.id));
  if (!known.has(actorId)) return { actors: [], relations: [] };
  const adjacent = new Map<string, string[]>();
  for (const r of input.relations) {
    adjacent.set(r.from, [...(adjacent.get(r.from) ?? []), r.to]);
    adjacent.set(r.to, [...(adjacent.get(r.to) ?? []), r.from]);
  }
  const reached = new Set([actorId]);
  let frontier = [actorId];
  for (let step = 0; step < depth && frontier.length > 0; step += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (reached.has(other) || !known.has(other)) continue;
        reached.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return {
    actors: input.actors.filter((a) => reached.has(a.id)),
    relations: input.relations.filter((r) => reached.has(r.from) && reached.has(r.to)),
  };
}
