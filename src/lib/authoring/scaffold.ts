/**
 * Templates for new content entries (`npm run new`). Pure: takes what the
 * author gave and what already exists, returns the file to write or the
 * reasons it cannot be written.
 */
import { stringify } from 'yaml';
import { parseDate } from '../dates/index.ts';
import { isValidId, slugify } from '../model/ids.ts';
import { didYouMean } from '../model/suggest.ts';
import { ACTOR_KINDS, type ActorKind, EVENT_KINDS, type EventKind } from '../model/types.ts';

/** The entry types `npm run new` creates. */
export const ENTRY_TYPES = ['article', 'actor', 'event', 'relation'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Ids that exist already, by collection. */
export interface KnownIds {
  articles: ReadonlySet<string>;
  actors: ReadonlySet<string>;
  events: ReadonlySet<string>;
  relations: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
}

/** What the author asked for. */
export type ScaffoldRequest =
  | { type: 'article'; title: string; publisher?: string; published?: string; id?: string }
  | { type: 'actor'; name: string; kind?: ActorKind; id?: string }
  | { type: 'event'; title: string; date: string; kind?: EventKind; actors?: string[]; id?: string }
  | { type: 'relation'; from: string; kind: string; to: string; id?: string };

/** A file to write, relative to the content folder, or the problems that stop it. */
export type ScaffoldResult =
  | { ok: true; id: string; path: string; text: string }
  | { ok: false; errors: string[] };

const FOLDER: Record<EntryType, keyof KnownIds> = {
  article: 'articles',
  actor: 'actors',
  event: 'events',
  relation: 'relations',
};

/** YAML for one scalar value, quoted only when it must be. */
function scalar(value: string): string {
  return stringify(value).trimEnd();
}

function checkRef(
  errors: string[],
  value: string,
  field: string,
  known: ReadonlySet<string>,
  where: string,
): void {
  if (!known.has(value))
    errors.push(
      `Unexpected \`${value}\` in \`${field}\`, expected an id from ${where}${didYouMean(value, known)}`,
    );
}

/** The id a request would get: the one given, or one made from its name or parts. */
export function proposedId(request: ScaffoldRequest): string {
  if (request.id) return request.id;
  switch (request.type) {
    case 'article':
    case 'event':
      return slugify(request.title);
    case 'actor':
      return slugify(request.name);
    case 'relation':
      return `${request.from}-${request.kind}-${request.to}`;
  }
}

/** Builds the new entry's file, checking ids against what exists. */
export function scaffoldEntry(request: ScaffoldRequest, known: KnownIds): ScaffoldResult {
  const errors: string[] = [];
  const id = proposedId(request);
  const folder = FOLDER[request.type];
  if (!isValidId(id))
    errors.push(`Unexpected id \`${id}\`, expected lower-case kebab-case such as \`some-name\``);
  if (known[folder].has(id))
    errors.push(`Unexpected duplicate: content/${folder}/${id}.md exists already`);
  let text = '';
  switch (request.type) {
    case 'article': {
      const published = request.published ?? new Date().toISOString().slice(0, 10);
      if (!parseDate(published).ok)
        errors.push(`Unexpected \`${published}\` in \`published\`, expected a date`);
      text = [
        '---',
        `title: ${scalar(request.title)}`,
        'summary: One or two sentences, plain text, in your own words.',
        'source:',
        `  publisher: ${scalar(request.publisher ?? 'Publisher name')}`,
        '  # byline: Agency or author',
        '  # via: [agency-actor-id]',
        '  # url: https://…',
        `  published: ${published}`,
        'tags: []',
        '---',
        '## What was reported',
        '',
        'The explainer in your own words. Link actors with [[actor-id]] or [[actor-id|shown text]], events with [[event:event-id]].',
        '',
      ].join('\n');
      break;
    }
    case 'actor': {
      const kind = request.kind ?? 'organization';
      if (!ACTOR_KINDS.includes(kind))
        errors.push(
          `Unexpected \`${kind}\` in \`kind\`, expected one of ${ACTOR_KINDS.join(', ')}`,
        );
      text = [
        '---',
        `name: ${scalar(request.name)}`,
        `kind: ${kind}`,
        '# role: Short role, e.g. Prime Minister of Japan',
        '# affiliation: actor-id',
        'aliases: []',
        '# country: JP',
        '# wikidata: Q…',
        '---',
        'A short profile in your own words.',
        '',
      ].join('\n');
      break;
    }
    case 'event': {
      const kind = request.kind ?? 'other';
      if (!EVENT_KINDS.includes(kind))
        errors.push(
          `Unexpected \`${kind}\` in \`kind\`, expected one of ${EVENT_KINDS.join(', ')}`,
        );
      const date = parseDate(request.date);
      if (!date.ok) errors.push(`Unexpected \`${request.date}\` in \`date\`: ${date.reason}`);
      const actors = request.actors ?? [];
      for (const actor of actors)
        checkRef(errors, actor, 'actors', known.actors, 'content/actors/');
      text = [
        '---',
        `title: ${scalar(request.title)}`,
        `date: ${request.date}`,
        '# end: 2022-02-24',
        'approximate: false',
        `kind: ${kind}`,
        `actors: [${actors.join(', ')}]`,
        'articles: []',
        'evidence: []',
        '#  - quote: "verbatim words from the article"',
        '#    article: article-id',
        '---',
        'What happened, in your own words.',
        '',
      ].join('\n');
      break;
    }
    case 'relation': {
      checkRef(errors, request.from, 'from', known.actors, 'content/actors/');
      checkRef(errors, request.to, 'to', known.actors, 'content/actors/');
      checkRef(errors, request.kind, 'kind', known.kinds, 'content/relation-kinds.yaml');
      text = [
        '---',
        `from: ${request.from}`,
        `to: ${request.to}`,
        `kind: ${request.kind}`,
        '# label: short text on the edge',
        '# since: 2022-02',
        '# until: 2022-02-24',
        'articles: []',
        'evidence: []',
        '#  - quote: "verbatim words from the article"',
        '#    article: article-id',
        '---',
        '',
      ].join('\n');
      break;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, id, path: `${folder}/${id}.md`, text };
}
