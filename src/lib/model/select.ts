/** Views of the Story for pages: what belongs to an article, to an actor, and lookups. */
import { compareDates } from '../dates/index.ts';
import type { Actor, Article, Relation, RelationKind, Story, StoryEvent } from './types.ts';

/** The slice of a story that one page shows. */
export interface StorySlice {
  actors: Actor[];
  relations: Relation[];
  events: StoryEvent[];
}

/** Map from id to entry. */
export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
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

/** An actor's own relations, its direct neighbours, and its events (its ego network). */
export function sliceForActor(story: Story, actorId: string): StorySlice {
  const relations = story.relations.filter((r) => r.from === actorId || r.to === actorId);
  const ids = new Set<string>([actorId, ...relations.flatMap((r) => [r.from, r.to])]);
  return {
    actors: story.actors.filter((a) => ids.has(a.id)),
    relations,
    events: sortEvents(story.events.filter((e) => e.actors.includes(actorId))),
  };
}

/** Articles that involve an actor: they mention it, name it as a source, or hold one of its relations or events. */
export function articlesForActor(story: Story, actorId: string): Article[] {
  return sortArticlesNewestFirst(
    story.articles.filter((article) => {
      if (article.mentions.actors.includes(actorId) || article.source.via.includes(actorId))
        return true;
      const slice = sliceForArticle(story, article);
      return slice.actors.some((a) => a.id === actorId);
    }),
  );
}

/** Actors whose `affiliation` is this actor (members, leaders, parts). */
export function affiliatesOf(story: Story, actorId: string): Actor[] {
  return story.actors.filter((a) => a.affiliation === actorId);
}

/** The words a relation reads as from `from` to `to`: its own label, else its kind's label. */
export function relationLabel(
  relation: Relation,
  kinds: ReadonlyMap<string, RelationKind>,
): string {
  return relation.label ?? kinds.get(relation.kind)?.label ?? relation.kind;
}

/** The actor's display name, or its id when unknown. */
export function actorName(actors: ReadonlyMap<string, Actor>, id: string): string {
  return actors.get(id)?.name ?? id;
}
