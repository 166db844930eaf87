/**
 * Astro content collections over the top-level `content/` folder: the two
 * whose bodies pages render as HTML. Events and relations are read and
 * checked by the content gate and reach pages through the Story
 * (src/data/story.ts); as collections they would only add 3,500 entries to
 * Astro's store, its serialisation and the data module every page build
 * imports, at 1,000 actors (two thirds of the store).
 */
import { defineCollection } from 'astro:content';
import { entryLoader } from './integration/loader.ts';
import { ActorSchema, ArticleSchema } from './lib/model/schemas.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';

export const collections = {
  articles: defineCollection({
    loader: entryLoader('articles', contentDir),
    schema: ArticleSchema,
  }),
  actors: defineCollection({ loader: entryLoader('actors', contentDir), schema: ActorSchema }),
};
