/**
 * Builds the one typed Story model from raw content files, checking every
 * field and every cross-reference. Never throws for content mistakes and
 * never prints: it returns diagnostics for the caller to report.
 */
import type { z } from 'astro/zod';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseDate } from '../dates/index.ts';
import type { PartialDate } from '../dates/types.ts';
import { partsHash } from '../hash.ts';
import { plainWikilinks } from '../remark/plain-prose.ts';
import { type FoundWikilink, findWikilinks } from '../remark/wikilinks.ts';
import {
  type Collector,
  createCollector,
  type Diagnostic,
  hasErrors,
  sortDiagnostics,
} from './diagnostics.ts';
import { type FieldPath, type ParsedYaml, parseYaml, splitFrontmatter } from './frontmatter.ts';
import { idFromFileName, isValidId, slugify } from './ids.ts';
import { KINDS_FILE, type RawContent, SITE_FILE, type SourceFile } from './read.ts';
import {
  ActorSchema,
  ArticleSchema,
  type CollectionName,
  EventSchema,
  RelationKindsSchema,
  RelationSchema,
  SiteSchema,
} from './schemas.ts';
import { didYouMean } from './suggest.ts';
import type {
  Actor,
  Article,
  Mentions,
  Relation,
  RelationKind,
  Site,
  Story,
  StoryEvent,
} from './types.ts';
import { unclosedComment, warnAboutStory } from './warnings.ts';
import { fieldName, reportIssues } from './zod-issues.ts';

/** The result of building: a best-effort story and everything wrong with the content. */
export interface BuildResult {
  story: Story;
  diagnostics: Diagnostic[];
}

/** A Markdown entry whose frontmatter passed its schema. */
interface Parsed<T> {
  id: string;
  file: string;
  data: T;
  body: string;
  bodyLine: number;
  yaml: ParsedYaml;
}

const FALLBACK_SITE: Site = { title: 'Dramatis', description: '', language: 'en' };

/**
 * The wikilinks found in bodies, by a hash of the body's text: finding them
 * means parsing the Markdown, most of the time a big story takes to check.
 * `previous` holds an earlier build's finds (the story cache keeps them, made
 * by the same code); `current` collects this build's, for the next.
 */
export interface WikilinkMemo {
  previous: ReadonlyMap<string, FoundWikilink[]>;
  current: Map<string, FoundWikilink[]>;
}

/** Checks raw content and builds the Story model from it. */
export function buildStory(raw: RawContent, links?: WikilinkMemo): BuildResult {
  const collector = createCollector();
  const site = parseSite(raw, collector);
  const kinds = parseKinds(raw, collector);
  const articles = parseEntries(raw, 'articles', ArticleSchema, collector);
  const actors = parseEntries(raw, 'actors', ActorSchema, collector);
  const events = parseEntries(raw, 'events', EventSchema, collector);
  const relations = parseEntries(raw, 'relations', RelationSchema, collector);

  // Ids come from file names, so an entry with a broken field still counts as existing:
  // one mistake gives one message, not one more for every reference to it.
  const ids = {
    articles: fileIds(raw, 'articles'),
    actors: fileIds(raw, 'actors'),
    events: fileIds(raw, 'events'),
    kinds: new Set(kinds.map((k) => k.id)),
  };
  const check = createRefChecker(collector, raw.root);
  const mentions = (entry: Parsed<unknown>) =>
    checkWikilinks(entry, ids, collector, raw.root, links);

  if (site.value.defaultArticle !== undefined && site.file) {
    check.ref(
      site.file,
      site.yaml,
      ['defaultArticle'],
      site.value.defaultArticle,
      'article',
      ids.articles,
    );
  }

  const story: Story = {
    site: site.value,
    kinds,
    articles: articles.map((entry) => {
      const { data, yaml, file } = entry;
      data.source.via.forEach((id, i) => {
        check.ref(file, yaml, ['source', 'via', i], id, 'actor', ids.actors);
      });
      const published = date(data.source.published);
      const updated = data.source.updated === undefined ? undefined : date(data.source.updated);
      if (updated)
        check.order(file, yaml, ['source', 'updated'], published, updated, '`source.published`');
      const article: Article = {
        id: entry.id,
        file,
        body: entry.body,
        title: data.title,
        summary: data.summary,
        tags: data.tags,
        source: {
          publisher: data.source.publisher,
          via: data.source.via,
          published,
          ...optional('byline', data.source.byline),
          ...optional('url', data.source.url),
          ...optional('updated', updated),
        },
        mentions: mentions(entry),
      };
      return article;
    }),
    actors: actors.map((entry) => {
      const { data, yaml, file } = entry;
      if (data.affiliation !== undefined) {
        if (data.affiliation === entry.id) {
          collector.error(
            file,
            yaml.locate(['affiliation']),
            `Unexpected \`affiliation\` to the actor itself`,
            'self-reference',
          );
        } else {
          check.ref(file, yaml, ['affiliation'], data.affiliation, 'actor', ids.actors);
        }
      }
      mentions(entry);
      const actor: Actor = {
        id: entry.id,
        file,
        body: entry.body,
        name: data.name,
        kind: data.kind,
        aliases: data.aliases,
        ...optional('role', data.role),
        ...optional('affiliation', data.affiliation),
        ...optional('country', data.country),
        ...optional('wikidata', data.wikidata),
      };
      return actor;
    }),
    events: events.map((entry) => {
      const { data, yaml, file } = entry;
      data.actors.forEach((id, i) => {
        check.ref(file, yaml, ['actors', i], id, 'actor', ids.actors);
      });
      data.articles.forEach((id, i) => {
        check.ref(file, yaml, ['articles', i], id, 'article', ids.articles);
      });
      check.evidence(file, yaml, data.evidence, ids.articles);
      const start = date(data.date);
      const end = data.end === undefined ? undefined : date(data.end);
      if (end) check.order(file, yaml, ['end'], start, end, '`date`');
      mentions(entry);
      const event: StoryEvent = {
        id: entry.id,
        file,
        body: entry.body,
        title: data.title,
        date: start,
        approximate: data.approximate,
        kind: data.kind,
        actors: data.actors,
        articles: data.articles,
        evidence: data.evidence,
        ...optional('end', end),
      };
      return event;
    }),
    relations: relations.map((entry) => {
      const { data, yaml, file } = entry;
      check.ref(file, yaml, ['from'], data.from, 'actor', ids.actors);
      check.ref(file, yaml, ['to'], data.to, 'actor', ids.actors);
      check.ref(
        file,
        yaml,
        ['kind'],
        data.kind,
        'relation kind',
        ids.kinds,
        `content/${KINDS_FILE}`,
      );
      data.articles.forEach((id, i) => {
        check.ref(file, yaml, ['articles', i], id, 'article', ids.articles);
      });
      check.evidence(file, yaml, data.evidence, ids.articles);
      const since = data.since === undefined ? undefined : date(data.since);
      const until = data.until === undefined ? undefined : date(data.until);
      if (since && until) check.order(file, yaml, ['until'], since, until, '`since`');
      mentions(entry);
      const relation: Relation = {
        id: entry.id,
        file,
        body: entry.body,
        from: data.from,
        to: data.to,
        kind: data.kind,
        articles: data.articles,
        evidence: data.evidence,
        ...optional('label', data.label),
        ...optional('since', since),
        ...optional('until', until),
      };
      return relation;
    }),
  };
  if (!hasErrors(collector.diagnostics)) {
    const yamlByFile = new Map(
      [...articles, ...actors, ...events, ...relations].map(
        (entry) => [entry.file, entry.yaml] as const,
      ),
    );
    warnAboutStory(
      story,
      collector,
      (file, path) => yamlByFile.get(file)?.locate(path) ?? { start: { line: 1, column: 1 } },
    );
  }
  return { story, diagnostics: sortDiagnostics(collector.diagnostics) };
}

function fileIds(raw: RawContent, collection: CollectionName): Set<string> {
  return new Set(raw.collections[collection].map((f) => idFromFileName(f.path)).filter(isValidId));
}

/** `{ key: value }` when value is defined, else `{}`: keeps optional fields absent rather than undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A date the schema already accepted. */
function date(value: string): PartialDate {
  const result = parseDate(value);
  if (!result.ok) throw new Error(`date ${value} passed the schema but does not parse`);
  return result.date;
}

function parseSite(
  raw: RawContent,
  collector: Collector,
): { value: Site; file?: string; yaml: ParsedYaml } {
  const file = raw.site?.path ?? `${raw.root}/${SITE_FILE}`;
  const yaml = parseYaml(raw.site?.text ?? '');
  if (!raw.site) {
    collector.error(
      file,
      yaml.locate([]),
      `Missing \`${SITE_FILE}\`, expected title, description and language`,
      'missing-file',
    );
    return { value: FALLBACK_SITE, yaml };
  }
  const data = parseYamlData(raw.site, yaml, SiteSchema, collector);
  return { value: data ?? FALLBACK_SITE, file, yaml };
}

function parseKinds(raw: RawContent, collector: Collector): RelationKind[] {
  const file = raw.kinds?.path ?? `${raw.root}/${KINDS_FILE}`;
  const yaml = parseYaml(raw.kinds?.text ?? '');
  if (!raw.kinds) {
    collector.error(
      file,
      yaml.locate([]),
      `Missing \`${KINDS_FILE}\`, expected a list of relation kinds`,
      'missing-file',
    );
    return [];
  }
  const kinds = parseYamlData(raw.kinds, yaml, RelationKindsSchema, collector) ?? [];
  const first = new Map<string, number>();
  const unique: RelationKind[] = [];
  kinds.forEach((kind, index) => {
    const earlier = first.get(kind.id);
    if (earlier === undefined) {
      first.set(kind.id, index);
      unique.push(kind);
      return;
    }
    const at = yaml.locate([earlier, 'id']).start;
    collector.error(
      file,
      yaml.locate([index, 'id']),
      `Unexpected duplicate relation kind \`${kind.id}\`, first defined at ${at.line}:${at.column}`,
      'duplicate-id',
    );
  });
  return unique.sort((a, b) => a.id.localeCompare(b.id));
}

function parseYamlData<S extends z.ZodType>(
  source: SourceFile,
  yaml: ParsedYaml,
  schema: S,
  collector: Collector,
): z.infer<S> | undefined {
  for (const error of yaml.errors)
    collector.error(source.path, error.place, error.reason, 'yaml-syntax');
  if (yaml.errors.length > 0) return undefined;
  const result = schema.safeParse(yaml.data ?? {});
  if (result.success) return result.data;
  reportIssues(result.error.issues, { file: source.path, yaml, schema, collector });
  return undefined;
}

function parseEntries<S extends z.ZodType>(
  raw: RawContent,
  collection: CollectionName,
  schema: S,
  collector: Collector,
): Parsed<z.infer<S>>[] {
  const entries: Parsed<z.infer<S>>[] = [];
  for (const source of raw.collections[collection]) {
    const id = idFromFileName(source.path);
    const top = { start: { line: 1, column: 1 } };
    if (!isValidId(id)) {
      collector.error(
        source.path,
        top,
        `Unexpected file name \`${id}.md\`, expected an id in lower-case kebab-case`,
        'invalid-id',
        `rename it to \`${slugify(id) || 'some-id'}.md\``,
      );
      continue;
    }
    const split = splitFrontmatter(source.text);
    if (split.yaml === undefined) {
      collector.error(
        source.path,
        top,
        'Missing frontmatter, expected YAML fields between two `---` lines at the top of the file',
        'missing-frontmatter',
      );
      continue;
    }
    const yaml = parseYaml(split.yaml, split.yamlLine);
    const data = parseYamlData(source, yaml, schema, collector);
    if (data === undefined) continue;
    const comment = unclosedComment(split.body);
    if (comment) {
      collector.warn(
        source.path,
        { start: { line: comment.line + split.bodyLine - 1, column: comment.column } },
        'Unexpected `<!--` without a closing `-->`: everything after it is hidden from the page',
        'unclosed-comment',
        'close the comment with `-->`, or write `&lt;!--` to show it as text',
      );
    }
    entries.push({ id, file: source.path, data, body: split.body, bodyLine: split.bodyLine, yaml });
  }
  return entries;
}

interface RefChecker {
  ref(
    file: string,
    yaml: ParsedYaml,
    path: FieldPath,
    id: string,
    what: string,
    known: Set<string>,
    where?: string,
  ): void;
  evidence(
    file: string,
    yaml: ParsedYaml,
    evidence: { article: string }[],
    articles: Set<string>,
  ): void;
  order(
    file: string,
    yaml: ParsedYaml,
    path: FieldPath,
    start: PartialDate,
    end: PartialDate,
    startName: string,
  ): void;
}

const FOLDERS: Record<string, string> = { actor: 'actors', article: 'articles', event: 'events' };

function createRefChecker(collector: Collector, root: string): RefChecker {
  const checker: RefChecker = {
    ref(file, yaml, path, id, what, known, where) {
      if (known.has(id)) return;
      const field = fieldName(path);
      const folder = where ?? `${root}/${FOLDERS[what] ?? what}/`;
      const hint = where
        ? `fix the id, or add \`${id}\` to ${where}`
        : `fix the id, or add ${folder}${id}.md`;
      collector.error(
        file,
        yaml.locate(path),
        `Unexpected ${what} \`${id}\` in \`${field}\`, expected an id from ${folder}${didYouMean(id, known)}`,
        `unknown-${what.replace(/ /g, '-')}`,
        hint,
      );
    },
    evidence(file, yaml, evidence, articles) {
      evidence.forEach((item, i) => {
        checker.ref(file, yaml, ['evidence', i, 'article'], item.article, 'article', articles);
      });
    },
    order(file, yaml, path, start, end, startName) {
      if (end.end > start.start) return;
      collector.error(
        file,
        yaml.locate(path),
        `Unexpected \`${String(path.at(-1))}\` \`${end.raw}\` before ${startName} \`${start.raw}\`, expected the same date or a later one`,
        'date-order',
      );
    },
  };
  return checker;
}

/**
 * The wikilinks of a body: read directly from plain prose, otherwise from its
 * CommonMark tree, or from the memo when an earlier build parsed the body.
 */
function wikilinksIn(body: string, memo: WikilinkMemo | undefined): FoundWikilink[] {
  const plain = plainWikilinks(body);
  if (plain) return plain;
  if (!memo) return findWikilinks(fromMarkdown(body), body);
  const key = partsHash().add(body).hex();
  const found =
    memo.current.get(key) ?? memo.previous.get(key) ?? findWikilinks(fromMarkdown(body), body);
  memo.current.set(key, found);
  return found;
}

function checkWikilinks(
  entry: Parsed<unknown>,
  ids: { actors: Set<string>; events: Set<string> },
  collector: Collector,
  root: string,
  memo?: WikilinkMemo,
): Mentions {
  const mentions: Mentions = { actors: [], events: [] };
  // No `[[`, no wikilink: most entries of a big story skip the Markdown parser.
  if (!entry.body.includes('[[')) return mentions;
  for (const link of wikilinksIn(entry.body, memo)) {
    const known = link.type === 'actor' ? ids.actors : ids.events;
    const place = { start: { line: link.line + entry.bodyLine - 1, column: link.column } };
    if (!known.has(link.id)) {
      const syntax = link.type === 'actor' ? `[[${link.id}]]` : `[[event:${link.id}]]`;
      collector.error(
        entry.file,
        place,
        `Unexpected ${link.type} \`${link.id}\` in wikilink \`${syntax}\`, expected an id from ${root}/${link.type}s/${didYouMean(link.id, known)}`,
        `unknown-${link.type}`,
        `fix the link, or add ${root}/${link.type}s/${link.id}.md`,
      );
      continue;
    }
    const list = link.type === 'actor' ? mentions.actors : mentions.events;
    if (!list.includes(link.id)) list.push(link.id);
  }
  return mentions;
}
