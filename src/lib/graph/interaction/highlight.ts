/**
 * What the diagram highlights: the hovered or focused actor with its
 * relations and neighbours, else everything linked to the selection (a
 * selected actor's neighbourhood, a selected relation's two ends, a selected
 * event's actors and the relations among them). Pure; runs in the browser.
 */
import { neighbourhood } from '../neighbours.ts';

/** What the reader points at or has selected. */
export interface Focus {
  /** Actor under the pointer or keyboard focus; it wins over the selection while it lasts. */
  hover?: string;
  actor?: string;
  relation?: string;
  event?: string;
}

/** Ids to mark `data-highlighted`. */
export interface Highlight {
  actors: Set<string>;
  relations: Set<string>;
}

type Edge = { id: string; from: string; to: string };

function around(edges: readonly Edge[], actor: string, into: Highlight): void {
  const near = neighbourhood(edges, actor);
  into.actors.add(actor);
  for (const id of near.actors) into.actors.add(id);
  for (const id of near.relations) into.relations.add(id);
}

/** The highlighted actors and relations, or undefined when nothing is (then nothing fades). */
export function highlightFor(
  graph: {
    nodeIds: ReadonlySet<string>;
    edges: readonly Edge[];
    events: readonly { id: string; actors: readonly string[] }[];
  },
  focus: Focus,
): Highlight | undefined {
  const out: Highlight = { actors: new Set(), relations: new Set() };
  if (focus.hover && graph.nodeIds.has(focus.hover)) {
    around(graph.edges, focus.hover, out);
    return out;
  }
  if (focus.actor && graph.nodeIds.has(focus.actor)) around(graph.edges, focus.actor, out);
  const relation = graph.edges.find((e) => e.id === focus.relation);
  if (relation) {
    out.relations.add(relation.id);
    out.actors.add(relation.from);
    out.actors.add(relation.to);
  }
  const event = graph.events.find((e) => e.id === focus.event);
  if (event) {
    const involved = new Set(event.actors.filter((id) => graph.nodeIds.has(id)));
    for (const id of involved) out.actors.add(id);
    // The relations among the event's actors say how they stand to each other.
    for (const e of graph.edges)
      if (involved.has(e.from) && involved.has(e.to)) out.relations.add(e.id);
  }
  return out.actors.size + out.relations.size > 0 ? out : undefined;
}
