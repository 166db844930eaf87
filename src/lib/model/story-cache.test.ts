import { describe, expect, test } from 'vitest';
import { buildStory } from './build.ts';
import { buildStoryCached, type StoryStore, storyKey } from './story-cache.ts';
import { BASE_ENTRIES, makeContent } from './test-content.ts';

/** An in-memory store that counts its writes. */
function memoryStore(initial?: string): StoryStore & { text?: string; writes: number } {
  const store = {
    text: initial,
    writes: 0,
    read: () => store.text,
    write(text: string) {
      store.text = text;
      store.writes += 1;
    },
  };
  return store;
}

const ALPHA = BASE_ENTRIES.actors.alpha ?? '';

describe('storyKey', () => {
  test('is the same for the same files and code', () => {
    expect(storyKey(makeContent(), 'code')).toBe(storyKey(makeContent(), 'code'));
  });

  test('changes with any file text, a file path, an added file or the code stamp', () => {
    const base = storyKey(makeContent(), 'code');
    const keys = [
      storyKey(makeContent({ actors: { alpha: ALPHA.replace('Alpha', 'Alfa') } }), 'code'),
      storyKey(makeContent({ actors: { alpha: null, alpha2: ALPHA } }), 'code'),
      storyKey(makeContent({ actors: { extra: ALPHA } }), 'code'),
      storyKey(makeContent({}, { site: 'title: Other\n' }), 'code'),
      storyKey(makeContent(), 'other code'),
    ];
    for (const key of keys) expect(key).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('does not run two files together into the same key', () => {
    const split = makeContent();
    const joined = makeContent();
    split.collections.actors = [
      { path: 'a', text: 'bc' },
      { path: 'd', text: '' },
    ];
    joined.collections.actors = [
      { path: 'a', text: 'b' },
      { path: 'cd', text: '' },
    ];
    expect(storyKey(split, 'code')).not.toBe(storyKey(joined, 'code'));
  });
});

describe('buildStoryCached', () => {
  test('builds and stores on a miss, then returns the stored result without building', () => {
    const store = memoryStore();
    const first = buildStoryCached(makeContent(), store, 'code');
    expect(first).toEqual(buildStory(makeContent()));
    expect(store.writes).toBe(1);
    // Prove the second result comes from the store: mark the stored copy.
    const stored = JSON.parse(store.text ?? '{}');
    stored.result.story.site.title = 'from the store';
    store.text = JSON.stringify(stored);
    const second = buildStoryCached(makeContent(), store, 'code');
    expect(second.story.site.title).toBe('from the store');
    expect(store.writes).toBe(1);
  });

  test('rebuilds when the content or the code changed', () => {
    const store = memoryStore();
    buildStoryCached(makeContent(), store, 'code');
    const renamed = makeContent({ actors: { alpha: ALPHA.replace('Alpha', 'Alfa') } });
    const changed = buildStoryCached(renamed, store, 'code');
    expect(changed.story.actors.find((a) => a.id === 'alpha')?.name).toBe('Alfa');
    const recoded = buildStoryCached(renamed, store, 'new code');
    expect(recoded).toEqual(buildStory(renamed));
    expect(store.writes).toBe(3);
  });

  test('keeps warnings but never stores a result with errors', () => {
    const store = memoryStore();
    const broken = makeContent({ actors: { alpha: '---\nname: [unclosed\n---\n' } });
    const result = buildStoryCached(broken, store, 'code');
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(store.writes).toBe(0);
    const lonely = makeContent({ actors: { lonely: '---\nname: Lonely\nkind: person\n---\n' } });
    const warned = buildStoryCached(lonely, store, 'code');
    expect(buildStoryCached(lonely, store, 'code').diagnostics).toEqual(warned.diagnostics);
    expect(warned.diagnostics.some((d) => d.ruleId === 'orphan-actor')).toBe(true);
  });

  test('after an edit, reuses the wikilinks of unchanged bodies found by the same code, and keeps only current ones', () => {
    // Emphasis makes the article body one for the parser: plain prose is read directly, with no memo.
    const report = (BASE_ENTRIES.articles.report ?? '').replace('Body about', '*Body* about');
    const content = (entries: Parameters<typeof makeContent>[0] = {}) =>
      makeContent({ ...entries, articles: { report, ...entries.articles } });
    const store = memoryStore();
    buildStoryCached(content(), store, 'code');
    const stored = JSON.parse(store.text ?? '{}') as { links: [string, { id: string }[]][] };
    expect(stored.links).toHaveLength(1);
    // Prove the reuse: the stored finds for the article body now say it links `wire` instead of `alpha`.
    for (const [, found] of stored.links)
      for (const link of found) if (link.id === 'alpha') link.id = 'wire';
    store.text = JSON.stringify(stored);
    const edited = content({
      actors: { alpha: ALPHA.replace('A state.', 'A coastal state.') },
    });
    const reused = buildStoryCached(edited, store, 'code');
    expect(reused.story.articles[0]?.mentions.actors).toEqual(['wire', 'beta']);
    // Other code finds its own.
    const recoded = buildStoryCached(content(), memoryStore(store.text), 'new code');
    expect(recoded.story.articles[0]?.mentions.actors).toEqual(['alpha', 'beta']);
    // A body without wikilinks now: nothing is kept for the old one.
    const unlinked = content({
      articles: { report: report.replace(/\[\[[^\]]+\]\]/g, 'someone') },
    });
    buildStoryCached(unlinked, store, 'code');
    expect(JSON.parse(store.text ?? '{}').links).toEqual([]);
  });

  test('treats a damaged store as a miss', () => {
    const store = memoryStore('{"key": "abc", "result"');
    expect(buildStoryCached(makeContent(), store, 'code')).toEqual(buildStory(makeContent()));
    expect(store.writes).toBe(1);
  });
});
