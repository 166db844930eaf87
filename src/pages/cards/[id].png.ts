/** `/cards/<article id>.png` and the shared default card: 1200×630 PNGs drawn at build time. */
import type { APIContext } from 'astro';
import { getStory } from '../../data/story.ts';
import { inputKey } from '../../lib/model/page-keys.ts';
import {
  articleCardInput,
  buildCardSvg,
  type CardInput,
  defaultCardId,
  siteCardInput,
} from '../../lib/social/card.ts';
import { cardFontStamp, renderPng } from '../../lib/social/png.ts';

export async function getStaticPaths() {
  const story = await getStory();
  const fallback = defaultCardId(story.articles.map((a) => a.id));
  const cards = [
    { id: fallback, card: siteCardInput(story.site) },
    ...story.articles.map((article) => ({
      id: article.id,
      card: articleCardInput(article, story.site),
    })),
  ];
  // A card is drawn from its input and the fonts alone: when neither changed, it is copied from the last build.
  const fonts = cardFontStamp();
  return cards.map(({ id, card }) => ({
    params: { id },
    props: { card },
    cacheKey: inputKey({ card, fonts }),
  }));
}

export function GET({ props }: APIContext<{ card: CardInput }>) {
  const png = renderPng(buildCardSvg(props.card));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
}
