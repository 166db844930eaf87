/**
 * Words the diagram shows and announces: relations as sentences, selection
 * announcements for screen readers, the time-window readout. Pure; runs in
 * the browser.
 */
import { formatDate } from '../../dates/format.ts';
import type { PartialDate } from '../../dates/types.ts';

/** Pieces of a relation sentence. */
export interface SentenceParts {
  from: string;
  label: string;
  to: string;
  directed: boolean;
}

/** A relation as it reads in the panel: "Japan — disputes territory with → Russia"; undirected "A — allies with — B". */
export function relationSentence({ from, label, to, directed }: SentenceParts): string {
  return `${from} — ${label} ${directed ? '→' : '—'} ${to}`;
}

/** The same without arrows, for screen readers: "Japan disputes territory with Russia". */
export function relationPlain({ from, label, to }: SentenceParts): string {
  return `${from} ${label} ${to}`;
}

/** "1 relation", "6 relations". */
export function countRelations(count: number): string {
  return `${count} relation${count === 1 ? '' : 's'}`;
}

/** What the live region says when an actor is selected: "Japan selected: 6 relations". */
export function actorAnnouncement(name: string, relations: number): string {
  return `${name} selected: ${countRelations(relations)}`;
}

/**
 * The time-window readout: "Relations active between January 2022 and
 * 5 February 2022: 9 of 14", "… in May 2031: …" when both ends read the same,
 * "… from May 2031 on: …" or "… until May 2031: …" for an open side.
 */
export function windowReadout(
  from: PartialDate | undefined,
  to: PartialDate | undefined,
  active: number,
  total: number,
): string {
  const a = from ? formatDate(from) : undefined;
  const b = to ? formatDate(to) : undefined;
  let span: string;
  if (a && b) span = a === b ? `in ${a}` : `between ${a} and ${b}`;
  else if (a) span = `from ${a} on`;
  else if (b) span = `until ${b}`;
  else span = 'at any time';
  return `Relations active ${span}: ${active} of ${total}`;
}
