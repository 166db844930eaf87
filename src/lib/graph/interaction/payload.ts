/**
 * The data the diagram's client script reads from its JSON payload: each
 * node and edge as drawn plus what the detail panel, the filters and the
 * time window need. Built at build time; the browser takes only the types.
 */
import { formatDate, formatRange } from '../../dates/index.ts';
import { indexById } from '../../model/select.ts';
import type {
  Actor,
  ActorKind,
  Article,
  Relation,
  RelationCategory,
  RelationKind,
  StoryEvent,
} from '../../model/types.ts';
import { actorPath, articlePath, withBase } from '../../paths.ts';
import type { GraphLayout } from '../types.ts';
import { plainParagraphs } from './plain-text.ts';

/** JSON for the diagram's `<script type="application/json">` (see scriptJson). */
export { scriptJson as serializePayload } from '../../social/xml.ts';

/** How the diagram names actor kinds (British spelling, as the rest of the site). */
export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  state: 'State',
  person: 'Person',
  organization: 'Organisation',
  media: 'Media',
};

/** How the diagram names relation categories. */
export const CATEGORY_LABEL: Record<RelationCategory, string> = {
  cooperation: 'Cooperation',
  pressure: 'Pressure',
  conflict: 'Conflict',
  information: 'Information',
  structure: 'Structure',
};

/** One actor as drawn, with what the panel and the search show. */
export interface GraphNodeData {
  id: string;
  name: string;
  kind: ActorKind;
  kindLabel: string;
  role?: string;
  aliases: string[];
  /** The actor's page. */
  href: string;
  x: number;
  y: number;
  r: number;
}

/** A quote backing a relation, and the article it comes from. */
export interface GraphEvidence {
  quote: string;
  title: string;
  href: string;
}

/** An article a relation cites without a quote. */
export interface GraphSource {
  title: string;
  href: string;
}

/** One relation as drawn, with its dates, evidence and explanation. */
export interface GraphEdgeData {
  id: string;
  from: string;
  to: string;
  kind: string;
  kindLabel: string;
  category: RelationCategory;
  categoryLabel: string;
  directed: boolean;
  /** The relation's own label, else its kind's. */
  label: string;
  /** Start of `since`, epoch ms, when the relation has one. */
  since?: number;
  /** End of `until`, epoch ms, when the relation has one. */
  until?: number;
  /** The dates in words at their precision: "since May 2031", "2030 – April 2031". */
  when?: string;
  evidence: GraphEvidence[];
  sources: GraphSource[];
  /** The relation's body as plain paragraphs. */
  text: string[];
  /** Estimated width of the drawn label, px, for placing it when the edge moves. */
  labelWidth: number;
}

/** The actors of an event, so selecting the event on a timeline highlights them. */
export interface GraphEventData {
  id: string;
  actors: string[];
}

/** Everything the client script reads. */
export interface DiagramPayload {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  events: GraphEventData[];
}

/** Story entries the payload draws details from; any may be left out (the panel then shows less). */
export interface PayloadDetails {
  actors?: readonly Actor[];
  relations?: readonly Relation[];
  articles?: readonly Article[];
  events?: readonly StoryEvent[];
  /**
   * Every event a relation's body may name (`[[event:…]]`), when `events` is
   * only the diagram's own: a relation's wording is worked out once per build
   * and must not depend on which page asked first. `events` by default.
   */
  eventNames?: readonly StoryEvent[];
}

/** A relation's dates in words, as the relation table writes them. */
export function relationWhen(relation: Pick<Relation, 'since' | 'until'>): string | undefined {
  const { since, until } = relation;
  if (since && until) return formatRange(since, until);
  if (since) return `since ${formatDate(since)}`;
  if (until) return `until ${formatDate(until)}`;
  return undefined;
}

/**
 * A relation's wording, worked out once per relation object: one relation is
 * drawn on many pages (both actors' ego networks, its articles, /graph/), and
 * plain text means parsing its Markdown body. Keyed by the story's own
 * objects, so a story re-read in dev gets fresh entries.
 */
const wordingCache = new WeakMap<Relation, { when?: string; text: string[] }>();

function relationWording(
  relation: Relation,
  nameOf: (ref: { type: 'actor' | 'event'; id: string }) => string | undefined,
): { when?: string; text: string[] } {
  let wording = wordingCache.get(relation);
  if (!wording) {
    const when = relationWhen(relation);
    wording = { ...(when ? { when } : {}), text: plainParagraphs(relation.body, nameOf) };
    wordingCache.set(relation, wording);
  }
  return wording;
}

/** The payload of one diagram: the layout joined with the story's details. */
export function buildDiagramPayload(
  layout: GraphLayout,
  kinds: readonly RelationKind[],
  base: string,
  details: PayloadDetails = {},
): DiagramPayload {
  // Indexed once per story array (every page passes the same ones), not once per page.
  const actors = indexById(details.actors ?? []);
  const relations = indexById(details.relations ?? []);
  const articles = indexById(details.articles ?? []);
  const kindById = indexById(kinds);
  const events = indexById(details.events ?? []);
  const eventNames = details.eventNames ? indexById(details.eventNames) : events;
  const drawn = new Set(layout.nodes.map((n) => n.id));
  const articleLink = (id: string) => ({
    title: articles.get(id)?.title ?? id,
    href: withBase(base, articlePath(id)),
  });
  const nameOf = (ref: { type: 'actor' | 'event'; id: string }) =>
    ref.type === 'actor' ? actors.get(ref.id)?.name : eventNames.get(ref.id)?.title;

  const nodes = layout.nodes.map((n): GraphNodeData => {
    const actor = actors.get(n.id);
    return {
      id: n.id,
      name: n.name,
      kind: n.kind,
      kindLabel: ACTOR_KIND_LABEL[n.kind],
      ...(actor?.role ? { role: actor.role } : {}),
      aliases: actor?.aliases ?? [],
      href: withBase(base, actorPath(n.id)),
      x: n.x,
      y: n.y,
      r: n.r,
    };
  });
  const edges = layout.edges.map((e): GraphEdgeData => {
    const relation = relations.get(e.id);
    const wording = relation ? relationWording(relation, nameOf) : undefined;
    const when = wording?.when;
    const quoted = new Set(relation?.evidence.map((q) => q.article));
    return {
      id: e.id,
      from: e.from,
      to: e.to,
      kind: e.kind,
      kindLabel: kindById.get(e.kind)?.label ?? e.kind,
      category: e.category,
      categoryLabel: CATEGORY_LABEL[e.category],
      directed: e.directed,
      label: e.label,
      ...(relation?.since ? { since: relation.since.start } : {}),
      ...(relation?.until ? { until: relation.until.end } : {}),
      ...(when ? { when } : {}),
      evidence: (relation?.evidence ?? []).map((q) => ({
        quote: q.quote,
        ...articleLink(q.article),
      })),
      sources: (relation?.articles ?? []).filter((id) => !quoted.has(id)).map(articleLink),
      text: wording?.text ?? [],
      labelWidth: e.labelPos.width,
    };
  });
  const eventData = [...events.values()]
    .map((e) => ({ id: e.id, actors: e.actors.filter((a) => drawn.has(a)) }))
    .filter((e) => e.actors.length > 0);
  return { nodes, edges, events: eventData };
}
