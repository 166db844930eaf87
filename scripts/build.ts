/**
 * `npm run build`: builds into a fresh temporary folder next to the output
 * folder and swaps it in only when the whole build succeeded, so a failed
 * build never leaves a half-written site in place of the last good one.
 * Node runs Astro with BUILD_NODE_FLAGS (scripts/lib/build-flags.ts).
 * Environment: OUT_DIR (default dist), plus everything astro.config.mjs reads.
 */
import { spawnSync } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_NODE_FLAGS } from './lib/build-flags.ts';

const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${outDir}.building-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;
const astro = path.resolve('node_modules/astro/bin/astro.mjs');

const result = spawnSync(
  process.execPath,
  [...BUILD_NODE_FLAGS, astro, 'build', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: staging },
  },
);

if (result.status !== 0) {
  await rm(staging, { recursive: true, force: true });
  process.stderr.write(
    `\nBuild failed; ${path.relative(process.cwd(), outDir) || outDir} was left as it was.\n`,
  );
  process.exit(result.status ?? 1);
}

// Swap: the old site moves aside, the new one takes its place, then the old one goes.
const hadPrevious = await rename(outDir, previous).then(
  () => true,
  () => false,
);
await rename(staging, outDir);
if (hadPrevious) await rm(previous, { recursive: true, force: true });
process.stdout.write(`Site written to ${path.relative(process.cwd(), outDir) || outDir}\n`);
