import { describe, expect, test } from 'vitest';
import { fixtureKinds, relation } from '../graph/fixtures.ts';
import { actor, article, event } from '../social/fixtures.ts';
import { actorPageKeys, articlePageKey, inputKey, wholeStoryKey } from './page-keys.ts';
import type { Article, Story } from './types.ts';

/**
 * Two separate neighbourhoods: north — south (a relation, an event) with a
 * member of south, and east — west, unrelated to them.
 */
function story(): Story {
  return {
    site: { title: 'Keys', description: 'Keys for tests.', language: 'en' },
    kinds: fixtureKinds,
    articles: [article('report', { mentions: { actors: ['north'], events: [] } })],
    actors: [
      actor('north', 'Northland', 'state'),
      actor('south', 'Southland', 'state'),
      actor('member', 'Member', 'person', { affiliation: 'south' }),
      actor('east', 'Eastland', 'state'),
      actor('west', 'Westland', 'state'),
    ],
    events: [event('clash', '2031-03', { actors: ['north', 'member'] })],
    relations: [
      relation('north-south', 'north', 'south', 'allies'),
      relation('east-west', 'east', 'west', 'allies'),
    ],
  };
}

/** A copy of `list` with item `at` changed by `patch`. */
function patched<T>(list: readonly T[], at: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === at ? { ...item, ...patch } : item));
}

/** Actors whose page key differs between two stories. */
function changedPages(before: Story, after: Story): string[] {
  const a = actorPageKeys(before);
  const b = actorPageKeys(after);
  return [...a.keys()].filter((id) => a.get(id) !== b.get(id)).sort();
}

describe('actorPageKeys', () => {
  test('gives every actor its own key, the same for the same story', () => {
    const keys = actorPageKeys(story());
    expect(keys.size).toBe(5);
    expect(new Set(keys.values()).size).toBe(5);
    expect([...actorPageKeys(story())]).toEqual([...keys]);
  });

  test("an actor's body changes its page and the pages that show it, no other", () => {
    const after = story();
    after.actors = patched(after.actors, 0, { body: 'New profile text.' });
    // north's relation reaches south; its event reaches member.
    expect(changedPages(story(), after)).toEqual(['member', 'north', 'south']);
  });

  test("a relation's evidence changes the pages of both its ends", () => {
    const after = story();
    after.relations = patched(after.relations, 1, {
      evidence: [{ quote: 'They agreed.', article: 'report' }],
    });
    expect(changedPages(story(), after)).toEqual(['east', 'west']);
  });

  test("an event's text changes the pages of its participants", () => {
    const after = story();
    after.events = patched(after.events, 0, { body: 'More detail.' });
    expect(changedPages(story(), after)).toEqual(['member', 'north']);
  });

  test('a member changes the page of what it is part of, and the other way round', () => {
    const after = story();
    after.actors = patched(after.actors, 2, { role: 'Envoy' });
    expect(changedPages(story(), after)).toContain('south');
    const renamedParent = story();
    renamedParent.actors = patched(renamedParent.actors, 1, { country: 'SL' });
    expect(changedPages(story(), renamedParent)).toContain('member');
  });

  test('a new body stamp (the Markdown pipeline or the images changed) changes every page', () => {
    const a = actorPageKeys(story(), 'stamp-1');
    const b = actorPageKeys(story(), 'stamp-2');
    expect([...a.keys()].filter((id) => a.get(id) !== b.get(id))).toHaveLength(5);
    expect([...actorPageKeys(story(), 'stamp-1')]).toEqual([...a]);
  });

  test('an article body changes no actor page; its title changes every one', () => {
    const body = story();
    body.articles = patched(body.articles, 0, { body: 'Longer article.' });
    expect(changedPages(story(), body)).toEqual([]);
    const title = story();
    title.articles = patched(title.articles, 0, { title: 'A new headline' });
    expect(changedPages(story(), title)).toHaveLength(5);
  });

  test('a new name, the site settings or the kinds change every page (any body may link any name)', () => {
    const renamed = story();
    renamed.actors = patched(renamed.actors, 4, { name: 'Far West' });
    expect(changedPages(story(), renamed)).toHaveLength(5);
    const site = story();
    site.site = { ...site.site, title: 'Renamed site' };
    expect(changedPages(story(), site)).toHaveLength(5);
    const kinds = story();
    kinds.kinds = kinds.kinds.map((k) => ({ ...k, label: `${k.label}!` }));
    expect(changedPages(story(), kinds)).toHaveLength(5);
  });
});

describe('wholeStoryKey, articlePageKey and inputKey', () => {
  test('the whole-story key changes with what /graph/ and /timeline/ show, not with actor or article bodies', () => {
    const same = wholeStoryKey(story());
    expect(wholeStoryKey(story())).toBe(same);
    const relationBody = story();
    relationBody.relations = patched(relationBody.relations, 1, { body: 'Explained.' });
    expect(wholeStoryKey(relationBody)).not.toBe(same);
    const role = story();
    role.actors = patched(role.actors, 0, { role: 'Envoy' });
    expect(wholeStoryKey(role)).not.toBe(same);
    const bodies = story();
    bodies.actors = patched(bodies.actors, 0, { body: 'A profile.' });
    bodies.articles = patched(bodies.articles, 0, { body: 'An article.' });
    expect(wholeStoryKey(bodies)).toBe(same);
    // Every event list shows the events' bodies.
    const eventBody = story();
    eventBody.events = patched(eventBody.events, 0, { body: 'What happened.' });
    expect(wholeStoryKey(eventBody)).not.toBe(same);
  });

  test("an article page's key changes with its own body and the body stamp", () => {
    const before = story();
    const after = story();
    after.articles = patched(after.articles, 0, { body: 'An article.' });
    const article = (s: Story) => s.articles[0] as Article;
    expect(articlePageKey(after, article(after))).not.toBe(articlePageKey(before, article(before)));
    expect(articlePageKey(before, article(before), 'a')).not.toBe(
      articlePageKey(before, article(before), 'b'),
    );
  });

  test('the input key changes with the input', () => {
    expect(inputKey({ title: 'a' })).toBe(inputKey({ title: 'a' }));
    expect(inputKey({ title: 'a' })).not.toBe(inputKey({ title: 'b' }));
  });
});
