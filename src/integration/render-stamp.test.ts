import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { renderStamp } from './render-stamp.ts';

let root: string;
let content: string;
const code = ['pipeline.mjs', 'plugins'];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dramatis-stamp-'));
  content = path.join(root, 'content');
  await mkdir(path.join(content, 'actors'), { recursive: true });
  await mkdir(path.join(root, 'plugins'), { recursive: true });
  await writeFile(path.join(root, 'pipeline.mjs'), 'export default 1;\n');
  await writeFile(path.join(root, 'plugins', 'links.ts'), 'export const a = 1;\n');
  await writeFile(path.join(root, 'plugins', 'links.test.ts'), 'test;\n');
  await writeFile(path.join(content, 'actors', 'a.md'), '---\nname: A\n---\nBody.\n');
  await writeFile(path.join(content, 'actors', 'map.png'), 'PNG1');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const stamp = () => renderStamp(content, root, code);

describe('renderStamp', () => {
  test('is the same for the same files', async () => {
    expect(await stamp()).toBe(await stamp());
  });

  test("changes with the pipeline's code, not with its tests", async () => {
    const before = await stamp();
    await writeFile(path.join(root, 'plugins', 'links.test.ts'), 'another test;\n');
    expect(await stamp()).toBe(before);
    await writeFile(path.join(root, 'plugins', 'links.ts'), 'export const a = 2;\n');
    expect(await stamp()).not.toBe(before);
  });

  test('changes when an image next to the story changes, even under the same name', async () => {
    const before = await stamp();
    const image = path.join(content, 'actors', 'map.png');
    await writeFile(image, 'PNG2');
    const later = new Date(Date.now() + 5_000);
    await utimes(image, later, later);
    expect(await stamp()).not.toBe(before);
  });

  test('leaves body text to the loader: editing Markdown does not change it', async () => {
    const before = await stamp();
    await writeFile(path.join(content, 'actors', 'a.md'), '---\nname: A\n---\nOther body.\n');
    expect(await stamp()).toBe(before);
  });
});
