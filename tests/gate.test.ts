/** The build refuses broken content: every problem reported, no stack trace, nothing written. */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from './helpers/build.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let broken: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'dramatis-broken-'));
  broken = path.join(dir, 'content');
  await cp(path.join(ROOT, 'tests/fixtures/story'), broken, { recursive: true });
  const relation = path.join(broken, 'relations/northland-pressures-southland.md');
  await writeFile(
    relation,
    (await readFile(relation, 'utf8')).replace('to: southland', 'to: southlnd'),
  );
  const event = path.join(broken, 'events/harbour-closed.md');
  await writeFile(
    event,
    (await readFile(event, 'utf8')).replace('date: 2031-05-02', 'date: 2031-02-30'),
  );
});

afterAll(async () => {
  await rm(path.dirname(broken), { recursive: true, force: true });
});

describe('content gate', () => {
  test('npm run check reports every problem with file, line, column and a suggestion', () => {
    const result = spawnSync(process.execPath, ['scripts/check.ts', broken], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const relative = path.relative(ROOT, broken);
    expect(result.stdout).toContain(`${relative}/relations/northland-pressures-southland.md`);
    expect(result.stdout).toMatch(
      /3:5-3:13\s+error\s+Unexpected actor `southlnd` in `to`.*did you mean `southland`\?/,
    );
    expect(result.stdout).toContain(`${relative}/events/harbour-closed.md`);
    expect(result.stdout).toMatch(/3:7-3:17\s+error\s+Unexpected `2031-02-30` in `date`/);
    expect(result.stdout).toContain('✖ 2 errors');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('astro build fails on the same problems and writes no site', async () => {
    const outcome = await buildSite(broken);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Unexpected actor `southlnd` in `to`');
    expect(outcome.stderr).toContain('The site was not built');
    expect(outcome.stdout + outcome.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await expect(stat(outcome.outDir)).rejects.toThrow();
  });

  test('npm run build keeps the last good site when a build fails', async () => {
    const out = path.join(path.dirname(broken), 'site');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'index.html'), 'last good build');
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: broken, OUT_DIR: out },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('was left as it was');
    await expect(readFile(path.join(out, 'index.html'), 'utf8')).resolves.toBe('last good build');
    expect((await readdir(path.dirname(out))).filter((n) => n.startsWith('site.'))).toEqual([]);
  });
});
