/** CSV exports (RFC 4180) of actors, relations and events, safe to open in a spreadsheet. */
import type { Story } from '../model/types.ts';

/** One cell: quoted when needed; a leading `=`, `+`, `@` or `-`+non-digit is prefixed with `'` so spreadsheets never run it as a formula. */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+@\t\r]|^-(?!\d)/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends, header first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `actors.csv`. */
export function actorsCsv(story: Story): string {
  return toCsv(
    ['id', 'name', 'kind', 'role', 'affiliation', 'aliases', 'country', 'wikidata'],
    story.actors.map((a) => [
      a.id,
      a.name,
      a.kind,
      a.role,
      a.affiliation,
      a.aliases.join('; '),
      a.country,
      a.wikidata,
    ]),
  );
}

/** `relations.csv`, Kumu-style: From, To, Type first. */
export function relationsCsv(story: Story): string {
  const kinds = new Map(story.kinds.map((k) => [k.id, k]));
  return toCsv(
    [
      'id',
      'From',
      'To',
      'Type',
      'label',
      'category',
      'directed',
      'since',
      'until',
      'articles',
      'evidence',
    ],
    story.relations.map((r) => [
      r.id,
      r.from,
      r.to,
      r.kind,
      r.label ?? kinds.get(r.kind)?.label,
      kinds.get(r.kind)?.category,
      kinds.get(r.kind)?.directed,
      r.since?.raw,
      r.until?.raw,
      r.articles.join('; '),
      r.evidence.map((e) => e.quote).join(' | '),
    ]),
  );
}

/** `events.csv`. */
export function eventsCsv(story: Story): string {
  return toCsv(
    ['id', 'title', 'date', 'end', 'precision', 'approximate', 'kind', 'actors', 'articles'],
    story.events.map((e) => [
      e.id,
      e.title,
      e.date.raw,
      e.end?.raw,
      e.date.precision,
      e.approximate,
      e.kind,
      e.actors.join('; '),
      e.articles.join('; '),
    ]),
  );
}
