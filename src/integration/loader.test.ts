import { describe, expect, test } from 'vitest';
import type { RawContent } from '../lib/model/read.ts';
import { shareReadFiles, takeReadFiles } from './loader.ts';

const raw: RawContent = {
  root: 'story',
  collections: {
    articles: [],
    actors: [{ path: 'story/actors/ada.md', text: '---\nname: Ada\n---\n' }],
    events: [],
    relations: [],
  },
};

describe('files the content gate read', () => {
  test('go to each collection’s loader once, then the loader reads the disk again', () => {
    shareReadFiles('story', raw);
    expect(takeReadFiles('story', 'actors')).toEqual(raw.collections.actors);
    expect(takeReadFiles('story', 'actors')).toBeUndefined();
    expect(takeReadFiles('story', 'articles')).toEqual([]);
    // What was shared is a copy: taking does not empty the gate's own object.
    expect(raw.collections.actors).toHaveLength(1);
  });

  test('are dropped when the gate shares none (dev)', () => {
    shareReadFiles('story', raw);
    shareReadFiles('story', undefined);
    expect(takeReadFiles('story', 'actors')).toBeUndefined();
  });

  test('are only for the folder they were read from', () => {
    shareReadFiles('story', raw);
    expect(takeReadFiles('other-story', 'actors')).toBeUndefined();
    expect(takeReadFiles('./story/', 'actors')).toEqual(raw.collections.actors);
  });

  test('are kept only for the collections Astro loads', () => {
    const story: RawContent = {
      ...raw,
      collections: { ...raw.collections, relations: [{ path: 'story/relations/r.md', text: '' }] },
    };
    shareReadFiles('story', story);
    const shared = Reflect.get(globalThis, Symbol.for('dramatis.read-files')) as {
      collections: Record<string, unknown>;
    };
    expect(Object.keys(shared.collections).sort()).toEqual(['actors', 'articles']);
  });
});
