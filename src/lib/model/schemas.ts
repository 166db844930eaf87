/**
 * The authoring contract as zod schemas: one per file type, strict (unknown
 * fields are errors), with the TypeScript type of the authored data beside
 * each. Used both by our own validation pass and by the Astro collections.
 */
import { z } from 'astro/zod';
import { parseDate } from '../dates/index.ts';
import { ID_PATTERN } from './ids.ts';
import { ACTOR_KINDS, EVENT_KINDS, RELATION_CATEGORIES } from './types.ts';

/** A reference to another entry by id. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { message: 'an id in lower-case kebab-case, e.g. `united-states`' });

/** A date in one of the contract's forms; an unquoted YAML year arrives as a number. */
export const DateSchema = z
  .union([z.string(), z.int()])
  .transform((value) => String(value))
  .superRefine((value, ctx) => {
    const result = parseDate(value);
    if (!result.ok)
      ctx.addIssue({ code: 'custom', message: `${result.reason}; expected ${result.expected}` });
  });

/** An absolute http(s) URL. */
export const HttpUrlSchema = z.string().refine((value) => /^https?:\/\/[^\s/]+\S*$/i.test(value), {
  message: 'expected an absolute `http://` or `https://` URL',
});

const Text = z.string().trim().min(1);

/** A verbatim quote backing an event or a relation. */
export const EvidenceSchema = z.strictObject({
  /** The words exactly as the article prints them. */
  quote: Text,
  /** Id of the article the quote comes from. */
  article: IdSchema,
});
export type EvidenceData = z.infer<typeof EvidenceSchema>;

/** `content/site.yaml`. */
export const SiteSchema = z.strictObject({
  /** Site name, shown in the header and page titles. */
  title: Text,
  /** One sentence for the home page and metadata. */
  description: Text,
  /** BCP 47 language tag of the content, e.g. `en`. */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, {
    message: 'a language tag such as `en` or `en-GB`',
  }),
  /** Id of the article featured first. */
  defaultArticle: IdSchema.optional(),
});
export type SiteData = z.infer<typeof SiteSchema>;

/** One entry of `content/relation-kinds.yaml`. */
export const RelationKindSchema = z.strictObject({
  /** Used in relations' `kind`. */
  id: IdSchema,
  /** Verb phrase read as "<from> <label> <to>", e.g. `urges`. */
  label: Text,
  /** The same read from the other side, e.g. `is urged by`. */
  inverse: Text.optional(),
  /** Whether the relation has a direction (drawn with an arrow). */
  directed: z.boolean().default(true),
  /** Colour group in the diagram. */
  category: z.enum(RELATION_CATEGORIES),
});
export type RelationKindData = z.infer<typeof RelationKindSchema>;

/** `content/relation-kinds.yaml`: a list of kinds. */
export const RelationKindsSchema = z.array(RelationKindSchema);

/** Where an article was published. */
export const SourceSchema = z.strictObject({
  publisher: Text,
  byline: Text.optional(),
  /** Actor ids of the agencies the story came through. */
  via: z.array(IdSchema).default([]),
  url: HttpUrlSchema.optional(),
  published: DateSchema,
  updated: DateSchema.optional(),
});

/** Frontmatter of `content/articles/<id>.md`. */
export const ArticleSchema = z.strictObject({
  title: Text,
  /** One or two sentences, plain text. */
  summary: Text,
  source: SourceSchema,
  tags: z.array(IdSchema).default([]),
});
export type ArticleData = z.infer<typeof ArticleSchema>;

/** Frontmatter of `content/actors/<id>.md`. */
export const ActorSchema = z.strictObject({
  name: Text,
  kind: z.enum(ACTOR_KINDS),
  /** Short description of the role, e.g. `Prime Minister of Japan`. */
  role: Text.optional(),
  /** Id of the actor this one belongs to. */
  affiliation: IdSchema.optional(),
  /** Other names the text uses. */
  aliases: z.array(Text).default([]),
  /** ISO 3166-1 alpha-2 code. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'an ISO 3166 alpha-2 code in capitals, e.g. `JP`' })
    .optional(),
  /** Wikidata item id. */
  wikidata: z
    .string()
    .regex(/^Q[1-9]\d*$/, { message: 'a Wikidata item id such as `Q17`' })
    .optional(),
});
export type ActorData = z.infer<typeof ActorSchema>;

/** Frontmatter of `content/events/<id>.md`. */
export const EventSchema = z.strictObject({
  title: Text,
  date: DateSchema,
  /** Makes the event a span. */
  end: DateSchema.optional(),
  approximate: z.boolean().default(false),
  kind: z.enum(EVENT_KINDS),
  actors: z.array(IdSchema).default([]),
  articles: z.array(IdSchema).default([]),
  evidence: z.array(EvidenceSchema).default([]),
});
export type EventData = z.infer<typeof EventSchema>;

/** Frontmatter of `content/relations/<id>.md`. */
export const RelationSchema = z.strictObject({
  from: IdSchema,
  to: IdSchema,
  /** An id from relation-kinds.yaml. */
  kind: IdSchema,
  /** Short text on the edge; the kind's label when absent. */
  label: Text.optional(),
  since: DateSchema.optional(),
  until: DateSchema.optional(),
  articles: z.array(IdSchema).default([]),
  evidence: z.array(EvidenceSchema).default([]),
});
export type RelationData = z.infer<typeof RelationSchema>;

/** The entry collections, by folder name under `content/`. */
export const ENTRY_SCHEMAS = {
  articles: ArticleSchema,
  actors: ActorSchema,
  events: EventSchema,
  relations: RelationSchema,
} as const;
export type CollectionName = keyof typeof ENTRY_SCHEMAS;
export const COLLECTIONS = Object.keys(ENTRY_SCHEMAS) as CollectionName[];
