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

/** YAML for one scalar value on one line, quoted only when it must be. */
export function scalar(value: string): string {
  // Folding (lineWidth) or block scalars would start lines at column 0, outside the key.
  return stringify(value, { lineWidth: 0, blockQuote: false }).trimEnd();
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

// Shared by the importers (`npm run import`): ids, the plan they return, safe Markdown.

/** Longest id an importer makes from free text; longer slugs are cut at a hyphen so file names stay readable. */
const MAX_SLUG_LENGTH = 60;

/** A slug of `text` of at most {@link MAX_SLUG_LENGTH} characters, cut at a word boundary; may be empty. */
export function shortSlug(text: string): string {
  const slug = slugify(text);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, MAX_SLUG_LENGTH);
}

/** `base`, or `base-2`, `base-3`… — the first one not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** One file an importer plans to write, relative to the content folder. */
export interface PlannedEntry {
  collection: 'actors' | 'events' | 'relations';
  id: string;
  /** E.g. `events/harbour-closed.md`. */
  path: string;
  text: string;
  /** Shown beside the path, e.g. that a stub needs checking. */
  note?: string;
}

/** Something in the input an import did not carry over, and where it was. */
export interface ImportIssue {
  /** E.g. `events[3] "Talks"` or `row 5`. */
  where: string;
  message: string;
}

/** What an import would do: files to write and everything it left out, with reasons. */
export interface ImportPlan {
  entries: PlannedEntry[];
  /** Slides or rows not imported at all. */
  skipped: ImportIssue[];
  /** Fields of imported slides or rows that were dropped. */
  notMapped: ImportIssue[];
  /** Things the author should know that are not losses, e.g. how times are read. */
  notes: string[];
}

/** An input an importer cannot read at all. */
export interface ImportFailure {
  ok: false;
  reason: string;
}

/** Characters that are Markdown syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]<>~]/g;
/** `&` that would start a character reference (`&amp;`, `&#91;`). */
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;
/** Line starts that open a heading, list, rule or setext underline. */
const BLOCK_START = /^(\s*)([#+=-]|\d+(?=[.)]))/;

/** Text with the characters that are Markdown syntax within a line escaped; line starts are {@link escapeLineStart}'s. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&').replace(ENTITY_START, '\\&');
}

/** One line of Markdown whose first character cannot open a block (`- x` → `\- x`). */
export function escapeLineStart(line: string): string {
  return line.replace(BLOCK_START, (_, space: string, mark: string) =>
    /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/**
 * Markdown that shows exactly `text`: syntax characters are escaped, and
 * `[[…]]` is spaced out (`[ […] ]`) because our wikilinks are read from the
 * decoded text, where escapes no longer count. No HTML survives; lines lose
 * their leading spaces.
 */
export function escapeMarkdownText(text: string): string {
  return guardWikilinks(
    text
      .split('\n')
      .map((line) =>
        // Leading spaces would make an indented code block, where escapes show as backslashes.
        escapeLineStart(escapeInline(line.trimStart())),
      )
      .join('\n'),
  );
}

/** Markdown with every escaped `[[` or `]]` spaced out (`\[ \[`), so it cannot read as a wikilink. */
export function guardWikilinks(markdown: string): string {
  return markdown.replace(/\\\[(?=\\\[)/g, '\\[ ').replace(/\\\](?=\\\])/g, '\\] ');
}
