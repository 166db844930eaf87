import { describe, expect, test } from 'vitest';
import { fixtureKinds, relation } from '../graph/fixtures.ts';
import { actor, article, event } from '../social/fixtures.ts';
import { actorPageKeys, inputKey, wholeStoryKey } from './page-keys.ts';
import type { Story } from './types.ts';

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
    after.actors[0] = { ...after.actors[0]!, body: 'New profile text.' };
    // north's relation reaches south; its event reaches member.
    expect(changedPages(story(), after)).toEqual(['member', 'north', 'south']);
  });

  test("a relation's evidence changes the pages of both its ends", () => {
    const after = story();
    after.relations[1] = {
      ...after.relations[1]!,
      evidence: [{ quote: 'They agreed.', article: 'report' }],
    };
    expect(changedPages(story(), after)).toEqual(['east', 'west']);
  });

  test("an event's text changes the pages of its participants", () => {
    const after = story();
    after.events[0] = { ...after.events[0]!, body: 'More detail.' };
    expect(changedPages(story(), after)).toEqual(['member', 'north']);
  });

  test('a member changes the page of what it is part of, and the other way round', () => {
    const after = story();
    after.actors[2] = { ...after.actors[2]!, role: 'Envoy' };
    expect(changedPages(story(), after)).toContain('south');
    const renamedParent = story();
    renamedParent.actors[1] = { ...renamedParent.actors[1]!, country: 'SL' };
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
    body.articles[0] = { ...body.articles[0]!, body: 'Longer article.' };
    expect(changedPages(story(), body)).toEqual([]);
    const title = story();
    title.articles[0] = { ...title.articles[0]!, title: 'A new headline' };
    expect(changedPages(story(), title)).toHaveLength(5);
  });

  test('a new name, the site settings or the kinds change every page (any body may link any name)', () => {
    const renamed = story();
    renamed.actors[4] = { ...renamed.actors[4]!, name: 'Far West' };
    expect(changedPages(story(), renamed)).toHaveLength(5);
    const site = story();
    site.site = { ...site.site, title: 'Renamed site' };
    expect(changedPages(story(), site)).toHaveLength(5);
    const kinds = story();
    kinds.kinds = kinds.kinds.map((k) => ({ ...k, label: `${k.label}!` }));
    expect(changedPages(story(), kinds)).toHaveLength(5);
  });
});

describe('wholeStoryKey and inputKey', () => {
  test('change with any change to what they cover', () => {
    const after = story();
    after.relations[1] = { ...after.relations[1]!, body: 'x' };
    expect(wholeStoryKey(after)).not.toBe(wholeStoryKey(story()));
    expect(wholeStoryKey(story())).toBe(wholeStoryKey(story()));
    expect(inputKey({ title: 'a' })).toBe(inputKey({ title: 'a' }));
    expect(inputKey({ title: 'a' })).not.toBe(inputKey({ title: 'b' }));
  });
});
