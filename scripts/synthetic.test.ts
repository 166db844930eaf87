import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildStory } from '../src/lib/model/build.ts';
import { readContent } from '../src/lib/model/read.ts';
import { sliceForArticle } from '../src/lib/model/select.ts';
import { generateStory, parseSyntheticArgs, toRawContent, writeStory } from './synthetic.ts';

const story = generateStory({ actors: 200, relationsPerActor: 3, events: 80, seed: 0.1 });
const built = buildStory(toRawContent(story));

describe('generateStory', () => {
  test('makes the asked-for number of each entry', () => {
    expect(story.counts).toEqual({ articles: 6, actors: 200, events: 80, relations: 600 });
    expect(built.story.actors).toHaveLength(200);
    expect(built.story.relations).toHaveLength(600);
    expect(built.story.events).toHaveLength(80);
    expect(built.story.articles).toHaveLength(6);
  });

  test('makes a story that passes every check without errors or warnings', () => {
    expect(built.diagnostics.map((d) => `${d.file} ${d.reason}`)).toEqual([]);
  });

  test('is deterministic for a seed and differs for another', () => {
    const again = generateStory({ actors: 200, relationsPerActor: 3, events: 80, seed: 0.1 });
    expect(again.files).toEqual(story.files);
    const other = generateStory({ actors: 200, relationsPerActor: 3, events: 80, seed: 0.7 });
    expect(other.files).not.toEqual(story.files);
  });

  test('gives articles diagrams of a realistic size', () => {
    for (const article of built.story.articles) {
      const slice = sliceForArticle(built.story, article);
      expect(slice.actors.length, article.id).toBeGreaterThanOrEqual(20);
      expect(slice.actors.length, article.id).toBeLessThanOrEqual(60);
      expect(slice.relations.length, article.id).toBeGreaterThan(10);
      expect(slice.events.length, article.id).toBeGreaterThan(0);
    }
  });

  test('includes accented, Japanese and Arabic names', () => {
    const names = built.story.actors.map((a) => a.name).join(' ');
    expect(names).toMatch(/[À-ž]/);
    expect(names).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(names).toMatch(/[\u0600-\u06ff]/);
  });

  test('mixes every date precision', () => {
    const precisions = new Set(
      built.story.relations.flatMap((r) => [r.since?.precision, r.until?.precision]),
    );
    for (const p of ['year', 'month', 'day', 'time']) expect(precisions).toContain(p);
    expect(built.story.relations.some((r) => r.until)).toBe(true);
    expect(built.story.events.some((e) => e.end)).toBe(true);
  });

  test('keeps working for the smallest stories', () => {
    const tiny = generateStory({ actors: 2, events: 1, articles: 1 });
    expect(buildStory(toRawContent(tiny)).diagnostics).toEqual([]);
  });
});

describe('writeStory', () => {
  test('writes a folder that reads back as the same valid story', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dramatis-synthetic-'));
    try {
      const small = generateStory({ actors: 60, events: 20, articles: 2 });
      await writeStory(dir, small);
      const result = buildStory(readContent(dir));
      expect(result.diagnostics).toEqual([]);
      expect(result.story.actors).toHaveLength(60);
      expect(result.story.relations).toHaveLength(180);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseSyntheticArgs', () => {
  test('reads the folder and the numeric flags', () => {
    expect(parseSyntheticArgs(['out', '--actors', '50', '--events', '9', '--seed', '0.3'])).toEqual(
      { dir: 'out', options: { actors: 50, events: 9, seed: 0.3 } },
    );
  });

  test('rejects a flag that is not a number', () => {
    expect(() => parseSyntheticArgs(['out', '--actors', 'many'])).toThrow(/--actors expects/);
  });
});
