import { describe, expect, test } from 'vitest';
import type { Story } from '../model/types.ts';
import { actor, article } from '../social/fixtures.ts';
import { layoutKey } from './cache.ts';
import { fixtureKinds, relation } from './fixtures.ts';
import {
  actorGraph,
  articleGraph,
  type GraphJob,
  graphsForWorker,
  storyGraph,
} from './page-graphs.ts';

const story: Story = {
  site: { title: 'Graphs', description: 'Graphs for tests.', language: 'en' },
  kinds: fixtureKinds,
  articles: [
    article('first', { mentions: { actors: ['a', 'b'], events: [] } }),
    article('second', { mentions: { actors: ['c', 'd'], events: [] } }),
  ],
  actors: [
    actor('a', 'A', 'state'),
    actor('b', 'B', 'state'),
    actor('c', 'C', 'state'),
    actor('d', 'D', 'state'),
    actor('alone', 'Alone', 'person'),
  ],
  events: [],
  relations: [
    { ...relation('a-b', 'a', 'b', 'allies'), articles: ['first'] },
    { ...relation('c-d', 'c', 'd', 'allies'), articles: ['second'] },
  ],
};

/** A job's layout cache key; 'none' for no job. */
const key = (job?: GraphJob) => (job ? layoutKey(job.input, job.options) : 'none');

describe('page graphs', () => {
  test("an actor's graph is its ego network, the actor in the middle; none without relations", () => {
    const job = actorGraph(story, 'a');
    expect(job?.input.actors.map((x) => x.id)).toEqual(['a', 'b']);
    expect(job?.input.relations.map((r) => r.id)).toEqual(['a-b']);
    expect(job?.options).toEqual({ centre: 'a' });
    expect(actorGraph(story, 'alone')).toBeUndefined();
  });

  test("an article's graph holds its relations; the story's holds everything", () => {
    const first = story.articles[0];
    if (!first) throw new Error('fixture');
    expect(articleGraph(story, first).input.relations.map((r) => r.id)).toEqual(['a-b']);
    expect(storyGraph(story).input.actors).toHaveLength(5);
  });

  test('the worker gets every graph a page lays out, once, whole story first and the rest from the last page', () => {
    const jobs = graphsForWorker(story);
    const pageJobs = [
      storyGraph(story),
      ...story.articles.map((a) => articleGraph(story, a)),
      ...story.actors.flatMap((a) => actorGraph(story, a.id) ?? []),
    ];
    expect(new Set(jobs.map(key))).toEqual(new Set(pageJobs.map(key)));
    expect(jobs).toHaveLength(pageJobs.length);
    expect(key(jobs[0])).toBe(key(storyGraph(story)));
    // Actors from the last: the pages start from the first.
    expect(key(jobs.at(-1) as (typeof jobs)[0])).toBe(
      key(actorGraph(story, 'a') as (typeof jobs)[0]),
    );
  });
});
