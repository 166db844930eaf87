/**
 * `npm run build`: builds into a fresh temporary folder next to the output
 * folder and swaps it in only when the whole build succeeded, so a failed
 * build never leaves a half-written site in place of the last good one.
 *
 * `npm run build:in-place` (`--in-place`) builds into the output folder
 * itself: the build keeps the last one's folder and updates it
 * (src/integration/kept-output.ts), which after a small edit saves Astro
 * copying every unchanged page back from its cache, but a build that fails
 * half-way leaves the folder half-written. A fresh folder starts empty, and
 * copying the last site into it costs as much as the copying it would save.
 *
 * Node runs Astro with BUILD_NODE_FLAGS (scripts/lib/build-flags.ts).
 * Environment: OUT_DIR (default dist), plus everything astro.config.mjs reads.
 */
import { spawnSync } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_NODE_FLAGS } from './lib/build-flags.ts';

const IN_PLACE = '--in-place';
const inPlace = process.argv.includes(IN_PLACE);
const astroArgs = process.argv.slice(2).filter((arg) => arg !== IN_PLACE);
const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = inPlace ? outDir : `${outDir}.building-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;
const astro = path.resolve('node_modules/astro/bin/astro.mjs');

const result = spawnSync(process.execPath, [...BUILD_NODE_FLAGS, astro, 'build', ...astroArgs], {
  stdio: 'inherit',
  env: { ...process.env, OUT_DIR: staging },
});

if (inPlace) process.exit(result.status ?? 1);

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
