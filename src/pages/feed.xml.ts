/** `/feed.xml`: the Atom feed of stories, newest first. */
import type { APIContext } from 'astro';
import { BASE } from '../data/base.ts';
import { dataResponse } from '../data/exports.ts';
import { getStory } from '../data/story.ts';
import { buildAtomFeed, feedEntriesFromArticles } from '../lib/social/feed.ts';
import { urlForSite } from '../lib/social/meta.ts';

export async function GET({ site }: APIContext) {
  const story = await getStory();
  const urlFor = urlForSite(site, BASE);
  const feed = buildAtomFeed({
    title: story.site.title,
    subtitle: story.site.description,
    language: story.site.language,
    siteUrl: urlFor(''),
    feedUrl: urlFor('feed.xml'),
    entries: feedEntriesFromArticles(story.articles, urlFor),
  });
  return dataResponse(feed, 'application/atom+xml');
}
