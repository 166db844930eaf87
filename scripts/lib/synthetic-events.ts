/**
 * Synthetic events for the timeline benchmark: many events over a few years, with every date
 * precision, spans, approximate dates and shared actors, the same every time for the same seed.
 * Kept apart from scripts/synthetic.ts (whole stories for the diagram benchmarks): the timeline
 * needs density over time, not communities of actors.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EVENT_KINDS, type EventKind } from '../../src/lib/model/types.ts';

/** What to generate. */
export interface SyntheticEventsOptions {
  events: number;
  /** Actors the events name; 40 by default. */
  actors?: number;
  /** Seed for the generator (any integer). */
  seed?: number;
}

/** One generated event, as its frontmatter would say it. */
export interface SyntheticEvent {
  id: string;
  title: string;
  date: string;
  end?: string;
  approximate: boolean;
  kind: EventKind;
  actors: string[];
}

/** A generated set: actors and events in time order of generation (not sorted). */
export interface SyntheticEvents {
  actors: { id: string; name: string }[];
  events: SyntheticEvent[];
}

const DEFAULT_ACTORS = 40;
const DEFAULT_SEED = 42;
/** Events fall in these years. */
const FIRST_YEAR = 2018;
const YEARS = 6;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Cumulative shares of year, month, day and date-time precision. */
const PRECISION_SHARES = [0.03, 0.15, 0.75, 1] as const;
/** Share of events with an end (spans) and of approximate ones. */
const SPAN_SHARE = 0.15;
const APPROXIMATE_SHARE = 0.1;
/** Longest span, in days. */
const MAX_SPAN_DAYS = 120;
/** Most actors one event names. */
const MAX_EVENT_ACTORS = 3;
const SUBJECTS = [
  'Ministers',
  'Envoys',
  'The council',
  'Port authorities',
  'Negotiators',
  'Observers',
];
const VERBS = ['discuss', 'announce', 'reject', 'report on', 'review', 'extend', 'suspend'];
const OBJECTS = [
  'grain quotas',
  'the river treaty',
  'border patrols',
  'a new tariff schedule',
  'fishing rights in the northern bay',
  'sanctions',
  'the harbour lease',
];
const NAMES = [
  'Avelin',
  'Borrow',
  'Castamir',
  'Dunmere',
  'Estwold',
  'Farrow',
  'Glenhaven',
  'Halver',
];

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An item of `list` picked by `next`. */
function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] as T;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` written at a precision: `2021`, `2021-03`, `2021-03-04` or `2021-03-04T10:20Z`. */
function writeDate(ms: number, precision: number): string {
  const d = new Date(ms);
  const year = String(d.getUTCFullYear());
  if (precision === 0) return year;
  const month = `${year}-${pad(d.getUTCMonth() + 1)}`;
  if (precision === 1) return month;
  const day = `${month}-${pad(d.getUTCDate())}`;
  if (precision === 2) return day;
  return `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
}

/** `count` events naming some of `actors` actors, deterministic for a seed. */
export function generateEvents(options: SyntheticEventsOptions): SyntheticEvents {
  const next = random(options.seed ?? DEFAULT_SEED);
  const actors = Array.from({ length: options.actors ?? DEFAULT_ACTORS }, (_, i) => ({
    id: `actor-${i + 1}`,
    name: `${pick(NAMES, next)} ${i + 1}`,
  }));
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - start;
  const events = Array.from({ length: options.events }, (_, i): SyntheticEvent => {
    const at = start + Math.floor(next() * span);
    const roll = next();
    const precision = PRECISION_SHARES.findIndex((share) => roll < share);
    const date = writeDate(at, precision);
    const hasEnd = precision >= 2 && next() < SPAN_SHARE;
    const end = hasEnd ? writeDate(at + Math.ceil(next() * MAX_SPAN_DAYS) * DAY_MS, 2) : undefined;
    const named = 1 + Math.floor(next() * MAX_EVENT_ACTORS);
    const ids = [...new Set(Array.from({ length: named }, () => pick(actors, next).id))];
    return {
      id: `event-${i + 1}`,
      title: `${pick(SUBJECTS, next)} ${pick(VERBS, next)} ${pick(OBJECTS, next)}`,
      date,
      ...(end ? { end } : {}),
      approximate: next() < APPROXIMATE_SHARE,
      kind: pick(EVENT_KINDS, next),
      actors: ids,
    };
  });
  return { actors, events };
}

/** Writes a complete content folder (site, one relation kind, one article, actors, events) to `dir`. */
export async function writeEventsStory(dir: string, story: SyntheticEvents): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['articles', 'actors', 'events', 'relations']) {
    await mkdir(path.join(dir, folder), { recursive: true });
  }
  await writeFile(
    path.join(dir, 'site.yaml'),
    'title: Timeline benchmark\ndescription: Synthetic events.\nlanguage: en\n',
  );
  await writeFile(
    path.join(dir, 'relation-kinds.yaml'),
    '- id: meets\n  label: meets\n  directed: false\n  category: cooperation\n',
  );
  await writeFile(
    path.join(dir, 'articles', 'benchmark.md'),
    '---\ntitle: Benchmark\nsummary: Synthetic.\nsource:\n  publisher: Bench\n  published: 2021-06-01\n---\n',
  );
  for (const actor of story.actors) {
    await writeFile(
      path.join(dir, 'actors', `${actor.id}.md`),
      `---\nname: ${JSON.stringify(actor.name)}\nkind: state\n---\n`,
    );
  }
  await writeFile(
    path.join(dir, 'relations', 'first-meets-second.md'),
    `---\nfrom: ${story.actors[0]?.id}\nto: ${story.actors[1]?.id}\nkind: meets\n---\n`,
  );
  for (const event of story.events) {
    const lines = [
      '---',
      `title: ${JSON.stringify(event.title)}`,
      `date: ${event.date}`,
      event.end ? `end: ${event.end}` : undefined,
      event.approximate ? 'approximate: true' : undefined,
      `kind: ${event.kind}`,
      `actors: [${event.actors.join(', ')}]`,
      '---',
      '',
    ].filter((line) => line !== undefined);
    await writeFile(path.join(dir, 'events', `${event.id}.md`), lines.join('\n'));
  }
}
