/** The Atom feed of stories (RFC 4287). */
import { compareDates } from '../dates/compare.ts';
import type { Article } from '../model/types.ts';
import { articlePath } from '../paths.ts';
import { toRfc3339 } from './dates.ts';
import type { UrlFor } from './json-ld.ts';
import { escapeXml } from './xml.ts';

/** One story in the feed. */
export interface FeedEntry {
  /** Absolute URL of the explainer; also the entry's id. */
  url: string;
  title: string;
  summary: string;
  /** RFC 3339. */
  published: string;
  /** RFC 3339; the publication time when the source was never updated. */
  updated: string;
  /** Who wrote the source: byline and publisher. */
  author: string;
  /** The source article, when its URL is known. */
  via?: { url: string; title: string };
  categories: readonly string[];
}

/** The feed as a whole. */
export interface FeedInput {
  title: string;
  subtitle: string;
  language: string;
  /** Absolute URL of the home page. */
  siteUrl: string;
  /** Absolute URL of the feed itself; also its id. */
  feedUrl: string;
  /** Newest first. */
  entries: readonly FeedEntry[];
}

/** Atom requires an `updated` on the feed; an empty feed has never changed. */
const EPOCH = '1970-01-01T00:00:00Z';

/** Feed entries for articles, newest first by publication (ties by id, so the order is stable). */
export function feedEntriesFromArticles(articles: readonly Article[], urlFor: UrlFor): FeedEntry[] {
  return [...articles]
    .sort(
      (a, b) => compareDates(b.source.published, a.source.published) || a.id.localeCompare(b.id),
    )
    .map((article) => {
      const { source } = article;
      return {
        url: urlFor(articlePath(article.id)),
        title: article.title,
        summary: article.summary,
        published: toRfc3339(source.published),
        updated: toRfc3339(source.updated ?? source.published),
        author: source.byline ? `${source.byline}, ${source.publisher}` : source.publisher,
        via: source.url ? { url: source.url, title: source.publisher } : undefined,
        categories: article.tags,
      };
    });
}

/** The Atom document: feed metadata, then one `<entry>` per story in the order given. */
export function buildAtomFeed(feed: FeedInput): string {
  const updated = latest(feed.entries.map((entry) => entry.updated)) ?? EPOCH;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  <id>${escapeXml(feed.feedUrl)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    '  <generator>Dramatis</generator>',
    ...feed.entries.flatMap(entryLines),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function entryLines(entry: FeedEntry): string[] {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.url)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    ...(entry.via
      ? [
          `    <link rel="via" href="${escapeXml(entry.via.url)}" title="${escapeXml(entry.via.title)}"/>`,
        ]
      : []),
    `    <published>${entry.published}</published>`,
    `    <updated>${entry.updated}</updated>`,
    `    <author><name>${escapeXml(entry.author)}</name></author>`,
    ...entry.categories.map((term) => `    <category term="${escapeXml(term)}"/>`),
    `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
    '  </entry>',
  ];
}

/** The latest of RFC 3339 timestamps, compared as instants. */
function latest(timestamps: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const stamp of timestamps) {
    if (best === undefined || Date.parse(stamp) > Date.parse(best)) best = stamp;
  }
  return best;
}
