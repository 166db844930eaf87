import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateStory, writeStory } from '../../scripts/synthetic.ts';
import { createLayoutCache, layoutKey } from '../lib/graph/cache.ts';
import { fileLayoutStore } from '../lib/graph/file-store.ts';
import { graphsForWorker } from '../lib/graph/page-graphs.ts';
import { loadStory } from '../lib/model/load.ts';
import type { Story } from '../lib/model/types.ts';
import { startLayoutWorker, WORKER_MIN_ACTORS } from './layout-runner.ts';

let work: string;
let story: Story;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dramatis-layout-worker-'));
  const content = path.join(work, 'content');
  await writeStory(content, generateStory({ actors: WORKER_MIN_ACTORS }));
  story = (await loadStory(content)).story;
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('layout worker', () => {
  test('lays out every graph the pages need, so the pages lay out none', async () => {
    const dir = path.join(work, 'layouts');
    const warnings: string[] = [];
    const run = startLayoutWorker(story, dir, (m) => warnings.push(m));
    expect(run).toBeDefined();
    const jobs = graphsForWorker(story);
    expect(await run?.finished()).toEqual({ checked: jobs.length, laidOut: jobs.length });
    expect(warnings).toEqual([]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(new Set(files)).toEqual(
      new Set(jobs.map((j) => `${layoutKey(j.input, j.options)}.json`)),
    );
    // What a page does: every layout is found, none computed.
    let computed = 0;
    const pages = createLayoutCache(fileLayoutStore(dir), () => {
      computed += 1;
      throw new Error('a page had to lay out a graph');
    });
    for (const job of jobs) expect(pages(job.input, job.options).nodes.length).toBeGreaterThan(0);
    expect(computed).toBe(0);
    // The next build's worker finds them all and lays out only what is missing.
    const [missing] = files;
    if (missing) await rm(path.join(dir, missing));
    const again = startLayoutWorker(story, dir, (m) => warnings.push(m));
    expect(await again?.finished()).toEqual({ checked: jobs.length, laidOut: 1 });
    expect(warnings).toEqual([]);
  }, 120_000);

  test('stops when asked, leaving only whole files', async () => {
    const dir = path.join(work, 'stopped');
    const run = startLayoutWorker(story, dir, () => {});
    const done = await run?.stop();
    expect(done?.checked).toBeLessThan(graphsForWorker(story).length);
    const files = await readdir(dir).catch(() => []);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  test('does not start for a small story or without a cache folder', () => {
    const small = { ...story, actors: story.actors.slice(0, WORKER_MIN_ACTORS - 1) };
    expect(startLayoutWorker(small, path.join(work, 'small'), () => {})).toBeUndefined();
    expect(startLayoutWorker(story, '', () => {})).toBeUndefined();
  });
});
