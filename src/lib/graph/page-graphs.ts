/**
 * The graphs the pages lay out, one function per kind of page. Pages and the
 * build's layout worker (src/integration/layout-worker.ts) both ask here, so
 * the worker lays out exactly the graphs the pages then find in the cache.
 */
import { type StorySlice, sliceForActor, sliceForArticle } from '../model/select.ts';
import type { Article, Story } from '../model/types.ts';
import type { GraphInput, LayoutOptions } from './types.ts';

/** One graph to lay out, with its options. */
export interface GraphJob {
  input: GraphInput;
  options?: LayoutOptions;
}

/** The whole story, for `/graph/`. */
export function storyGraph(story: Story): GraphJob {
  return { input: { actors: story.actors, relations: story.relations, kinds: story.kinds } };
}

/** One article's actors and relations (`slice`: the article's, when the caller has it already). */
export function articleGraph(
  story: Story,
  article: Article,
  slice: StorySlice = sliceForArticle(story, article),
): GraphJob {
  return { input: { actors: slice.actors, relations: slice.relations, kinds: story.kinds } };
}

/** An actor's ego network, the actor in the middle; none when the actor has no relation (`slice`: the actor's, when the caller has it already). */
export function actorGraph(
  story: Story,
  actorId: string,
  slice: StorySlice = sliceForActor(story, actorId),
): GraphJob | undefined {
  if (slice.relations.length === 0) return undefined;
  return {
    input: { actors: slice.actors, relations: slice.relations, kinds: story.kinds },
    options: { centre: actorId },
  };
}

/**
 * Every graph of the site, in the order a worker running beside the pages
 * should take them: the whole story first (the largest, needed by one of the
 * last pages), then articles and actors from the last. Pages are rendered
 * from the first actor on, so the two meet in the middle.
 */
export function graphsForWorker(story: Story): GraphJob[] {
  const actors = story.actors.flatMap((actor) => actorGraph(story, actor.id) ?? []);
  const articles = story.articles.map((article) => articleGraph(story, article));
  return [storyGraph(story), ...articles.reverse(), ...actors.reverse()];
}
