/** Runs `astro build` on a content folder into a fresh temporary directory. */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What a build printed and where it wrote. */
export interface BuildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Builds the site from `contentDir` (relative to the repo root) with optional env (BASE, SITE). */
export async function buildSite(
  contentDir: string,
  env: Record<string, string> = {},
  outDir?: string,
): Promise<BuildOutcome> {
  const out = outDir ?? path.join(await mkdtemp(path.join(tmpdir(), 'dramatis-build-')), 'dist');
  const astro = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        OUT_DIR: out,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, outDir: out }));
  });
}
