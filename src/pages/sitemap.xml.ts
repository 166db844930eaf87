/** `/sitemap.xml`: every HTML page, with absolute URLs on SITE and BASE. */
import type { APIContext } from 'astro';
import { BASE } from '../data/base.ts';
import { dataResponse } from '../data/exports.ts';
import { getStory } from '../data/story.ts';
import { urlForSite } from '../lib/social/meta.ts';
import { buildSitemap, listSitePages, sitemapEntries } from '../lib/social/sitemap.ts';

export async function GET({ site }: APIContext) {
  const pages = listSitePages(await getStory());
  return dataResponse(
    buildSitemap(sitemapEntries(pages, urlForSite(site, BASE))),
    'application/xml',
  );
}
