/**
 * Kumu-style connections CSV → relation entries (`npm run import -- csv`).
 * Pure: takes the CSV text, the actors and relation kinds that exist, and
 * returns the files to write and a report of every row or field left out.
 */
import { isBefore, type PartialDate, parseDate } from '../dates/index.ts';
import { slugify } from '../model/ids.ts';
import { didYouMean } from '../model/suggest.ts';
import { foldAccents } from '../text/fold.ts';
import {
  escapeMarkdownText,
  type ImportFailure,
  type ImportPlan,
  type KnownIds,
  type PlannedEntry,
  scalar,
  shortSlug,
  uniqueId,
} from './scaffold.ts';

// ── RFC 4180 ──────────────────────────────────────────────────────────────

/** One CSV record and the line of the file it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** The records of a CSV file, or where and why it cannot be read. */
export type CsvResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; reason: string };

const QUOTE = '"';
const COMMA = ',';
const CR = '\r';
const LF = '\n';
const BOM = '\uFEFF';

/**
 * Reads CSV as RFC 4180 has it: comma-separated fields, records ended by CRLF
 * or LF (a lone CR too), fields in double quotes may hold commas, line breaks
 * and `""` for a quote. A leading UTF-8 BOM is skipped; line breaks inside
 * quotes come back as `\n`. A quote inside an unquoted field is kept as text
 * (hand-written files have `5" screen`); text after a closing quote and an
 * unclosed quote are errors, since the rest of the file would be misread.
 */
export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  /** Just after the closing quote of a quoted field. */
  let closed = false;
  /** The current field has begun (so `""` is an empty field, not nothing). */
  let started = false;
  const endField = () => {
    fields.push(field);
    field = '';
    closed = false;
    started = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, line: recordLine });
    fields = [];
  };
  let i = text.startsWith(BOM) ? 1 : 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === QUOTE && text[i + 1] === QUOTE) {
        field += QUOTE;
        i += 2;
        continue;
      }
      if (c === QUOTE) {
        quoted = false;
        closed = true;
      } else if (c === CR || c === LF) {
        field += LF;
        line += 1;
        if (c === CR && text[i + 1] === LF) i += 1;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === COMMA) endField();
    else if (c === CR || c === LF) {
      endRecord();
      if (c === CR && text[i + 1] === LF) i += 1;
      line += 1;
      recordLine = line;
    } else if (closed) {
      return {
        ok: false,
        line,
        reason: `Unexpected \`${c}\` after the closing quote of a field, expected \`,\` or a line break (a quote inside a quoted field is written twice: \`""\`)`,
      };
    } else if (c === QUOTE && !started) {
      quoted = true;
      quoteLine = line;
      started = true;
    } else {
      field += c;
      started = true;
    }
    i += 1;
  }
  if (quoted)
    return {
      ok: false,
      line: quoteLine,
      reason: 'Unexpected end of file inside a quoted field, expected a closing `"`',
    };
  // The last record needs no line break after it; a final line break ends nothing new.
  if (started || closed || fields.length > 0) endRecord();
  return { ok: true, records };
}

// ── Connections ───────────────────────────────────────────────────────────

/** An actor as the importer matches it: by id, name or alias. */
export interface KnownActor {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** A relation kind as the importer matches it: by id, label or inverse label. */
export interface KnownKind {
  id: string;
  label: string;
  inverse?: string;
}

/** What the CSV importer needs besides the text. */
export interface CsvImportOptions {
  known: KnownIds;
  actors: readonly KnownActor[];
  kinds: readonly KnownKind[];
  /** Article id to list in every imported relation's `articles`. */
  article?: string;
  /** Make a stub actor (kind organization) for a name that matches none, instead of skipping the row. */
  createActors?: boolean;
}

/** The plan, or why the file is not a connections sheet at all. */
export type CsvImportResult = ({ ok: true } & ImportPlan) | ImportFailure;

/** The columns read, each with the header names it goes by (compared folded, in lower case). */
const COLUMNS = {
  from: ['from', 'source'],
  to: ['to', 'target'],
  type: ['type', 'connection type', 'kind'],
  label: ['label'],
  description: ['description'],
  since: ['since', 'date', 'start', 'start date'],
  until: ['until', 'end', 'end date'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['from', 'to', 'type'];

/** Why columns we recognise are still not imported. */
const UNMAPPED_REASONS: Record<string, string> = {
  tags: 'relations have no tags',
  direction: 'the relation kind decides the direction (`directed` in relation-kinds.yaml)',
};

/** Folded, lower-case, single-spaced: how names, headers and types are compared. */
function fold(text: string): string {
  return foldAccents(text).toLowerCase().trim().replace(/\s+/g, ' ');
}

/** A relation type as the user may write it: `Reports On` → `reports-on`. */
function kindKey(text: string): string {
  return fold(text).replace(/ /g, '-');
}

/** Plans one relation per row of a Kumu-style connections sheet (From, To, Type …). */
export function planCsvImport(text: string, options: CsvImportOptions): CsvImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, reason: `line ${parsed.line}: ${parsed.reason}` };
  const [header, ...rows] = parsed.records;
  if (!header)
    return { ok: false, reason: 'the file is empty; expected a header row From,To,Type' };
  const columns = mapHeader(header.fields);
  const missing = REQUIRED.filter((name) => columns.index[name] === undefined);
  if (missing.length > 0) {
    const names = missing.map((m) => `\`${m[0]?.toUpperCase()}${m.slice(1)}\``).join(', ');
    const joined = header.fields.join(',');
    const hint = /[;\t]/.test(joined)
      ? ' — the header looks separated by `;` or tabs; save the sheet as comma-separated CSV'
      : '';
    return {
      ok: false,
      reason: `Unexpected header \`${joined.slice(0, 120)}\`, expected columns From, To and Type; missing ${names}${hint}`,
    };
  }

  const plan: ImportPlan = { entries: [], skipped: [], notMapped: [], notes: [] };
  const matcher = createMatcher(options);
  const takenRelations = new Set(options.known.relations);
  const unmappedCounts = new Map<number, number>();
  rows.forEach((record, index) => {
    const row = index + 2; // The header is row 1, as in a spreadsheet.
    const where = record.line === row ? `row ${row}` : `row ${row} (line ${record.line})`;
    if (record.fields.every((f) => !f.trim())) return;
    for (const i of columns.unmapped)
      if (record.fields[i]?.trim()) unmappedCounts.set(i, (unmappedCounts.get(i) ?? 0) + 1);
    const extra = record.fields.slice(header.fields.length).filter((f) => f.trim());
    if (extra.length > 0)
      plan.notMapped.push({
        where,
        message: `${extra.length} field(s) beyond the ${header.fields.length} header columns dropped`,
      });
    const value = (name: Column) => {
      for (const i of columns.all[name]) {
        const v = record.fields[i]?.trim();
        if (v) return { value: v, header: header.fields[i]?.trim() ?? name };
      }
      return undefined;
    };
    const entry = planRow(value, where, matcher, takenRelations, options, plan);
    if (entry) {
      takenRelations.add(entry.id);
      plan.entries.push(entry);
    }
  });
  for (const [i, count] of unmappedCounts) {
    const name = header.fields[i]?.trim() ?? '';
    plan.notMapped.push({
      where: `column \`${name}\``,
      message: `not imported (${count} row(s) have a value): ${UNMAPPED_REASONS[fold(name)] ?? 'relations have no such field'}`,
    });
  }
  plan.entries.push(...matcher.stubs);
  const unknownActors = matcher.rowsWithUnknownActors;
  if (unknownActors > 0)
    plan.notes.push(
      `${unknownActors} row(s) name actors that do not exist: add them to actors/, or import again with --create-actors to make stubs`,
    );
  return { ok: true, ...plan };
}

interface HeaderMap {
  /** The first column of each kind. */
  index: Partial<Record<Column, number>>;
  /** Every column of each kind, in order (`Since` and `Date` both give `since`). */
  all: Record<Column, number[]>;
  /** Columns with a name we do not import. */
  unmapped: number[];
}

function mapHeader(fields: readonly string[]): HeaderMap {
  const names = Object.keys(COLUMNS) as Column[];
  const all = {} as Record<Column, number[]>;
  for (const column of names) all[column] = [];
  const unmapped: number[] = [];
  fields.forEach((field, i) => {
    const name = fold(field);
    const column = names.find((c) => (COLUMNS[c] as readonly string[]).includes(name));
    if (column) all[column].push(i);
    else if (name) unmapped.push(i);
  });
  // Within a kind, the header named first in COLUMNS wins (`Since` before `Date`).
  for (const column of names) {
    const rank = (i: number) =>
      (COLUMNS[column] as readonly string[]).indexOf(fold(fields[i] ?? ''));
    all[column].sort((a, b) => rank(a) - rank(b) || a - b);
  }
  const index: HeaderMap['index'] = {};
  for (const column of names) index[column] = all[column][0];
  return { index, all, unmapped };
}

type CellReader = (name: Column) => { value: string; header: string } | undefined;

function planRow(
  cell: CellReader,
  where: string,
  matcher: Matcher,
  taken: ReadonlySet<string>,
  options: CsvImportOptions,
  plan: ImportPlan,
): PlannedEntry | undefined {
  const skip = (message: string) => {
    plan.skipped.push({ where, message });
    return undefined;
  };
  const from = cell('from');
  const to = cell('to');
  const type = cell('type');
  if (!from || !to || !type) {
    const empty = [from ? '' : 'From', to ? '' : 'To', type ? '' : 'Type'].filter(Boolean);
    return skip(`no ${empty.map((e) => `\`${e}\``).join(', ')}`);
  }

  // Check everything before creating stubs, so a row that is skipped creates nothing.
  const kind = matcher.kind(type.value);
  const problems: string[] = [];
  if (!kind)
    problems.push(
      `Unexpected relation type \`${type.value}\` in \`${type.header}\`, expected an id or label from relation-kinds.yaml${didYouMean(kindKey(type.value), matcher.kindIds)}`,
    );
  const ends = [
    { cell: from, found: matcher.actor(from.value) },
    { cell: to, found: matcher.actor(to.value) },
  ];
  for (const { cell: c, found } of ends) {
    if (found.kind === 'ambiguous')
      problems.push(
        `\`${c.value}\` in \`${c.header}\` names several actors (${found.ids.map((id) => `\`${id}\``).join(', ')}); write the id instead`,
      );
    else if (found.kind === 'unknown' && !options.createActors)
      problems.push(
        `Unexpected actor \`${c.value}\` in \`${c.header}\`, expected an id, name or alias from actors/${didYouMean(slugify(c.value), matcher.actorIds)}`,
      );
  }
  if (ends.some((end) => end.found.kind === 'unknown') && !options.createActors)
    matcher.rowsWithUnknownActors += 1;
  if (problems.length > 0 || !kind) return skip(problems.join('; '));
  let [fromId, toId] = ends.map(({ cell: c, found }) =>
    found.kind === 'found' ? found.id : matcher.stub(c.value),
  ) as [string, string];
  if (kind.inverse) {
    [fromId, toId] = [toId, fromId];
    plan.notes.push(
      `${where}: \`${type.value}\` is the inverse of \`${kind.id}\`, so the relation reads ${fromId} ${kind.id} ${toId}`,
    );
  }
  if (fromId === toId) return skip(`\`From\` and \`To\` are the same actor \`${fromId}\``);

  const since = readDate(cell('since'), where, plan);
  let until = readDate(cell('until'), where, plan);
  if (since && until && isBefore(until, since)) {
    plan.notMapped.push({
      where,
      message: `\`until\` \`${until.raw}\` dropped: it is before \`since\` \`${since.raw}\``,
    });
    until = undefined;
  }
  const label = cell('label')?.value.replace(/\s+/g, ' ');
  const description = cell('description')?.value;

  const id = uniqueId(`${fromId}-${kind.id}-${toId}`, taken);
  const lines = ['---', `from: ${fromId}`, `to: ${toId}`, `kind: ${kind.id}`];
  if (label) lines.push(`label: ${scalar(label)}`);
  if (since) lines.push(`since: ${since.raw}`);
  if (until) lines.push(`until: ${until.raw}`);
  if (options.article) lines.push(`articles: [${options.article}]`);
  lines.push('---');
  const body = description ? `${escapeMarkdownText(description)}\n` : '';
  return {
    collection: 'relations',
    id,
    path: `relations/${id}.md`,
    text: `${lines.join('\n')}\n${body}`,
  };
}

function readDate(
  cell: { value: string; header: string } | undefined,
  where: string,
  plan: ImportPlan,
): PartialDate | undefined {
  if (!cell) return undefined;
  const parsed = parseDate(cell.value);
  if (parsed.ok) return parsed.date;
  plan.notMapped.push({
    where,
    message: `\`${cell.header}\` \`${cell.value}\` dropped: ${parsed.reason}; expected ${parsed.expected}`,
  });
  return undefined;
}

// ── Matching names to ids ─────────────────────────────────────────────────

type ActorMatch =
  | { kind: 'found'; id: string }
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'unknown' };

interface Matcher {
  actorIds: ReadonlySet<string>;
  kindIds: readonly string[];
  actor(value: string): ActorMatch;
  kind(value: string): { id: string; inverse: boolean } | undefined;
  /** The id of the stub actor for `name`, planning it on first use. */
  stub(name: string): string;
  /** Stub actors planned so far. */
  stubs: PlannedEntry[];
  /** Rows skipped for naming an actor that does not exist. */
  rowsWithUnknownActors: number;
}

function createMatcher(options: CsvImportOptions): Matcher {
  const actorIds = new Set(options.known.actors);
  const byName = new Map<string, Set<string>>();
  const addName = (name: string, id: string) => {
    const key = fold(name);
    if (!key) return;
    const ids = byName.get(key) ?? new Set<string>();
    ids.add(id);
    byName.set(key, ids);
  };
  for (const actor of options.actors) {
    addName(actor.name, actor.id);
    for (const alias of actor.aliases) addName(alias, actor.id);
  }
  const kinds = new Map<string, { id: string; inverse: boolean }>();
  for (const k of options.kinds) {
    kinds.set(kindKey(k.label), { id: k.id, inverse: false });
    if (k.inverse && !kinds.has(kindKey(k.inverse)))
      kinds.set(kindKey(k.inverse), { id: k.id, inverse: true });
  }
  // Ids win over labels: a kind's id never reads as another kind's label.
  for (const k of options.kinds) kinds.set(k.id, { id: k.id, inverse: false });
  for (const id of options.known.kinds) if (!kinds.has(id)) kinds.set(id, { id, inverse: false });

  const stubs: PlannedEntry[] = [];
  const stubIds = new Map<string, string>();
  return {
    actorIds,
    kindIds: [...kinds.values()].map((k) => k.id),
    actor(value) {
      const id = value.trim().toLowerCase();
      if (actorIds.has(id)) return { kind: 'found', id };
      const stub = stubIds.get(fold(value));
      if (stub) return { kind: 'found', id: stub };
      const ids = [...(byName.get(fold(value)) ?? [])];
      if (ids.length === 1 && ids[0]) return { kind: 'found', id: ids[0] };
      return ids.length > 1 ? { kind: 'ambiguous', ids: ids.sort() } : { kind: 'unknown' };
    },
    kind: (value) => kinds.get(kindKey(value)),
    stub(name) {
      const key = fold(name);
      const existing = stubIds.get(key);
      if (existing) return existing;
      const taken = new Set([...actorIds, ...stubIds.values()]);
      const id = uniqueId(shortSlug(name) || 'actor', taken);
      stubIds.set(key, id);
      stubs.push({
        collection: 'actors',
        id,
        path: `actors/${id}.md`,
        text: [
          '---',
          `name: ${scalar(name.replace(/\s+/g, ' ').trim())}`,
          'kind: organization',
          '---',
          'Made by `npm run import` from a connections sheet: check the kind and write a short profile.',
          '',
        ].join('\n'),
        note: `stub actor, kind organization: check it${didYouMean(id, actorIds)}`,
      });
      return id;
    },
    stubs,
    rowsWithUnknownActors: 0,
  };
}
