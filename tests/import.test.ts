/** `npm run import` on a copy of the fixture story: valid entries, full reports, never an overwrite. */
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { hasErrors } from '../src/lib/model/diagnostics.ts';
import { loadStory } from '../src/lib/model/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const TIMELINE = 'tests/fixtures/import/timeline.json';
const CONNECTIONS = 'tests/fixtures/import/connections.csv';
let content: string;

function run(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
}

/** `run`, without blocking: independent failure cases run side by side. */
function runAsync(...args: string[]): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/import.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
      (error, _stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stderr }),
    );
  });
}

async function files(folder: string): Promise<string[]> {
  return (await readdir(path.join(content, folder))).sort();
}

beforeEach(async () => {
  content = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-import-')), 'content');
  await cp(path.join(ROOT, 'tests/fixtures/story'), content, { recursive: true });
});

describe('npm run import -- timelinejs', () => {
  test('writes valid events, reports what it skipped and dropped, and numbers taken ids', async () => {
    const result = run('timelinejs', TIMELINE, '--content', content, '--article', 'harbour-talks');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`✔ wrote ${path.join(content, 'events/trade-year-2.md')}`);
    expect(result.stdout).toContain('Skipped:\n  title "The Harbour & the North"');
    expect(result.stdout).toContain('events[4] "Impossible month": Unexpected `start_date`');
    expect(result.stdout).toContain('Not mapped:');
    expect(result.stdout).toContain('no time zone');
    expect(result.stdout).toMatch(/✔ 5 created, 2 skipped\n$/);

    const { story, diagnostics } = await loadStory(content);
    expect(hasErrors(diagnostics)).toBe(false);
    const events = new Map(story.events.map((e) => [e.id, e]));
    for (const id of ['trade-year', 'trade-year-2', 'tension-rises', 'harbour-shut'])
      expect(events.has(id)).toBe(true);
    expect(events.get('harbour-shut')?.end?.raw).toBe('2031-05-20');
    expect(events.get('tension-rises')?.approximate).toBe(true);
    expect(events.get('mayor-ada-speaks')?.date.precision).toBe('time');
    expect(events.get('mayor-ada-speaks')?.articles).toEqual(['harbour-talks']);
    // The fixture's own event is untouched.
    expect(await readFile(path.join(content, 'events/trade-year.md'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'tests/fixtures/story/events/trade-year.md'), 'utf8'),
    );
  });

  test('importing twice never overwrites: the second run numbers every id', async () => {
    run('timelinejs', TIMELINE, '--content', content);
    const first = await readFile(path.join(content, 'events/harbour-shut.md'), 'utf8');
    const again = run('timelinejs', TIMELINE, '--content', content);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('events/harbour-shut-2.md');
    expect(await readFile(path.join(content, 'events/harbour-shut.md'), 'utf8')).toBe(first);
    expect(hasErrors((await loadStory(content)).diagnostics)).toBe(false);
  });

  test('--dry-run prints the plan and writes nothing', async () => {
    const before = await files('events');
    const result = run('timelinejs', TIMELINE, '--content', content, '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('• would write');
    expect(result.stdout).toContain('    title: Harbour shut');
    expect(result.stdout).toContain('✔ 5 to create, 2 skipped (dry run: nothing written)');
    expect(await files('events')).toEqual(before);
  });
});

describe('npm run import -- csv', () => {
  test('writes valid relations and skips unknown actors and types with suggestions', async () => {
    const result = run('csv', CONNECTIONS, '--content', content);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('did you mean `southland`?');
    expect(result.stdout).toContain('did you mean `quarrels-with`?');
    expect(result.stdout).toContain('column `Tags`');
    expect(result.stdout).toMatch(/✔ 5 created, 4 skipped\n$/);
    const { story, diagnostics } = await loadStory(content);
    expect(hasErrors(diagnostics)).toBe(false);
    const relations = new Map(story.relations.map((r) => [r.id, r]));
    expect(relations.get('northland-reports-on-mayor-ada')?.kind).toBe('reports-on');
    expect(relations.get('southland-heads-harbour-board')?.since?.raw).toBe('2031');
    expect(relations.get('northland-pressures-harbour-board')?.label).toBe(
      'presses the board, again',
    );
    expect(await files('actors')).toHaveLength(5);
  });

  test('--create-actors adds stub actors instead of skipping', async () => {
    const result = run('csv', CONNECTIONS, '--content', content, '--create-actors');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('actors/eastland.md (stub actor, kind organization: check it)');
    // A stub whose name is close to an actor is created as asked, with the likely typo pointed out.
    expect(result.stdout).toContain(
      'actors/southlnd.md (stub actor, kind organization: check it; did you mean `southland`?)',
    );
    expect(result.stdout).toMatch(/✔ 9 created, 2 skipped\n$/);
    const { story, diagnostics } = await loadStory(content);
    expect(hasErrors(diagnostics)).toBe(false);
    expect(story.actors.find((a) => a.id === 'eastland')?.kind).toBe('organization');
    expect(story.relations.some((r) => r.id === 'eastland-trades-with-southland')).toBe(true);
  });
});

describe('npm run import: failures', () => {
  test('exits 1 on unreadable input, writing nothing', async () => {
    const before = await files('events');
    const broken = path.join(path.dirname(content), 'broken.json');
    await writeFile(broken, '{"events": [');
    const unclosed = path.join(path.dirname(content), 'unclosed.csv');
    await writeFile(unclosed, 'From,To,Type\n"northland,southland,pressures\n');
    const [missing, invalid, csv] = await Promise.all([
      runAsync('timelinejs', 'tests/fixtures/import/nope.json', '--content', content),
      runAsync('timelinejs', broken, '--content', content),
      runAsync('csv', unclosed, '--content', content),
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read tests/fixtures/import/nope.json: ENOENT');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('not valid JSON');
    expect(invalid.stderr).toContain('Nothing was written.');
    expect(csv.status).toBe(1);
    expect(csv.stderr).toContain('line 2: Unexpected end of file inside a quoted field');
    expect(await files('events')).toEqual(before);
    expect(await files('relations')).toHaveLength(5);
  });

  test('exits 2 on usage errors', async () => {
    const [noFormat, format, noFile, wrongFormat, unknownOption, article] = await Promise.all([
      runAsync(),
      runAsync('gedcom', TIMELINE, '--content', content),
      runAsync('csv', '--content', content),
      runAsync('timelinejs', TIMELINE, '--content', content, '--create-actors'),
      runAsync('csv', CONNECTIONS, '--content', content, '--bogus'),
      runAsync('csv', CONNECTIONS, '--content', content, '--article', 'harbour-talk'),
    ]);
    for (const result of [noFormat, format, noFile, wrongFormat, unknownOption, article])
      expect(result.status).toBe(2);
    expect(noFormat.stderr).toContain('Usage:');
    expect(format.stderr).toContain('Unexpected format `gedcom`');
    expect(noFile.stderr).toContain('Missing the CSV file');
    expect(article.stderr).toContain('did you mean `harbour-talks`?');
  });
});
