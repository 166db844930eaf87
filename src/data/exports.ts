/** Helpers for the static data endpoints under /data/. */
import { sliceForArticle } from '../lib/model/select.ts';
import type { Article, Story } from '../lib/model/types.ts';

/** A response with a content type; the body is built at build time. */
export function dataResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

/** The part of the story one article covers, as a Story of its own. */
export function storyForArticle(story: Story, article: Article): Story {
  const slice = sliceForArticle(story, article);
  const kinds = new Set(slice.relations.map((r) => r.kind));
  return {
    site: story.site,
    kinds: story.kinds.filter((k) => kinds.has(k.id)),
    articles: [article],
    actors: slice.actors,
    events: slice.events,
    relations: slice.relations,
  };
}
