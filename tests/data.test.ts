/** The open-data endpoints of the built fixture site. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import { storyFromJson } from '../src/lib/export/story-json.ts';

const dist = inject('fixtureDist');
const read = (file: string) => readFile(path.join(dist, file), 'utf8');

describe('/data/', () => {
  test('all.json is the whole story and reads back into the model', async () => {
    const story = storyFromJson(JSON.parse(await read('data/all.json')));
    expect(story.actors).toHaveLength(5);
    expect(story.relations).toHaveLength(5);
    expect(story.events.find((e) => e.id === 'spring-tension')?.date.precision).toBe('month');
  });

  test('story/<id>.json holds only that article and its slice', async () => {
    const story = storyFromJson(JSON.parse(await read('data/story/older-note.json')));
    expect(story.articles.map((a) => a.id)).toEqual(['older-note']);
    expect(story.actors.map((a) => a.id)).toEqual(['mayor-ada']);
    expect(story.relations).toEqual([]);
  });

  test('schema.json is a JSON Schema', async () => {
    const schema = JSON.parse(await read('data/schema.json'));
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.type).toBe('object');
  });

  test('timeline/<id>.json is TimelineJS3 JSON with the authored precision', async () => {
    const doc = JSON.parse(await read('data/timeline/harbour-talks.json'));
    expect(doc.title.text.headline).toBe('Northland presses Southland over the harbour');
    const byId = Object.fromEntries(doc.events.map((e: { unique_id: string }) => [e.unique_id, e]));
    expect(byId['spring-tension'].start_date).toEqual({ year: 2031, month: 3 });
    expect(byId['spring-tension'].end_date).toEqual({ year: 2031, month: 5 });
    expect(byId['gazette-report'].start_date).toEqual({
      year: 2031,
      month: 5,
      day: 10,
      hour: 9,
      minute: 30,
    });
  });

  test('graph.gexf is well-formed and CSVs have a row per entry', async () => {
    expect(() => fromXml(Buffer.from(''))).toThrow();
    const tree = fromXml(await read('data/graph.gexf'));
    expect(tree.type).toBe('root');
    expect((await read('data/actors.csv')).trim().split('\r\n')).toHaveLength(6);
    expect((await read('data/relations.csv')).trim().split('\r\n')).toHaveLength(6);
    expect((await read('data/events.csv')).trim().split('\r\n')).toHaveLength(5);
  });
});
