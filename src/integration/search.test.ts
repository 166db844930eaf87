import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { folderFiles } from '../../tests/helpers/files.ts';
import type { Story } from '../lib/model/types.ts';
import { actor, article, event } from '../lib/social/fixtures.ts';
import { bundleBeside } from './search.ts';
import { inputSource, searchBundle, searchInput, storySource } from './search-bundle.ts';
import { BACKGROUND_NICENESS } from './thread-priority.ts';

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

  test.runIf(process.platform === 'linux')(
    'in the background, only the worker thread runs at a lower priority, and it makes the same bundle',
    async () => {
      /** Each thread of this process (other than the main one): its name and niceness. */
      const threads = (): { name: string; nice: number }[] =>
        readdirSync('/proc/self/task')
          .filter((tid) => Number(tid) !== process.pid)
          .flatMap((tid) => {
            try {
              // The name (field 2) may hold spaces: fields are counted after its ")"; niceness is field 19.
              const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
              const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
              return [{ name, nice }];
            } catch {
              return []; // A thread that ended meanwhile.
            }
          });
      /** The highest niceness seen while the bundle is made, and that of libuv's pool threads. */
      const watch = async (run: ReturnType<typeof bundleBeside>) => {
        let seen = 0;
        let done = false;
        const made = run.awaited().finally(() => {
          done = true;
        });
        while (!done) {
          seen = Math.max(seen, ...threads().map((t) => t.nice));
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const pool = threads().filter((t) => t.name.startsWith('libuv-worker'));
        return { made: await made, seen, pool: Math.max(0, ...pool.map((t) => t.nice)) };
      };
      const before = Math.max(0, ...threads().map((t) => t.nice));
      const low = await watch(bundleBeside(story, '', 'code', true));
      expect(low.seen).toBe(Math.max(BACKGROUND_NICENESS, before));
      // The pool that does the main thread's file and crypto work stays where it was.
      expect(low.pool).toBe(before);
      // The background worker posts its bundle before its thread has ended: let it go first.
      for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
        if (Math.max(0, ...threads().map((t) => t.nice)) === before) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const normal = await watch(bundleBeside(story, '', 'code', false));
      expect(normal.seen).toBe(before);
      expect(await folderFiles(low.made.dir)).toEqual(await folderFiles(normal.made.dir));
    },
    60_000,
  );

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
