import { randomLcg } from 'd3-random';
import { describe, expect, test } from 'vitest';
import { buildStory } from './build.ts';
import {
  affiliatesOf,
  articlesForActor,
  sliceForActor,
  sliceForArticle,
  sortArticlesNewestFirst,
  sortEvents,
} from './select.ts';
import { makeContent } from './test-content.ts';
import type { Story } from './types.ts';

/** The plain definitions the indexed functions must agree with. */
const reference = {
  sliceForActor(story: Story, actorId: string) {
    const relations = story.relations.filter((r) => r.from === actorId || r.to === actorId);
    const ids = new Set<string>([actorId, ...relations.flatMap((r) => [r.from, r.to])]);
    return {
      actors: story.actors.filter((a) => ids.has(a.id)),
      relations,
      events: sortEvents(story.events.filter((e) => e.actors.includes(actorId))),
    };
  },
  affiliatesOf(story: Story, actorId: string) {
    return story.actors.filter((a) => a.affiliation === actorId);
  },
  articlesForActor(story: Story, actorId: string) {
    return sortArticlesNewestFirst(
      story.articles.filter(
        (a) =>
          a.mentions.actors.includes(actorId) ||
          a.source.via.includes(actorId) ||
          sliceForArticle(story, a).actors.some((x) => x.id === actorId),
      ),
    );
  },
};

/** A random story of `size` actors: relations (self-relations too), events and three articles. */
function randomStory(size: number, seed: number): Story {
  const random = randomLcg(seed);
  const ids = Array.from({ length: size }, (_, i) => `actor-${i}`);
  const any = () => ids[Math.floor(random() * size)] ?? 'actor-0';
  const articles = ['first', 'second', 'third'];
  const some = () => articles.filter(() => random() < 0.3);
  const actors = Object.fromEntries(
    ids.map((id, i) => {
      const host = i > 0 && random() < 0.3 ? ids[Math.floor(random() * i)] : undefined;
      return [
        id,
        `---\nname: Name ${id}\nkind: state\n${host ? `affiliation: ${host}\n` : ''}---\n`,
      ];
    }),
  );
  const relations = Object.fromEntries(
    Array.from({ length: size * 2 }, (_, i) => [
      `rel-${i}`,
      `---\nfrom: ${any()}\nto: ${random() < 0.05 ? 'actor-0' : any()}\nkind: urges\narticles: [${some().join(', ')}]\n---\n`,
    ]),
  );
  const events = Object.fromEntries(
    Array.from({ length: size }, (_, i) => {
      const who = [any(), any(), any()];
      return [
        `event-${i}`,
        `---\ntitle: Event ${i}\ndate: 2020-0${1 + (i % 9)}\nkind: other\nactors: [${who.join(', ')}]\narticles: [${some().join(', ')}]\n---\n`,
      ];
    }),
  );
  const article = (id: string, i: number) =>
    `---\ntitle: ${id}\nsummary: About ${id}.\nsource:\n  publisher: Gazette\n  via: [${any()}]\n  published: 2021-0${i + 1}-01\n---\nText about [[${any()}]].\n`;
  const result = buildStory(
    makeContent(
      {
        actors: { ...actors, alpha: null, beta: null, wire: null },
        relations: { ...relations, 'alpha-urges-beta': null },
        events: { ...events, meeting: null },
        articles: {
          ...Object.fromEntries(articles.map((id, i) => [id, article(id, i)])),
          report: null,
        },
      },
      { site: 'title: T\ndescription: D.\nlanguage: en\n' },
    ),
  );
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.story;
}

describe('sliceForActor, affiliatesOf and articlesForActor', () => {
  test('agree with the plain definitions for every actor of a random story', () => {
    const story = randomStory(60, 0.25);
    for (const actor of [...story.actors, { id: 'nobody' }]) {
      expect(sliceForActor(story, actor.id), actor.id).toEqual(
        reference.sliceForActor(story, actor.id),
      );
      expect(affiliatesOf(story, actor.id), actor.id).toEqual(
        reference.affiliatesOf(story, actor.id),
      );
      expect(articlesForActor(story, actor.id), actor.id).toEqual(
        reference.articlesForActor(story, actor.id),
      );
    }
  });
});
