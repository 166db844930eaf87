/**
 * Search records for events. The timeline shows every event on one page, and
 * Pagefind only splits a page at headings that carry an id, so each event is
 * indexed as a record of its own that links to its place on the timeline
 * (`timeline/#event-<id>`), with its title, date, kind, actors, evidence and
 * body as text.
 */
import { EVENT_KIND_LABELS, formatEventWhen } from '../model/event-wording.ts';
import type { Story } from '../model/types.ts';
import { eventPath } from '../paths.ts';
import { blockTexts } from '../remark/parse.ts';
import { parseWikilink, WIKILINK_PATTERN } from '../remark/wikilinks.ts';

/** A record for Pagefind's `addCustomRecord`. */
export interface SearchRecord {
  url: string;
  content: string;
  /** ISO 639-1, as Pagefind splits indexes by language. */
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The ISO 639-1 code Pagefind indexes a site in: the primary subtag of its BCP 47 language (`pt-BR` → `pt`). */
export function searchLanguage(language: string): string {
  return language.split('-')[0]?.toLowerCase() || 'en';
}

/**
 * One record per event, typed `Event` like the timeline page. URLs are
 * root-relative without the base path: Pagefind's `baseUrl` adds it to every
 * result, pages and records alike.
 */
export function eventRecords(story: Story): SearchRecord[] {
  const actors = new Map(story.actors.map((actor) => [actor.id, actor.name]));
  const events = new Map(story.events.map((event) => [event.id, event.title]));
  const articles = new Map(story.articles.map((article) => [article.id, article.title]));
  const nameOf = (target: string): string | undefined => {
    const ref = parseWikilink(target);
    return ref.type === 'event' ? events.get(ref.id) : actors.get(ref.id);
  };
  const language = searchLanguage(story.site.language);
  return story.events.map((event) => {
    const when = formatEventWhen(event);
    const involved = event.actors.map((id) => actors.get(id) ?? id);
    const parts = [
      event.title,
      when,
      EVENT_KIND_LABELS[event.kind],
      involved.length > 0 ? `Involved: ${involved.join(', ')}` : '',
      ...event.evidence.map((e) => `“${e.quote}” (${articles.get(e.article) ?? e.article})`),
      markdownToPlainText(event.body, nameOf),
    ];
    return {
      url: `/${eventPath(event.id)}`,
      content: parts.filter(Boolean).join('. '),
      language,
      meta: { title: event.title, type: 'Event', date: when },
      filters: { type: ['Event'] },
    };
  });
}

/** The prose of a Markdown body: text only, wikilinks as the words they show. */
export function markdownToPlainText(
  markdown: string,
  nameOf: (target: string) => string | undefined,
): string {
  return markdownBlocks(markdown, nameOf).join(' ');
}

/**
 * The prose of a Markdown body block by block (paragraphs, headings, table
 * cells, code blocks, footnotes), parsed as the pages render it (GitHub's
 * extensions included): text only, wikilinks as the words they show, raw
 * HTML dropped, empty blocks left out.
 */
export function markdownBlocks(
  markdown: string,
  nameOf: (target: string) => string | undefined,
): string[] {
  return blockTexts(markdown, 'cells')
    .map((block) =>
      block.replace(WIKILINK_PATTERN, (whole, target: string, text?: string) =>
        text ? text.trim() : (nameOf(target) ?? whole),
      ),
    )
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
