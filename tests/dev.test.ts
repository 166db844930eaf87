/** `npm run dev`: content errors show on the page, and a fix shows on the next load without a restart. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 20_000 + (process.pid % 10_000);
let server: ChildProcess;
let content: string;
let relation: string;
let output = '';
let lastError = '';

async function page(route: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${PORT}${route}`);
  return response.text();
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (
      await check().catch((error) => {
        lastError = String(error?.cause ?? error);
        return false;
      })
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what} (${lastError})\n${output}`);
}

beforeAll(async () => {
  content = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-dev-')), 'content');
  await cp(path.join(ROOT, 'tests/fixtures/story'), content, { recursive: true });
  relation = path.join(content, 'relations/northland-pressures-southland.md');
  await writeFile(
    relation,
    (await readFile(relation, 'utf8')).replace('to: southland', 'to: southlnd'),
  );
  // Vitest's own variables (VITEST*, BASE_URL, NODE_ENV=test …) change how Astro's dev server runs.
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$)/.test(key),
    ),
  );
  server = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
    ],
    {
      cwd: ROOT,
      env: { ...environment, CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await waitFor(
    async () => (await fetch(`http://127.0.0.1:${PORT}/actors/`)).ok,
    'the dev server',
    90_000,
  );
});

afterAll(() => {
  server?.kill();
});

describe('dev server', () => {
  test('logs the content error and shows it on pages', async () => {
    expect(output).toContain('Unexpected actor `southlnd` in `to`');
    const html = await page('/actors/');
    expect(html).toContain('1 content error');
    expect(html).toContain('did you mean `southland`?');
  });

  test('shows the fix on the next load, without a restart', async () => {
    await writeFile(
      relation,
      (await readFile(relation, 'utf8')).replace('to: southlnd', 'to: southland'),
    );
    await waitFor(
      async () => !(await page('/actors/')).includes('content error'),
      'the banner to go',
    );
    expect(await page('/actors/southland/')).toContain('Southland');
  });
});
