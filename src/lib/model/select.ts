/** Views of the Story for pages: what belongs to an article, to an actor, and lookups. */
import { compareDates } from '../dates/index.ts';
import type { Actor, Article, Relation, RelationKind, Story, StoryEvent } from './types.ts';

/** The slice of a story that one page shows. */
export interface StorySlice {
  actors: Actor[];
  relations: Relation[];
  events: StoryEvent[];
}

const idIndexes = new WeakMap<readonly { id: string }[], ReadonlyMap<string, unknown>>();

/**
 * Map from id to entry, built once per array: pages and components index the
 * same story arrays on every page, which is quadratic in a big story (5,000
 * actor pages × 5,000 actors). Story arrays are never changed after loading;
 * do not pass an array you change afterwards.
 */
export function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  const known = idIndexes.get(items) as ReadonlyMap<string, T> | undefined;
  if (known) return known;
  const index = new Map(items.map((item) => [item.id, item]));
  idIndexes.set(items, index);
  return index;
}

/** Events in time order (then by id, so the order is stable). */
export function sortEvents(events: readonly StoryEvent[]): StoryEvent[] {
  return [...events].sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));
}

/** Articles newest first by publication date. */
export function sortArticlesNewestFirst(articles: readonly Article[]): Article[] {
  return [...articles].sort(
    (a, b) => compareDates(b.source.published, a.source.published) || a.id.localeCompare(b.id),
  );
}

/** Everything an article is about: its relations and events, and every actor they, its text or its source name. */
export function sliceForArticle(story: Story, article: Article): StorySlice {
  const relations = story.relations.filter((r) => r.articles.includes(article.id));
  const events = sortEvents(story.events.filter((e) => e.articles.includes(article.id)));
  const ids = new Set<string>([
    ...relations.flatMap((r) => [r.from, r.to]),
    ...events.flatMap((e) => e.actors),
    ...article.mentions.actors,
    ...article.source.via,
  ]);
  return { actors: story.actors.filter((a) => ids.has(a.id)), relations, events };
}

/**
 * Who touches what, per story, built once on first use: a site of N actors
 * makes N actor pages, and filtering every relation and event for each of
 * them is quadratic (seconds at 1,000 actors, most of a minute at 5,000).
 * Stories are never changed after loading, so the index stays valid.
 */
interface StoryIndex {
  /** Position of each actor in `story.actors`, to keep slices in story order. */
  actorOrder: Map<string, number>;
  /** Relations touching each actor, in story order. */
  relationsByActor: Map<string, Relation[]>;
  /** Events involving each actor, in story order. */
  eventsByActor: Map<string, StoryEvent[]>;
  /** Every actor id each article involves (see `sliceForArticle`), by article id. */
  actorIdsByArticle: Map<string, Set<string>>;
  /** Actors by the id of the actor they are affiliated with, in story order. */
  affiliates: Map<string, Actor[]>;
}

const indexes = new WeakMap<Story, StoryIndex>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function storyIndex(story: Story): StoryIndex {
  const known = indexes.get(story);
  if (known) return known;
  const relationsByActor = new Map<string, Relation[]>();
  for (const r of story.relations) {
    push(relationsByActor, r.from, r);
    if (r.to !== r.from) push(relationsByActor, r.to, r);
  }
  const eventsByActor = new Map<string, StoryEvent[]>();
  for (const e of story.events) for (const id of new Set(e.actors)) push(eventsByActor, id, e);
  const actorIdsByArticle = new Map<string, Set<string>>();
  for (const article of story.articles) {
    actorIdsByArticle.set(article.id, new Set([...article.mentions.actors, ...article.source.via]));
  }
  for (const r of story.relations) {
    for (const id of r.articles) actorIdsByArticle.get(id)?.add(r.from).add(r.to);
  }
  for (const e of story.events) {
    for (const id of e.articles)
      for (const actor of e.actors) actorIdsByArticle.get(id)?.add(actor);
  }
  const affiliates = new Map<string, Actor[]>();
  for (const a of story.actors) if (a.affiliation !== undefined) push(affiliates, a.affiliation, a);
  const index: StoryIndex = {
    affiliates,
    actorOrder: new Map(story.actors.map((a, i) => [a.id, i])),
    relationsByActor,
    eventsByActor,
    actorIdsByArticle,
  };
  indexes.set(story, index);
  return index;
}

/** An actor's own relations, its direct neighbours, and its events (its ego network). */
export function sliceForActor(story: Story, actorId: string): StorySlice {
  const index = storyIndex(story);
  const relations = [...(index.relationsByActor.get(actorId) ?? [])];
  const ids = new Set<string>([actorId, ...relations.flatMap((r) => [r.from, r.to])]);
  const actors = [...ids]
    .flatMap((id) => {
      const at = index.actorOrder.get(id);
      return at === undefined ? [] : [at];
    })
    .sort((a, b) => a - b)
    .flatMap((at) => story.actors[at] ?? []);
  return {
    actors,
    relations,
    events: sortEvents(index.eventsByActor.get(actorId) ?? []),
  };
}

/** Articles that involve an actor: they mention it, name it as a source, or hold one of its relations or events. */
export function articlesForActor(story: Story, actorId: string): Article[] {
  const index = storyIndex(story);
  const isActor = index.actorOrder.has(actorId);
  return sortArticlesNewestFirst(
    story.articles.filter((article) => {
      if (article.mentions.actors.includes(actorId) || article.source.via.includes(actorId))
        return true;
      // Same as `sliceForArticle(story, article).actors` holding the actor, without building the slice.
      return isActor && (index.actorIdsByArticle.get(article.id)?.has(actorId) ?? false);
    }),
  );
}

/** Actors whose `affiliation` is this actor (members, leaders, parts). */
export function affiliatesOf(story: Story, actorId: string): Actor[] {
  return [...(storyIndex(story).affiliates.get(actorId) ?? [])];
}

/** The words a relation reads as from `from` to `to`: its own label, else its kind's label. */
export function relationLabel(
  relation: Relation,
  kinds: ReadonlyMap<string, RelationKind>,
): string {
  return relation.label ?? kinds.get(relation.kind)?.label ?? relation.kind;
}
