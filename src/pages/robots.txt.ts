/** `/robots.txt`: crawl everything; the sitemap's absolute URL. Only honoured at an origin's root. */
import type { APIContext } from 'astro';
import { BASE } from '../data/base.ts';
import { dataResponse } from '../data/exports.ts';
import { urlForSite } from '../lib/social/meta.ts';
import { buildRobots } from '../lib/social/sitemap.ts';

export function GET({ site }: APIContext) {
  return dataResponse(buildRobots(urlForSite(site, BASE)('sitemap.xml')), 'text/plain');
}
