/** The sitemap (sitemaps.org 0.9) and the robots.txt that points at it. */
import { toDatetimeAttr } from '../dates/format.ts';
import type { PartialDate } from '../dates/types.ts';
import type { Story } from '../model/types.ts';
import { actorPath, articlePath } from '../paths.ts';
import { escapeXml } from './xml.ts';

/** One HTML page of the site. */
export interface SitePage {
  /** Site-relative path, `''` for the home page. */
  path: string;
  /** When its content last changed, as authored (W3C Datetime keeps the precision). */
  lastmod?: PartialDate;
}

/** One `<url>` of the sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod?: string;
}

/** Pages that exist whatever the story holds. */
const FIXED_PAGES = ['', 'actors/', 'graph/', 'timeline/'];

/** Every HTML page the site builds, except the 404 page: fixed pages, then articles, then actors. */
export function listSitePages(story: Story): SitePage[] {
  return [
    ...FIXED_PAGES.map((path) => ({ path })),
    ...story.articles.map((article) => ({
      path: articlePath(article.id),
      lastmod: article.source.updated ?? article.source.published,
    })),
    ...story.actors.map((actor) => ({ path: actorPath(actor.id) })),
  ];
}

/** The sitemap document. `lastmod` is written as given. */
export function buildSitemap(entries: readonly SitemapEntry[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (entry) =>
        `  <url><loc>${escapeXml(entry.loc)}</loc>${
          entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : ''
        }</url>`,
    ),
    '</urlset>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Sitemap entries for pages: absolute URLs and authored dates. */
export function sitemapEntries(
  pages: readonly SitePage[],
  urlFor: (sitePath: string) => string,
): SitemapEntry[] {
  return pages.map((page) => ({
    loc: urlFor(page.path),
    lastmod: page.lastmod ? toDatetimeAttr(page.lastmod) : undefined,
  }));
}

/** robots.txt: everything may be crawled; the sitemap is named by its absolute URL. */
export function buildRobots(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
