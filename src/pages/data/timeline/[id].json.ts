/** `/data/timeline/<article>.json`: the article's events as TimelineJS3 JSON. */
import type { APIContext } from 'astro';
import { dataResponse } from '../../../data/exports.ts';
import { getStory } from '../../../data/story.ts';
import { eventsToTimelineJs } from '../../../lib/export/timelinejs.ts';
import { sliceForArticle } from '../../../lib/model/select.ts';
import type { Article } from '../../../lib/model/types.ts';

export async function getStaticPaths() {
  const story = await getStory();
  return story.articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}

export async function GET({ props }: APIContext<{ article: Article }>) {
  const { events } = sliceForArticle(await getStory(), props.article);
  const doc = eventsToTimelineJs(events, {
    headline: props.article.title,
    text: props.article.summary,
  });
  return dataResponse(JSON.stringify(doc, null, 2), 'application/json');
}
