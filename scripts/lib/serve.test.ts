import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { serveStatic } from './serve.ts';

describe('serveStatic', () => {
  test('serves the folder, nothing beside it, and survives paths it cannot read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dramatis-serve-'));
    const root = path.join(dir, 'dist');
    await mkdir(root);
    await mkdir(path.join(dir, 'dist-x'));
    await writeFile(path.join(root, 'index.html'), 'home');
    await writeFile(path.join(root, '404.html'), 'not here');
    await writeFile(path.join(dir, 'dist-x', 'secret.txt'), 'secret');
    const server = await serveStatic(root);
    try {
      const get = (route: string) =>
        fetch(new URL(route, server.url)).then(async (r) => [r.status, await r.text()]);
      expect(await get('/')).toEqual([200, 'home']);
      expect(await get('/..%2Fdist-x/secret.txt')).toEqual([404, 'not here']);
      expect((await get('/%E0%A4%A'))[0]).toBe(400);
      // Still up after the bad request.
      expect(await get('/')).toEqual([200, 'home']);
    } finally {
      await server.close();
    }
  });
});
