/** The site works under a sub-path: every internal link, Markdown links included, carries the base. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkLinks } from '../scripts/lib/link-check.ts';
import { type BuildOutcome, buildSite } from './helpers/build.ts';

let outcome: BuildOutcome;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  outcome = await buildSite('tests/fixtures/story', {
    BASE: '/dramatis/',
    SITE: 'https://news.example.org',
  });
  if (outcome.code !== 0) throw new Error(outcome.stderr);
});

describe('BASE=/dramatis/', () => {
  test('every internal href and src starts with the base and points at a built file', async () => {
    const files = await htmlFiles(outcome.outDir);
    expect(files.length).toBeGreaterThan(10);
    let checked = 0;
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const url = match[1] ?? '';
        if (/^(https?:|#|mailto:)/.test(url)) continue;
        expect(url, `${path.relative(outcome.outDir, file)} links ${url}`).toMatch(/^\/dramatis\//);
        const target = url.replace(/^\/dramatis\//, '').replace(/#.*$/, '');
        const onDisk =
          target === '' || target.endsWith('/') ? path.join(target, 'index.html') : target;
        await expect(
          readFile(path.join(outcome.outDir, onDisk)),
          `${url} from ${file}`,
        ).resolves.toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('has no broken internal links or anchors', async () => {
    const result = await checkLinks(outcome.outDir, '/dramatis/');
    expect(result.links).toBeGreaterThan(200);
    expect(result.broken).toEqual([]);
  });

  test('wikilinks in Markdown carry the base', async () => {
    const html = await readFile(
      path.join(outcome.outDir, 'articles/harbour-talks/index.html'),
      'utf8',
    );
    expect(html).toContain(
      'href="/dramatis/actors/northland/" class="mention mention-actor" data-actor="northland"',
    );
  });

  test('canonical URLs use SITE and the base', async () => {
    const html = await readFile(path.join(outcome.outDir, 'actors/index.html'), 'utf8');
    expect(html).toContain(
      '<link rel="canonical" href="https://news.example.org/dramatis/actors/">',
    );
  });
});
