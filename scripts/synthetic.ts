/**
 * Synthetic stories for benchmarks: a complete, valid content folder of any
 * size, the same every time for the same options (seeded d3-random LCG).
 *
 * Usage:
 *   node scripts/synthetic.ts <dir> [--actors 1000] [--relations-per-actor 3]
 *                                   [--events <actors / 2>] [--articles 6] [--seed 0.42]
 *
 * Writes <dir>/site.yaml, relation-kinds.yaml, articles/, actors/, events/ and
 * relations/ (the folder is emptied first). Actors come in communities of
 * about 40; most relations stay inside a community, so each article — which
 * picks one community's relations and events — has a diagram of 20–60
 * actors, as a real explainer would. Names include accented, Japanese and
 * Arabic ones; dates mix year, month, day and date-time precision. Then
 * `npm run check <dir>` passes without errors or warnings, and
 * `CONTENT_DIR=<dir> npx astro build` builds it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomLcg } from 'd3-random';
import type { RawContent, SourceFile } from '../src/lib/model/read.ts';
import type { CollectionName } from '../src/lib/model/schemas.ts';
import { type ActorKind, EVENT_KINDS, type EventKind } from '../src/lib/model/types.ts';
import { flag } from './lib/cli.ts';

/** What to generate. */
export interface SyntheticOptions {
  /** Number of actors. */
  actors: number;
  /** Relations starting at each actor (the story has actors × this many). */
  relationsPerActor?: number;
  /** Number of events; half the number of actors by default. */
  events?: number;
  /** Number of articles; a handful by default. */
  articles?: number;
  /** Seed in [0, 1) for the generator. */
  seed?: number;
}

/** One file of the content folder: its path relative to the folder, with `/` separators. */
export interface SyntheticFile {
  path: string;
  text: string;
}

/** A generated story: every file, and how many entries of each collection it holds. */
export interface SyntheticStory {
  files: SyntheticFile[];
  counts: { articles: number; actors: number; events: number; relations: number };
}

/** Any fixed seed makes the output reproducible. */
const DEFAULT_SEED = 0.42;
/** Relations per actor when not asked otherwise: the issue's 3N. */
const DEFAULT_RELATIONS_PER_ACTOR = 3;
/** Articles when not asked otherwise: "a handful". */
const DEFAULT_ARTICLES = 6;
/** Actors per community; an article draws on one community, so this bounds its diagram. */
const COMMUNITY_SIZE = 40;
/** Share of relations whose target is in the source's own community. */
const LOCAL_SHARE = 0.85;
/** Relations an article is about: with a 40-actor community this touches 20–40 actors. */
const RELATIONS_PER_ARTICLE = 32;
/** Events an article places on its timeline. */
const EVENTS_PER_ARTICLE = 8;
/** Actors an event involves, at most. */
const MAX_EVENT_ACTORS = 4;
/** A Unicode name every this many actors, so non-Latin names appear at every size. */
const UNICODE_EVERY = 37;
/** The story's time span: years from FIRST_YEAR, dates spread over YEARS years. */
const FIRST_YEAR = 2018;
const YEARS = 6;
const DAY_MS = 86_400_000;

/** A vocabulary close to the seed's (PLOVER/CAMEO), each kind with a category and direction. */
const KINDS = [
  { id: 'allies-with', label: 'is allied with', directed: false, category: 'cooperation' },
  { id: 'cooperates-with', label: 'cooperates with', directed: false, category: 'cooperation' },
  { id: 'supports', label: 'supports', directed: true, category: 'cooperation' },
  { id: 'urges', label: 'urges', directed: true, category: 'pressure' },
  { id: 'warns', label: 'warns', directed: true, category: 'pressure' },
  { id: 'sanctions', label: 'imposes sanctions on', directed: true, category: 'pressure' },
  { id: 'accuses', label: 'accuses', directed: true, category: 'conflict' },
  { id: 'disputes', label: 'is in a dispute with', directed: false, category: 'conflict' },
  { id: 'reports', label: 'reports on', directed: true, category: 'information' },
  { id: 'cites', label: 'cites', directed: true, category: 'information' },
  { id: 'leads', label: 'leads', directed: true, category: 'structure' },
  { id: 'member-of', label: 'is a member of', directed: true, category: 'structure' },
] as const;

/** Actor kinds in the order of their cumulative shares below. */
const ACTOR_KINDS: readonly ActorKind[] = ['person', 'organization', 'state', 'media'];
/** Cumulative shares of the actor kinds above: mostly people and organisations. */
const ACTOR_KIND_CUMULATIVE = [0.45, 0.75, 0.9, 1];

const SYLLABLES =
  'ka lo mi ren sa tor vel an dra es fin gal hor is jun ko lan mar nor ol per quin ros sel tam ul var wen yor zel'.split(
    ' ',
  );
const ORG_WORDS = 'Council Institute Union Agency Foundation Bank Alliance Group'.split(' ');
const MEDIA_WORDS = ['Herald', 'Gazette', 'Times', 'Wire', 'Courier', 'Post', 'Observer'];
const STATE_WORDS = ['Republic of', 'Kingdom of', 'Federation of', 'Commonwealth of'];
const COUNTRIES = ['JP', 'US', 'DE', 'FR', 'BR', 'IN', 'EG', 'SA', 'NO', 'PL', 'KR', 'ZA'];
const TOPICS = [
  'the harbour',
  'tariffs',
  'the pipeline',
  'fishing rights',
  'the election',
  'the treaty',
  'grain exports',
  'the border',
];

/** Names in other scripts and with diacritics, by actor kind. */
const UNICODE_NAMES: readonly { kind: ActorKind; name: string }[] = [
  { kind: 'person', name: 'Zoë Ångström' },
  { kind: 'person', name: '山田 花子' },
  { kind: 'organization', name: 'مجلس التعاون الإقليمي' },
  { kind: 'person', name: 'José Álvarez-Núñez' },
  { kind: 'media', name: '東京日報' },
  { kind: 'person', name: 'محمد العلي' },
  { kind: 'organization', name: 'Société Générale du Havre' },
  { kind: 'state', name: 'Øresund Føderation' },
  { kind: 'person', name: 'Łukasz Żółć' },
  { kind: 'organization', name: '日本港湾協会' },
];

/** How often optional fields are filled in: shares of the entries that have them. */
const SHARE = {
  wikidata: 0.2,
  personAlias: 0.3,
  personAffiliation: 0.5,
  relationLabel: 0.3,
  relationSince: 0.7,
  relationUntil: 0.35,
  relationBody: 0.25,
  eventEnd: 0.25,
  eventApproximate: 0.15,
  utcTime: 0.5,
};
/** Longest relation (days from `since` to `until`) and longest event span. */
const MAX_RELATION_DAYS = 3 * 365;
const MAX_EVENT_DAYS = 200;

type Random = () => number;

/** An actor as generated. */
interface GenActor {
  id: string;
  name: string;
  kind: ActorKind;
  community: number;
  aliases: string[];
  affiliation?: string;
  country?: string;
  wikidata?: string;
  role?: string;
}

interface GenRelation {
  id: string;
  from: GenActor;
  to: GenActor;
  kind: (typeof KINDS)[number];
  label?: string;
  since?: string;
  until?: string;
  articles: string[];
  quote: string;
  evidenceArticle: string;
  explained: boolean;
}

interface GenEvent {
  id: string;
  title: string;
  date: string;
  end?: string;
  approximate: boolean;
  kind: EventKind;
  actors: GenActor[];
  articles: string[];
  community: number;
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function word(random: Random, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i += 1) out += pick(random, SYLLABLES);
  return capitalize(out);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A fresh id from `base`, suffixed `-2`, `-3`… when taken. */
function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A name nobody else has (names and aliases are compared case-insensitively by the checks). */
function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out.toLowerCase()); n += 1) out = `${name} ${n}`;
  taken.add(out.toLowerCase());
  return out;
}

function actorKind(random: Random): ActorKind {
  const r = random();
  const index = ACTOR_KIND_CUMULATIVE.findIndex((share) => r < share);
  return ACTOR_KINDS[index] ?? 'person';
}

function baseName(random: Random, kind: ActorKind): string {
  if (kind === 'person') return `${word(random, 2)} ${word(random, integer(random, 2, 3))}`;
  if (kind === 'organization') return `${word(random, 2)} ${pick(random, ORG_WORDS)}`;
  if (kind === 'media') return `The ${word(random, 2)} ${pick(random, MEDIA_WORDS)}`;
  return `${pick(random, STATE_WORDS)} ${word(random, 3)}`;
}

/** A date between FIRST_YEAR and FIRST_YEAR + YEARS, as epoch ms at a whole minute. */
function randomInstant(random: Random): number {
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const minutes = Math.floor(random() * YEARS * 365 * 24 * 60);
  return start + minutes * 60_000;
}

/** Cumulative shares of year, month, day and date-time precision. */
const PRECISION_CUMULATIVE = [0.15, 0.45, 0.85, 1];
/** Offset of the non-UTC date-times, minutes: Japan's +09:00. */
const OFFSET_MINUTES = 9 * 60;

/**
 * `instant` as authored at a random precision. The written date covers the
 * instant, so an end written from a later instant is never before a start
 * written from an earlier one, whatever the two precisions.
 */
function formatInstant(random: Random, instant: number): string {
  const iso = new Date(instant).toISOString();
  const r = random();
  if (r < (PRECISION_CUMULATIVE[0] ?? 0)) return iso.slice(0, 4);
  if (r < (PRECISION_CUMULATIVE[1] ?? 0)) return iso.slice(0, 7);
  if (r < (PRECISION_CUMULATIVE[2] ?? 0)) return iso.slice(0, 10);
  if (random() < SHARE.utcTime) return `${iso.slice(0, 16)}Z`;
  const local = new Date(instant + OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(0, 16)}+09:00`;
}

/** A YAML scalar: ids, numbers and dates bare, text as a JSON string (valid YAML, any Unicode). */
function text(value: string): string {
  return JSON.stringify(value);
}

function list(ids: readonly string[]): string {
  return `[${ids.join(', ')}]`;
}

function frontmatter(lines: readonly (string | undefined)[], body: string): string {
  return `---\n${lines.filter((l) => l !== undefined).join('\n')}\n---\n${body}`;
}

function makeActors(random: Random, count: number): GenActor[] {
  const ids = new Set<string>();
  const names = new Set<string>();
  const actors: GenActor[] = [];
  for (let i = 0; i < count; i += 1) {
    const special = i % UNICODE_EVERY === UNICODE_EVERY - 1;
    const unicode = UNICODE_NAMES[Math.floor(i / UNICODE_EVERY) % UNICODE_NAMES.length];
    const kind = special && unicode ? unicode.kind : actorKind(random);
    const name = uniqueName(special && unicode ? unicode.name : baseName(random, kind), names);
    // Names without Latin letters (Japanese, Arabic) get a numbered id, as an author would pick one.
    const nameSlug = slug(name);
    const id = uniqueId(/^[a-z]/.test(nameSlug) ? nameSlug : `actor-${i + 1}`, ids);
    const actor: GenActor = {
      id,
      name,
      kind,
      community: Math.floor(i / COMMUNITY_SIZE),
      aliases: [],
    };
    if (kind === 'state') actor.country = pick(random, COUNTRIES);
    if (random() < SHARE.wikidata) actor.wikidata = `Q${integer(random, 1, 9_999_999)}`;
    if (kind === 'person') {
      actor.role = `${pick(random, ['Minister', 'Envoy', 'Chair', 'Spokesperson', 'Director'])} for ${pick(random, TOPICS)}`;
      const last = name.split(' ').at(-1);
      if (last && random() < SHARE.personAlias && !names.has(last.toLowerCase())) {
        names.add(last.toLowerCase());
        actor.aliases.push(last);
      }
    }
    actors.push(actor);
  }
  // Half the people belong to an organisation or state of their own community.
  const hosts = groupBy(
    actors.filter((a) => a.kind === 'state' || a.kind === 'organization'),
    (a) => a.community,
  );
  for (const actor of actors) {
    if (actor.kind !== 'person' || random() >= SHARE.personAffiliation) continue;
    const local = hosts.get(actor.community) ?? [];
    if (local.length > 0) actor.affiliation = pick(random, local).id;
  }
  return actors;
}

function makeRelations(
  random: Random,
  actors: readonly GenActor[],
  perActor: number,
  articleIds: readonly string[],
): GenRelation[] {
  const communities = groupBy(actors, (a) => a.community);
  const ids = new Set<string>();
  const relations: GenRelation[] = [];
  if (actors.length < 2) return relations;
  for (const from of actors) {
    const local = (communities.get(from.community) ?? []).filter((a) => a !== from);
    for (let k = 0; k < perActor; k += 1) {
      let to =
        local.length > 0 && random() < LOCAL_SHARE ? pick(random, local) : pick(random, actors);
      if (to === from) to = actors[(actors.indexOf(from) + 1) % actors.length] ?? to;
      const kind = pick(random, KINDS);
      const since = random() < SHARE.relationSince ? randomInstant(random) : undefined;
      const until =
        since !== undefined && random() < SHARE.relationUntil
          ? since + integer(random, 1, MAX_RELATION_DAYS) * DAY_MS
          : undefined;
      const topic = pick(random, TOPICS);
      relations.push({
        id: uniqueId(`${from.id}-${kind.id}-${to.id}`, ids),
        from,
        to,
        kind,
        ...(random() < SHARE.relationLabel ? { label: `${kind.label} over ${topic}` } : {}),
        ...(since === undefined ? {} : { since: formatInstant(random, since) }),
        ...(until === undefined ? {} : { until: formatInstant(random, until) }),
        articles: [],
        quote: `${from.name} ${kind.label} ${to.name} over ${topic}`,
        evidenceArticle: articleIds[from.community % articleIds.length] ?? '',
        explained: random() < SHARE.relationBody,
      });
    }
  }
  return relations;
}

function makeEvents(random: Random, actors: readonly GenActor[], count: number): GenEvent[] {
  const communities = groupBy(actors, (a) => a.community);
  const communityCount = communities.size;
  const ids = new Set<string>();
  const events: GenEvent[] = [];
  for (let i = 0; i < count && actors.length > 0; i += 1) {
    const community = Math.floor((i / count) * communityCount);
    const members = communities.get(community) ?? actors;
    const involved = new Set<GenActor>();
    const size = integer(random, 1, MAX_EVENT_ACTORS);
    for (let k = 0; k < size; k += 1) involved.add(pick(random, members));
    const kind = pick(random, EVENT_KINDS);
    const first = [...involved][0];
    const topic = pick(random, TOPICS);
    const title = `${first?.name ?? 'Someone'} ${kind === 'meeting' ? 'meets over' : 'speaks on'} ${topic}`;
    const instant = randomInstant(random);
    const end =
      random() < SHARE.eventEnd ? instant + integer(random, 1, MAX_EVENT_DAYS) * DAY_MS : undefined;
    events.push({
      id: uniqueId(`event-${i + 1}-${slug(topic)}`, ids),
      title,
      date: formatInstant(random, instant),
      ...(end === undefined ? {} : { end: formatInstant(random, end) }),
      approximate: random() < SHARE.eventApproximate,
      kind,
      actors: [...involved],
      articles: [],
      community,
    });
  }
  return events;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** `count` distinct items of `items`, chosen at random, in their original order. */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  const wanted = Math.min(count, items.length);
  while (chosen.size < wanted) chosen.add(Math.floor(random() * items.length));
  return [...chosen]
    .sort((a, b) => a - b)
    .flatMap((i) => (items[i] === undefined ? [] : [items[i]]));
}

function kindsYaml(): string {
  return `${KINDS.map((k) =>
    [
      `- id: ${k.id}`,
      `  label: ${text(k.label)}`,
      `  directed: ${k.directed}`,
      `  category: ${k.category}`,
    ].join('\n'),
  ).join('\n')}\n`;
}

function actorFile(actor: GenActor, neighbour: GenActor | undefined): string {
  const body = [
    `${actor.name} is a synthetic ${actor.kind} made up for benchmarks.`,
    neighbour ? `It deals most often with [[${neighbour.id}]].` : '',
    '',
  ].join('\n');
  return frontmatter(
    [
      `name: ${text(actor.name)}`,
      `kind: ${actor.kind}`,
      actor.role ? `role: ${text(actor.role)}` : undefined,
      actor.affiliation ? `affiliation: ${actor.affiliation}` : undefined,
      actor.aliases.length > 0 ? `aliases: [${actor.aliases.map(text).join(', ')}]` : undefined,
      actor.country ? `country: ${actor.country}` : undefined,
      actor.wikidata ? `wikidata: ${actor.wikidata}` : undefined,
    ],
    body,
  );
}

function relationFile(r: GenRelation): string {
  return frontmatter(
    [
      `from: ${r.from.id}`,
      `to: ${r.to.id}`,
      `kind: ${r.kind.id}`,
      r.label ? `label: ${text(r.label)}` : undefined,
      r.since ? `since: ${r.since}` : undefined,
      r.until ? `until: ${r.until}` : undefined,
      r.articles.length > 0 ? `articles: ${list(r.articles)}` : undefined,
      'evidence:',
      `  - quote: ${text(r.quote)}`,
      `    article: ${r.evidenceArticle}`,
    ],
    r.explained ? `Why [[${r.from.id}]] and [[${r.to.id}]] are linked, in a sentence.\n` : '',
  );
}

function eventFile(e: GenEvent): string {
  return frontmatter(
    [
      `title: ${text(e.title)}`,
      `date: ${e.date}`,
      e.end ? `end: ${e.end}` : undefined,
      e.approximate ? 'approximate: true' : undefined,
      `kind: ${e.kind}`,
      `actors: ${list(e.actors.map((a) => a.id))}`,
      e.articles.length > 0 ? `articles: ${list(e.articles)}` : undefined,
    ],
    `What happened, involving ${e.actors.map((a) => `[[${a.id}]]`).join(' and ')}.\n`,
  );
}

interface GenArticle {
  id: string;
  title: string;
  community: number;
  relations: GenRelation[];
  events: GenEvent[];
  via?: GenActor;
  published: string;
}

function articleFile(a: GenArticle): string {
  const paragraphs = a.relations.slice(0, 12).map((r, i) => {
    const event = a.events[i];
    const when = event ? ` after [[event:${event.id}]]` : '';
    return `[[${r.from.id}]] ${r.kind.label} [[${r.to.id}|${r.to.name}]]${when}: “${r.quote}”.`;
  });
  return frontmatter(
    [
      `title: ${text(a.title)}`,
      `summary: ${text(`A synthetic explainer about ${a.relations.length} relations in community ${a.community + 1}.`)}`,
      'source:',
      '  publisher: "Synthetic Press"',
      '  byline: "Benchmark Desk"',
      a.via ? `  via: [${a.via.id}]` : undefined,
      `  url: https://example.org/synthetic/${a.id}`,
      `  published: ${a.published}`,
      'tags: [synthetic, benchmark]',
    ],
    `## What happened\n\n${paragraphs.join('\n\n')}\n`,
  );
}

/** Generates a complete, valid story (pure: returns the files, writes nothing). */
export function generateStory(options: SyntheticOptions): SyntheticStory {
  const random = randomLcg(options.seed ?? DEFAULT_SEED);
  const actorCount = Math.max(2, Math.floor(options.actors));
  const perActor = options.relationsPerActor ?? DEFAULT_RELATIONS_PER_ACTOR;
  const eventCount = options.events ?? Math.ceil(actorCount / 2);
  const articleCount = Math.max(1, options.articles ?? DEFAULT_ARTICLES);
  const articleIds = Array.from({ length: articleCount }, (_, i) => `synthetic-report-${i + 1}`);

  const actors = makeActors(random, actorCount);
  const relations = makeRelations(random, actors, perActor, articleIds);
  const events = makeEvents(random, actors, eventCount);
  const communityCount = Math.ceil(actorCount / COMMUNITY_SIZE);

  const articles: GenArticle[] = articleIds.map((id, k) => {
    const community = Math.floor((k / articleCount) * communityCount);
    const local = relations.filter(
      (r) => r.from.community === community && r.to.community === community,
    );
    const chosen = sample(random, local, RELATIONS_PER_ARTICLE);
    const chosenEvents = sample(
      random,
      events.filter((e) => e.community === community),
      EVENTS_PER_ARTICLE,
    );
    for (const r of chosen) r.articles.push(id);
    for (const e of chosenEvents) e.articles.push(id);
    const media = actors.filter((a) => a.community === community && a.kind === 'media');
    return {
      id,
      title: `Synthetic report ${k + 1}: who presses whom in community ${community + 1}`,
      community,
      relations: chosen,
      events: chosenEvents,
      ...(media.length > 0 ? { via: pick(random, media) } : {}),
      published: `${FIRST_YEAR + YEARS}-0${(k % 9) + 1}-1${k % 10}T09:30+02:00`,
    };
  });

  // Every relation's evidence quotes the article of its community; point the quote at the one that prints it.
  for (const r of relations) if (r.articles[0]) r.evidenceArticle = r.articles[0];

  const firstNeighbour = new Map<string, GenActor>();
  for (const r of relations)
    if (!firstNeighbour.has(r.from.id)) firstNeighbour.set(r.from.id, r.to);

  const files: SyntheticFile[] = [
    {
      path: 'site.yaml',
      text: [
        `title: ${text(`Synthetic story: ${actorCount} actors`)}`,
        `description: ${text(`A generated story of ${actorCount} actors and ${relations.length} relations, for benchmarks.`)}`,
        'language: en',
        `defaultArticle: ${articleIds[0]}`,
        '',
      ].join('\n'),
    },
    { path: 'relation-kinds.yaml', text: kindsYaml() },
    ...articles.map((a) => ({ path: `articles/${a.id}.md`, text: articleFile(a) })),
    ...actors.map((a) => ({
      path: `actors/${a.id}.md`,
      text: actorFile(a, firstNeighbour.get(a.id)),
    })),
    ...events.map((e) => ({ path: `events/${e.id}.md`, text: eventFile(e) })),
    ...relations.map((r) => ({ path: `relations/${r.id}.md`, text: relationFile(r) })),
  ];
  return {
    files,
    counts: {
      articles: articles.length,
      actors: actors.length,
      events: events.length,
      relations: relations.length,
    },
  };
}

/** The generated files as raw content (what `readContent` returns), without touching the disk. */
export function toRawContent(story: SyntheticStory, root = 'synthetic'): RawContent {
  const entries = (folder: CollectionName): SourceFile[] =>
    story.files
      .filter((f) => f.path.startsWith(`${folder}/`))
      .map((f) => ({ path: `${root}/${f.path}`, text: f.text }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const top = (name: string): SourceFile | undefined => {
    const f = story.files.find((x) => x.path === name);
    return f && { path: `${root}/${f.path}`, text: f.text };
  };
  return {
    root,
    site: top('site.yaml'),
    kinds: top('relation-kinds.yaml'),
    collections: {
      articles: entries('articles'),
      actors: entries('actors'),
      events: entries('events'),
      relations: entries('relations'),
    },
  };
}

/** Writes a generated story into `dir`, emptying it first. */
export async function writeStory(dir: string, story: SyntheticStory): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['articles', 'actors', 'events', 'relations']) {
    await mkdir(path.join(dir, folder), { recursive: true });
  }
  // Bounded concurrency: thousands of files at once would exhaust file handles on small machines.
  const BATCH = 256;
  for (let i = 0; i < story.files.length; i += BATCH) {
    await Promise.all(
      story.files.slice(i, i + BATCH).map((f) => writeFile(path.join(dir, f.path), f.text, 'utf8')),
    );
  }
}

function numberFlag(argv: readonly string[], name: string): number | undefined {
  const value = flag(name, argv);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got \`${value}\``);
  return n;
}

/** Parses the CLI's arguments into a directory and options. */
export function parseSyntheticArgs(argv: readonly string[]): {
  dir: string | undefined;
  options: SyntheticOptions;
} {
  const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const options: SyntheticOptions = { actors: numberFlag(argv, 'actors') ?? 1000 };
  const perActor = numberFlag(argv, 'relations-per-actor');
  const events = numberFlag(argv, 'events');
  const articles = numberFlag(argv, 'articles');
  const seed = numberFlag(argv, 'seed');
  if (perActor !== undefined) options.relationsPerActor = perActor;
  if (events !== undefined) options.events = events;
  if (articles !== undefined) options.articles = articles;
  if (seed !== undefined) options.seed = seed;
  return { dir, options };
}

async function main(): Promise<void> {
  const { dir, options } = parseSyntheticArgs(process.argv.slice(2));
  if (!dir) {
    process.stderr.write('usage: node scripts/synthetic.ts <dir> [--actors 1000] [--events N]\n');
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const story = generateStory(options);
  await writeStory(dir, story);
  const { articles, actors, events, relations } = story.counts;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${dir}: ${articles} articles, ${actors} actors, ${events} events, ${relations} relations (${ms} ms)\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
