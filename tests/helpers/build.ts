/** Runs `astro build` on a content folder into a fresh temporary directory. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ASTRO_BIN, ROOT, runCommand } from '../../scripts/lib/run.ts';

/** What a build printed and where it wrote. */
export interface BuildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** Builds the site from `contentDir` (relative to the repo root) with optional env (BASE, SITE). */
export async function buildSite(
  contentDir: string,
  env: Record<string, string> = {},
  outDir?: string,
): Promise<BuildOutcome> {
  const out = outDir ?? path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-build-')), 'dist');
  // Astro's cache of its own unless the caller shares one: builds of other
  // content running at the same time must not restore each other's pages.
  const cacheDir =
    env.ASTRO_CACHE_DIR ?? (await mkdtemp(path.join(tmpdir(), 'dramatis-astro-cache-')));
  const { code, stdout, stderr } = await runCommand(process.execPath, [ASTRO_BIN, 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      OUT_DIR: out,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: cacheDir,
      ...env,
    },
  });
  return { code, stdout, stderr, outDir: out };
}
