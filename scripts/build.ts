/**
 * `npm run build`: builds into a staging folder next to the output folder
 * and swaps it in only when the whole build succeeded, so a failed build
 * never leaves a half-written site in place of the last good one.
 * When the last build recorded that it wrote into that staging folder, the
 * staging folder starts as a copy of the last good site (without its search
 * bundle, which is linked in again): Astro then keeps each unchanged page
 * where it is instead of copying it back from its cache, and this build
 * removes what it no longer writes (src/integration/kept-output.ts).
 * Node runs Astro with BUILD_NODE_FLAGS (scripts/lib/build-flags.ts).
 * Environment: OUT_DIR (default dist), plus everything astro.config.mjs reads.
 * One build at a time per output folder.
 */
import { spawnSync } from 'node:child_process';
import { constants, cpSync, existsSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { readBuildRecord } from '../src/integration/asset-check.ts';
import { astroCacheDir, SEARCH_BUNDLE_DIR } from '../src/integration/folders.ts';
import { BUILD_NODE_FLAGS } from './lib/build-flags.ts';

const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${outDir}.building`;
const previous = `${outDir}.previous-${process.pid}`;
const astro = path.resolve('node_modules/astro/bin/astro.mjs');

// What a stopped build left.
rmSync(staging, { recursive: true, force: true });
const record = await readBuildRecord(path.resolve(astroCacheDir()));
if (record?.outDir === staging && existsSync(outDir)) {
  const search = path.join(outDir, SEARCH_BUNDLE_DIR);
  // A copy, not links: Astro writes a changed page into the same file, which must not be the live site's.
  cpSync(outDir, staging, {
    recursive: true,
    mode: constants.COPYFILE_FICLONE,
    filter: (source) => source !== search,
  });
}

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
