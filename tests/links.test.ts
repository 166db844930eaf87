/** Zero broken internal links, anchors included, at the root (the fixture build). */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { checkLinks } from '../scripts/lib/link-check.ts';

describe('link check', () => {
  test('finds no broken internal links or anchors in the fixture site', async () => {
    const result = await checkLinks(inject('fixtureDist'));
    expect(result.pages).toBeGreaterThan(10);
    expect(result.links).toBeGreaterThan(200);
    expect(result.broken).toEqual([]);
  });

  test('reports a missing page and a missing anchor', async () => {
    const dist = path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-links-')), 'dist');
    await cp(inject('fixtureDist'), dist, { recursive: true });
    await writeFile(
      path.join(dist, 'bad.html'),
      '<a href="/actors/nobody/">x</a><a href="/timeline/#event-nothing">y</a><a href="/timeline/#from=2031">z</a>',
    );
    const { broken } = await checkLinks(dist);
    expect(broken).toEqual([
      { page: '/bad.html', href: '/actors/nobody/', reason: 'no such file' },
      {
        page: '/bad.html',
        href: '/timeline/#event-nothing',
        reason: 'no element with id `event-nothing`',
      },
    ]);
  });
});
