/**
 * `node scripts/check-scale.ts [--actors 5000] [--keep]`: generates a large
 * synthetic story (scripts/synthetic.ts) and runs `npm run build` on it with
 * Node's default heap (no --max-old-space-size), then reports whether it
 * built, the wall time, the peak resident memory of the build and the size of
 * the site. Measured with GNU time (`/usr/bin/time -v`) when present, else by
 * sampling the build's process group in /proc. Too slow for `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flag } from './lib/cli.ts';
import { runCommand } from './lib/run.ts';
import { generateStory, writeStory } from './synthetic.ts';

/** The figure: a story of this many actors must build. */
const DEFAULT_ACTORS = 5000;
const GNU_TIME = '/usr/bin/time';
/** How often the fallback samples memory. */
const SAMPLE_MS = 100;
const KIB = 1024;
const MIB = KIB * KIB;

/** What one build cost. */
interface Measurement {
  code: number | null;
  seconds: number;
  peakRssKib: number;
  how: string;
  output: string;
}

/** The default heap limit of the Node that runs the build, in MiB. */
function defaultHeapMib(): number {
  const probe = spawnSync(
    process.execPath,
    ['-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit))'],
    { encoding: 'utf8' },
  );
  return Math.round(Number(probe.stdout) / MIB);
}

/** Runs `command` under GNU time and reads its peak RSS and wall time. */
async function measureWithGnuTime(command: string[], env: NodeJS.ProcessEnv): Promise<Measurement> {
  const { code, output } = await runCommand(GNU_TIME, ['-v', ...command], { env });
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(output)?.[1];
  const seconds = (wall ?? '0')
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
  return {
    code,
    seconds,
    peakRssKib: Number(rss ?? 0),
    how: 'GNU time -v (largest process)',
    output,
  };
}

/** Resident memory of every process in a process group, summed (Linux /proc). */
async function groupRssKib(pgid: number): Promise<number> {
  let total = 0;
  for (const pid of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name: state ppid pgrp …
    const fields = status.slice(status.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    const rss = /VmRSS:\s+(\d+) kB/.exec(
      await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''),
    );
    total += Number(rss?.[1] ?? 0);
  }
  return total;
}

/** Runs `command` in its own process group and samples the group's memory. */
async function measureBySampling(command: string[], env: NodeJS.ProcessEnv): Promise<Measurement> {
  const started = performance.now();
  const [file = '', ...args] = command;
  let peak = 0;
  let timer: NodeJS.Timeout | undefined;
  const { code, output } = await runCommand(file, args, { env, detached: true }, (child) => {
    timer = setInterval(async () => {
      if (child.pid) peak = Math.max(peak, await groupRssKib(child.pid));
    }, SAMPLE_MS);
  }).finally(() => clearInterval(timer));
  const seconds = (performance.now() - started) / 1000;
  return {
    code,
    seconds,
    peakRssKib: peak,
    how: `sampled every ${SAMPLE_MS} ms (process group)`,
    output,
  };
}

async function sizeOf(dir: string): Promise<{ files: number; pages: number; bytes: number }> {
  let files = 0;
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    if (entry.name.endsWith('.html')) pages += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, pages, bytes };
}

async function main(): Promise<void> {
  const actors = Number(flag('actors') ?? DEFAULT_ACTORS);
  const keep = process.argv.includes('--keep');
  const root = await mkdtemp(path.join(tmpdir(), 'dramatis-scale-'));
  const content = path.join(root, 'content');
  const dist = path.join(root, 'dist');

  const generated = performance.now();
  const story = generateStory({ actors });
  await writeStory(content, story);
  const { articles, events, relations } = story.counts;
  process.stdout.write(
    `Story: ${actors} actors, ${relations} relations, ${events} events, ${articles} articles (${story.files.length} files, written in ${Math.round(performance.now() - generated)} ms)\n`,
  );

  // `npm run build` is `node scripts/build.ts`; run it directly so npm's own process is not measured.
  const command = [process.execPath, 'scripts/build.ts'];
  // The default heap: no --max-old-space-size from the caller's NODE_OPTIONS either.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: content,
    OUT_DIR: dist,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  delete env.NODE_OPTIONS;
  const heap = defaultHeapMib();
  process.stdout.write(`Building with the default heap (limit ${heap} MiB)…\n`);
  const result = existsSync(GNU_TIME)
    ? await measureWithGnuTime(command, env)
    : await measureBySampling(command, env);

  if (result.code !== 0) {
    process.stdout.write(`${result.output.slice(-4000)}\n`);
    process.stdout.write(
      `✖ build failed (exit ${result.code}) after ${result.seconds.toFixed(1)} s\n`,
    );
    process.exitCode = 1;
  } else {
    const site = await sizeOf(dist);
    process.stdout.write(
      [
        `✔ built ${site.pages} pages (${site.files} files, ${(site.bytes / MIB).toFixed(1)} MiB)`,
        `  wall time: ${result.seconds.toFixed(1)} s`,
        `  peak RSS:  ${(result.peakRssKib / KIB).toFixed(0)} MiB (${result.how}); heap limit ${heap} MiB`,
        '',
      ].join('\n'),
    );
  }
  if (keep) process.stdout.write(`Kept ${root}\n`);
  else await rm(root, { recursive: true, force: true });
}

await main();
