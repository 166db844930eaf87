import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { folderFiles } from '../../tests/helpers/files.ts';
import type { Story } from '../lib/model/types.ts';
import { actor, article, event } from '../lib/social/fixtures.ts';
import { bundleBeside } from './search.ts';
import { inputSource, searchBundle, searchInput, storySource } from './search-bundle.ts';

const story: Story = {
  site: { title: 'Port Watch', description: 'D.', language: 'en' },
  kinds: [],
  articles: [article('port-talks', { title: 'Port talks', body: 'About [[north]].' })],
  actors: [actor('north', 'Norland', 'state', { body: 'A coastal state.' })],
  events: [event('fees', '2031-03', { title: 'Fees rise', actors: ['north'] })],
  relations: [],
};

describe('bundleBeside', () => {
  test('makes in a worker thread the same bundle as in this one', async () => {
    const beside = await bundleBeside(story, '', 'code').awaited();
    const here = await searchBundle(inputSource(searchInput(story)), '');
    expect(beside).toMatchObject({ pages: 2, records: 1, cached: false });
    expect(await folderFiles(beside.dir)).toEqual(await folderFiles(here.dir));
  }, 60_000);

  test('rejects with the worker’s error', async () => {
    const broken = { ...story, site: { ...story.site, language: undefined } } as unknown as Story;
    await expect(bundleBeside(broken, '', 'code').awaited()).rejects.toThrow();
  }, 60_000);

  test('holds the process only once awaited: a failed build can end before the bundle is ready', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dramatis-worker-'));
    const run = (awaited: boolean) => {
      const cache = path.join(dir, `cache-${awaited}`);
      const file = path.join(dir, `${awaited}.mjs`);
      writeFileSync(
        file,
        `import { bundleBeside } from ${JSON.stringify(path.resolve('src/integration/search.ts'))};
        const run = bundleBeside(${JSON.stringify(story)}, ${JSON.stringify(cache)}, 'code');
        ${awaited ? "await run.awaited(); console.log('bundle ready');" : ''}`,
      );
      const ended = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
      const kept = existsSync(cache) ? readdirSync(cache).filter((f) => !f.endsWith('.tmp')) : [];
      return { ...ended, kept };
    };
    // Not awaited: the process ends at once and the worker with it, before it keeps a bundle.
    const left = run(false);
    expect(left.status).toBe(0);
    expect(left.kept).toEqual([]);
    const waited = run(true);
    expect(waited.stdout).toContain('bundle ready');
    expect(waited.kept).toEqual([storySource(story, 'code').key]);
  }, 60_000);
});
