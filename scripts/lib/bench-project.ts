/**
 * Throw-away Astro projects for the benchmarks: a copy of Dramatis, or a bare
 * Astro site with one page per Markdown entry, each in its own temporary
 * folder so that its build caches (`.astro/`, `node_modules/.astro`, Vite's,
 * our layout cache) are its own and no concurrent build in the repo can
 * overwrite them. Both share the repo's installed packages.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ASTRO_BIN, ROOT, runCommand } from './run.ts';

/** What Dramatis needs to build, copied so that the copy's caches stay in the copy. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Cache folders inside node_modules that must not be shared between projects. */
const PRIVATE_MODULE_DIRS = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/**
 * A `node_modules` of symlinks to the repo's packages: the same code, but a
 * real folder, so `node_modules/.astro` (Astro's content store) and Vite's
 * cache belong to this project alone.
 */
async function linkModules(root: string): Promise<void> {
  const target = path.join(root, 'node_modules');
  await mkdir(target, { recursive: true });
  const source = path.join(ROOT, 'node_modules');
  for (const name of await readdir(source)) {
    if (PRIVATE_MODULE_DIRS.has(name)) continue;
    await symlink(path.join(source, name), path.join(target, name));
  }
}

/** Copies Dramatis (source, config, public files) into `root` with linked packages. */
export async function createDramatisProject(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const name of PROJECT_FILES) {
    await cp(path.join(ROOT, name), path.join(root, name), { recursive: true });
  }
  await linkModules(root);
}

const BARE_CONFIG = `import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`;

const BARE_COLLECTIONS = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  entries: defineCollection({
    loader: glob({ base: process.env.CONTENT_DIR ?? './content', pattern: '**/*.md' }),
  }),
};
`;

const BARE_PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const entries = await getCollection('entries');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
const title = String(entry.data.title ?? entry.data.name ?? entry.id);
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main>
      <h1>{title}</h1>
      <Content />
    </main>
  </body>
</html>
`;

/**
 * A bare Astro 7 site in `root`: a glob content collection over
 * `contentDir` and one `[...slug].astro` page rendering each entry.
 */
export async function createBareProject(root: string): Promise<void> {
  await mkdir(path.join(root, 'src', 'pages'), { recursive: true });
  await writeFile(
    path.join(root, 'package.json'),
    `${JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }, null, 2)}\n`,
  );
  await writeFile(path.join(root, 'astro.config.mjs'), BARE_CONFIG);
  await writeFile(path.join(root, 'src', 'content.config.ts'), BARE_COLLECTIONS);
  await writeFile(path.join(root, 'src', 'pages', '[...slug].astro'), BARE_PAGE);
  await linkModules(root);
}

/**
 * Fills `dir` with `count` Markdown entries taken from a content folder
 * (articles, then actors, events and relations, in file order), so the bare
 * site builds as many pages from the same kind of text.
 */
export async function copyEntries(contentDir: string, dir: string, count: number): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let copied = 0;
  for (const folder of ['articles', 'actors', 'events', 'relations']) {
    const names = (await readdir(path.join(contentDir, folder))).sort();
    for (const name of names) {
      if (copied >= count) return copied;
      const text = await readFile(path.join(contentDir, folder, name), 'utf8');
      await writeFile(path.join(dir, `${folder}-${name}`), text);
      copied += 1;
    }
  }
  return copied;
}

/** Removes a project's build caches: the next build starts cold. */
export async function clearCaches(root: string): Promise<void> {
  for (const dir of ['.astro', '.cache', 'node_modules/.astro', 'node_modules/.vite', 'dist']) {
    await rm(path.join(root, dir), { recursive: true, force: true });
  }
}

/** The outcome of one `astro build`. */
export interface TimedBuild {
  /** Wall-clock seconds. */
  seconds: number;
  /**
   * CPU seconds (user + system) of the build and its children, when GNU time
   * is there to tell: less sensitive than wall time to other work on the machine.
   */
  cpuSeconds?: number;
  code: number | null;
  output: string;
}

/** GNU time, which reports the CPU time of a command and its children. */
const GNU_TIME = '/usr/bin/time';
const CPU_MARK = 'BENCH_CPU';

/**
 * Runs `astro build` in `root` with `env` (and `nodeFlags` for Node, such as
 * BUILD_NODE_FLAGS for a Dramatis build), timing it wall-clock (and in CPU
 * time where GNU time exists).
 */
export async function timeBuild(
  root: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<TimedBuild> {
  const command = [process.execPath, ...nodeFlags, ASTRO_BIN, 'build'];
  const [file = process.execPath, ...args] = existsSync(GNU_TIME)
    ? [GNU_TIME, '-f', `${CPU_MARK} %U %S`, ...command]
    : command;
  const started = performance.now();
  const { code, output } = await runCommand(file, args, {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = output.match(new RegExp(`${CPU_MARK} ([\\d.]+) ([\\d.]+)`));
  return {
    seconds,
    code,
    output,
    ...(cpu ? { cpuSeconds: Number(cpu[1]) + Number(cpu[2]) } : {}),
  };
}

/** Every `.html` file under `dir`: the number of pages a build wrote. */
export async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => name.endsWith('.html')).length;
}
