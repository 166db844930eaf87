/**
 * What search finds on actor and article pages, as small HTML documents made
 * from the story rather than from the built pages: the words a page shows
 * (name, role, profile, relations in words with their evidence, events,
 * stories) without the diagram, the controls and the site around them.
 *
 * Made from the story, the index no longer waits for the pages: Pagefind
 * indexes these while Astro renders (src/integration/search.ts), and an edit
 * that changes no word here (a layout, a style) reuses the last bundle. The
 * documents are HTML so that Pagefind weighs the `<h1>` name or title above
 * the rest, as it does on a page; the result type is a filter and a meta, as
 * on the pages before. Text goes in as hast text nodes, serialised with
 * escaping: nothing an author writes becomes markup.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { formatDate } from '../dates/index.ts';
import { ACTOR_KIND_LABEL, relationWhen } from '../graph/interaction/payload.ts';
import { EVENT_KIND_LABELS, formatEventWhen } from '../model/event-wording.ts';
import {
  affiliatesOf,
  articlesForActor,
  indexById,
  relationLabel,
  sliceForActor,
  sliceForArticle,
} from '../model/select.ts';
import type { Actor, Evidence, Relation, Story, StoryEvent } from '../model/types.ts';
import { actorPath, articlePath } from '../paths.ts';
import { parseWikilink } from '../remark/wikilinks.ts';
import { markdownBlocks } from './records.ts';

/** A page for Pagefind's `addHTMLFile`: its root-relative URL (Pagefind's `baseUrl` adds the base) and HTML. */
export interface SearchDocument {
  url: string;
  html: string;
}

/** The result types the search panel shows, one per kind of page. */
export type SearchType = 'Actor' | 'Story';

/** One document per actor, then one per article, in story order. */
export function searchDocuments(story: Story): SearchDocument[] {
  const words = storyWords(story);
  return [
    ...story.actors.map((actor) => ({
      url: `/${actorPath(actor.id)}`,
      html: documentHtml(story.site.language, 'Actor', actor.name, actorBody(story, actor, words)),
    })),
    ...story.articles.map((article) => {
      const slice = sliceForArticle(story, article);
      const { source } = article;
      const byline = [
        source.publisher,
        source.byline ? `by ${source.byline}` : '',
        formatDate(source.published),
        source.via.length > 0 ? `came through ${source.via.map(words.actorName).join(', ')}` : '',
        source.updated && source.updated.raw !== source.published.raw
          ? `updated ${formatDate(source.updated)}`
          : '',
      ];
      const body: ElementContent[] = [
        // The summary first: an excerpt near the title then reads as the story's gist.
        ...paragraphs([
          article.summary,
          byline.filter(Boolean).join(', '),
          article.tags.map((tag) => tag.replace(/-/g, ' ')).join(' · '),
        ]),
        ...section(
          'Who’s who',
          slice.actors.map((a) => (a.role ? `${a.name} — ${a.role}` : a.name)),
        ),
        ...paragraphs(markdownBlocks(article.body, words.nameOf)),
        ...section(
          'The evidence behind each relation',
          slice.relations.map((r) => words.relation(r)),
        ),
        ...section(
          'Events in order',
          slice.events.map((e) => words.event(e)),
        ),
      ];
      return {
        url: `/${articlePath(article.id)}`,
        html: documentHtml(story.site.language, 'Story', article.title, body),
      };
    }),
  ];
}

/** How the story's entries read as text, with lookups built once per story. */
interface StoryWords {
  nameOf: (target: string) => string | undefined;
  actorName: (id: string) => string;
  relation: (relation: Relation) => string;
  event: (event: StoryEvent) => string;
}

function storyWords(story: Story): StoryWords {
  const actors = indexById(story.actors);
  const events = indexById(story.events);
  const articles = indexById(story.articles);
  const kinds = indexById(story.kinds);
  const actorName = (id: string) => actors.get(id)?.name ?? id;
  const articleTitle = (id: string) => articles.get(id)?.title ?? id;
  const evidence = (quotes: readonly Evidence[]) =>
    quotes.map((q) => `“${q.quote}” (${articleTitle(q.article)})`);
  return {
    nameOf: (target) => {
      const ref = parseWikilink(target);
      return ref.type === 'event' ? events.get(ref.id)?.title : actors.get(ref.id)?.name;
    },
    actorName,
    relation: (r) => {
      const when = relationWhen(r);
      const sentence = `${actorName(r.from)} ${relationLabel(r, kinds)} ${actorName(r.to)}${when ? `, ${when}` : ''}.`;
      // Articles cited without a quote, as the relation tables list them.
      const quoted = new Set(r.evidence.map((q) => q.article));
      const sources = r.articles.filter((id) => !quoted.has(id)).map(articleTitle);
      return [
        sentence,
        ...evidence(r.evidence),
        sources.length > 0 ? `Sources: ${sources.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' ');
    },
    event: (e) =>
      [
        `${e.title}, ${formatEventWhen(e)}. ${EVENT_KIND_LABELS[e.kind]}.`,
        e.actors.length > 0 ? `Involved: ${e.actors.map(actorName).join(', ')}.` : '',
        ...evidence(e.evidence),
      ]
        .filter(Boolean)
        .join(' '),
  };
}

function actorBody(story: Story, actor: Actor, words: StoryWords): ElementContent[] {
  const slice = sliceForActor(story, actor.id);
  const facts = [
    ACTOR_KIND_LABEL[actor.kind],
    actor.role ?? '',
    actor.affiliation ? `Part of: ${words.actorName(actor.affiliation)}` : '',
    actor.aliases.length > 0 ? `Also called: ${actor.aliases.join(', ')}` : '',
    actor.country ? `Country: ${actor.country}` : '',
    actor.wikidata ? `Wikidata: ${actor.wikidata}` : '',
  ];
  const outgoing = slice.relations.filter((r) => r.from === actor.id);
  const incoming = slice.relations.filter((r) => r.to === actor.id && r.from !== actor.id);
  return [
    ...paragraphs(facts),
    ...paragraphs(markdownBlocks(actor.body, words.nameOf)),
    ...section(`What ${actor.name} does`, outgoing.map(words.relation)),
    ...section(`What others do to ${actor.name}`, incoming.map(words.relation)),
    ...section('Events', slice.events.map(words.event)),
    ...section(
      `Part of ${actor.name}`,
      affiliatesOf(story, actor.id).map((a) => (a.role ? `${a.name} — ${a.role}` : a.name)),
    ),
    ...section(
      'Stories',
      articlesForActor(story, actor.id).map((a) => a.title),
    ),
  ];
}

/** A paragraph per non-empty text. */
function paragraphs(texts: readonly string[]): Element[] {
  return texts.filter((text) => text.trim() !== '').map((text) => h('p', text));
}

/** A heading and its paragraphs, or nothing when there are none (as on the pages). */
function section(heading: string, texts: readonly string[]): Element[] {
  const body = paragraphs(texts);
  return body.length > 0 ? [h('h2', heading), ...body] : [];
}

/** The whole document: `<h1>` first, so Pagefind takes it as the result's title. */
function documentHtml(
  language: string,
  type: SearchType,
  title: string,
  body: ElementContent[],
): string {
  const main = h(
    'main',
    { dataPagefindBody: '', dataPagefindFilter: `type:${type}`, dataPagefindMeta: `type:${type}` },
    [h('h1', title), ...body],
  );
  return `<!doctype html>${toHtml(h('html', { lang: language }, [h('head', [h('title', title)]), h('body', [main])]))}`;
}
