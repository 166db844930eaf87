/** `npm run new` on a copy of the fixture story: writes valid entries, refuses bad ones, never prompts in CI. */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { hasErrors } from '../src/lib/model/diagnostics.ts';
import { loadStory } from '../src/lib/model/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let content: string;

function run(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/new.ts', ...args, '--content', content], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    input: '',
  });
}

beforeAll(async () => {
  content = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-new-')), 'content');
  await cp(path.join(ROOT, 'tests/fixtures/story'), content, { recursive: true });
});

describe('npm run new', () => {
  test('creates actor, relation and event entries that pass the check', async () => {
    expect(run('actor', 'Ørsted Shipping', '--kind', 'organization').stdout).toContain(
      'actors/orsted-shipping.md',
    );
    const relation = run('relation', 'orsted-shipping', 'pressures', 'harbour-board');
    expect(relation.status).toBe(0);
    expect(relation.stdout).toContain('relations/orsted-shipping-pressures-harbour-board.md');
    expect(
      run('event', 'Shipping talks', '--date', '2031-06', '--actors', 'orsted-shipping,northland')
        .status,
    ).toBe(0);
    const text = await readFile(path.join(content, 'events/shipping-talks.md'), 'utf8');
    expect(text).toContain('date: 2031-06');
    const { diagnostics } = await loadStory(content);
    expect(hasErrors(diagnostics)).toBe(false);
  });

  test('refuses duplicates and unknown ids, writing nothing', () => {
    const duplicate = run('actor', 'Northland');
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('exists already');
    const unknown = run('relation', 'northland', 'pressures', 'southlnd');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('did you mean `southland`?');
    expect(unknown.stderr).toContain('Nothing was written.');
  });

  test('asks for nothing in CI: missing arguments are a usage error', () => {
    const result = run('relation', 'northland');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Missing kind');
    expect(result.stderr).toContain('Usage:');
  });
});
