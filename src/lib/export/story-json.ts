/**
 * The open-data form of a Story (`/data/all.json`, `/data/story/<id>.json`):
 * the model with each date as authored plus its precision and the interval it
 * covers, so consumers need no date parser. `storyFromJson` reads it back.
 */
import { z } from 'astro/zod';
import { parseDate } from '../dates/index.ts';
import type { PartialDate } from '../dates/types.ts';
import { ACTOR_KINDS, EVENT_KINDS, RELATION_CATEGORIES, type Story } from '../model/types.ts';

/** Bumped when the export format changes incompatibly. */
export const STORY_JSON_VERSION = 1;

const DateJson = z.object({
  value: z.string().describe('The date as authored: YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time'),
  precision: z.enum(['year', 'month', 'day', 'time']),
  start: z.string().describe('Start of the interval the date covers, ISO 8601 in UTC, inclusive'),
  end: z.string().describe('End of the interval the date covers, ISO 8601 in UTC, exclusive'),
});
const EvidenceJson = z.object({ quote: z.string(), article: z.string() });
const Entry = { id: z.string(), body: z.string().describe('Markdown body as authored') };

/** JSON shape of the export; its JSON Schema is published at `/data/schema.json`. */
export const StoryJsonSchema = z
  .object({
    version: z.literal(STORY_JSON_VERSION),
    site: z.object({
      title: z.string(),
      description: z.string(),
      language: z.string(),
      defaultArticle: z.string().optional(),
    }),
    kinds: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        inverse: z.string().optional(),
        directed: z.boolean(),
        category: z.enum(RELATION_CATEGORIES),
      }),
    ),
    articles: z.array(
      z.object({
        ...Entry,
        title: z.string(),
        summary: z.string(),
        tags: z.array(z.string()),
        source: z.object({
          publisher: z.string(),
          byline: z.string().optional(),
          via: z.array(z.string()),
          url: z.string().optional(),
          published: DateJson,
          updated: DateJson.optional(),
        }),
        mentions: z.object({ actors: z.array(z.string()), events: z.array(z.string()) }),
      }),
    ),
    actors: z.array(
      z.object({
        ...Entry,
        name: z.string(),
        kind: z.enum(ACTOR_KINDS),
        role: z.string().optional(),
        affiliation: z.string().optional(),
        aliases: z.array(z.string()),
        country: z.string().optional(),
        wikidata: z.string().optional(),
      }),
    ),
    events: z.array(
      z.object({
        ...Entry,
        title: z.string(),
        date: DateJson,
        end: DateJson.optional(),
        approximate: z.boolean(),
        kind: z.enum(EVENT_KINDS),
        actors: z.array(z.string()),
        articles: z.array(z.string()),
        evidence: z.array(EvidenceJson),
      }),
    ),
    relations: z.array(
      z.object({
        ...Entry,
        from: z.string(),
        to: z.string(),
        kind: z.string(),
        label: z.string().optional(),
        since: DateJson.optional(),
        until: DateJson.optional(),
        articles: z.array(z.string()),
        evidence: z.array(EvidenceJson),
      }),
    ),
  })
  .describe('A Dramatis story: actors, relations, events and articles');
export type StoryJson = z.infer<typeof StoryJsonSchema>;

function dateJson(date: PartialDate): z.infer<typeof DateJson> {
  return {
    value: date.raw,
    precision: date.precision,
    start: new Date(date.start).toISOString(),
    end: new Date(date.end).toISOString(),
  };
}

function optionalDate<K extends string>(
  key: K,
  date: PartialDate | undefined,
): { [P in K]?: z.infer<typeof DateJson> } {
  return (date ? { [key]: dateJson(date) } : {}) as { [P in K]?: z.infer<typeof DateJson> };
}

/** The export of a story (or of a slice of one). `file` paths are left out: they are build details. */
export function storyToJson(story: Story): StoryJson {
  return {
    version: STORY_JSON_VERSION,
    site: story.site,
    kinds: story.kinds.map((k) => ({ ...k })),
    articles: story.articles.map(
      ({ file: _file, source: { published, updated, ...source }, ...a }) => ({
        ...a,
        source: { ...source, published: dateJson(published), ...optionalDate('updated', updated) },
      }),
    ),
    actors: story.actors.map(({ file: _file, ...a }) => a),
    events: story.events.map(({ file: _file, date, end, ...e }) => ({
      ...e,
      date: dateJson(date),
      ...optionalDate('end', end),
    })),
    relations: story.relations.map(({ file: _file, since, until, ...r }) => ({
      ...r,
      ...optionalDate('since', since),
      ...optionalDate('until', until),
    })),
  };
}

function readDate(json: z.infer<typeof DateJson>): PartialDate {
  const result = parseDate(json.value);
  if (!result.ok)
    throw new Error(`Unexpected date \`${json.value}\` in story JSON: ${result.reason}`);
  return result.date;
}

/** Reads an export back into the model; `file` becomes `<collection>/<id>.md`. Throws on a malformed document. */
export function storyFromJson(input: unknown): Story {
  const json = StoryJsonSchema.parse(input);
  return {
    site: json.site,
    kinds: json.kinds,
    articles: json.articles.map(({ source: { published, updated, ...source }, ...a }) => ({
      ...a,
      file: `articles/${a.id}.md`,
      source: {
        ...source,
        published: readDate(published),
        ...(updated ? { updated: readDate(updated) } : {}),
      },
    })),
    actors: json.actors.map((a) => ({ ...a, file: `actors/${a.id}.md` })),
    events: json.events.map(({ date, end, ...e }) => ({
      ...e,
      file: `events/${e.id}.md`,
      date: readDate(date),
      ...(end ? { end: readDate(end) } : {}),
    })),
    relations: json.relations.map(({ since, until, ...r }) => ({
      ...r,
      file: `relations/${r.id}.md`,
      ...(since ? { since: readDate(since) } : {}),
      ...(until ? { until: readDate(until) } : {}),
    })),
  };
}

/** The JSON Schema (draft 2020-12) of the export. */
export function storyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(StoryJsonSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
