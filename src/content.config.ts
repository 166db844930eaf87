/** Astro content collections over the top-level `content/` folder, one per entry type. */
import { defineCollection } from 'astro:content';
import { entryLoader } from './integration/loader.ts';
import { ActorSchema, ArticleSchema, EventSchema, RelationSchema } from './lib/model/schemas.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';

export const collections = {
  articles: defineCollection({
    loader: entryLoader('articles', contentDir),
    schema: ArticleSchema,
  }),
  actors: defineCollection({ loader: entryLoader('actors', contentDir), schema: ActorSchema }),
  events: defineCollection({ loader: entryLoader('events', contentDir), schema: EventSchema }),
  relations: defineCollection({
    loader: entryLoader('relations', contentDir),
    schema: RelationSchema,
  }),
};
