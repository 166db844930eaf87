/** `/data/story/<article>.json`: one article's slice of the story model. */
import type { APIContext } from 'astro';
import { dataResponse, storyForArticle } from '../../../data/exports.ts';
import { getStory } from '../../../data/story.ts';
import { storyToJson } from '../../../lib/export/story-json.ts';
import type { Article } from '../../../lib/model/types.ts';

export async function getStaticPaths() {
  const story = await getStory();
  return story.articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}

export async function GET({ props }: APIContext<{ article: Article }>) {
  const story = storyForArticle(await getStory(), props.article);
  return dataResponse(JSON.stringify(storyToJson(story), null, 2), 'application/json');
}
