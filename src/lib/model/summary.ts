import type { Story } from './types.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line saying what a story holds, e.g. `1 article, 14 actors, 9 events, 20 relations, 18 relation kinds`. */
export function summarizeStory(story: Story): string {
  return [
    plural(story.articles.length, 'article'),
    plural(story.actors.length, 'actor'),
    plural(story.events.length, 'event'),
    plural(story.relations.length, 'relation'),
    plural(story.kinds.length, 'relation kind'),
  ].join(', ');
}
