/**
 * Whole-build benchmark: Dramatis on a synthetic story against a bare Astro 7
 * site with the same number of pages, side by side on the same machine.
 *
 * Usage:
 *   node scripts/bench-build.ts [--actors 1000] [--runs 1] [--keep]
 *   node scripts/bench-build.ts --actors 1000,5000
 *
 * For each size: writes the synthetic story (scripts/synthetic.ts) into a
 * temporary folder; copies Dramatis into its own temporary project (so its
 * `.astro/`, content store and layout cache are its own, whatever else runs in
 * the repo) and builds it cold (all caches removed) and then warm (caches
 * kept, content unchanged), then once more after a one-sentence edit to one
 * entry (an author's edit-and-rebuild loop), with the Node options of
 * `npm run build` (BUILD_NODE_FLAGS); counts the pages it wrote; builds a bare Astro
 * project (glob collection, one `[...slug].astro` page per Markdown entry,
 * as many entries as Dramatis wrote pages) cold, warm and edited the same way. Both
 * use the repo's node_modules. Prints a Markdown table with the median of
 * `--runs` runs of each. `--keep` leaves the temporary folders for a look.
 */
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import {
  clearCaches,
  copyEntries,
  countPages,
  createBareProject,
  createDramatisProject,
  type TimedBuild,
  timeBuild,
} from './lib/bench-project.ts';
import { BUILD_NODE_FLAGS } from './lib/build-flags.ts';
import { flag, median } from './lib/cli.ts';
import { generateStory, writeStory } from './synthetic.ts';

/** The issue's target: a Dramatis build takes at most this many times a bare Astro build. */
const TARGET_RATIO = 1.3;

function check(build: TimedBuild, what: string): TimedBuild {
  if (build.code !== 0) throw new Error(`${what} failed (exit ${build.code}):\n${build.output}`);
  return build;
}

/** Appends a sentence to the body of the first Markdown file in `dir`: an author's one-line edit. */
async function editOne(dir: string): Promise<void> {
  const name = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()[0];
  if (!name) throw new Error(`no Markdown file to edit in ${dir}`);
  await appendFile(path.join(dir, name), '\nOne more sentence, edited for the benchmark.\n');
}

/** One cold build (caches cleared first), one warm (nothing changed) and one after `edit` changes one entry's body. */
interface Round {
  cold: TimedBuild;
  warm: TimedBuild;
  edited: TimedBuild;
}

async function round(
  root: string,
  env: Record<string, string>,
  what: string,
  edit: () => Promise<void>,
  nodeFlags: readonly string[] = [],
): Promise<Round> {
  await clearCaches(root);
  const cold = check(await timeBuild(root, env, nodeFlags), `${what} (cold)`);
  const warm = check(await timeBuild(root, env, nodeFlags), `${what} (warm)`);
  await edit();
  const edited = check(await timeBuild(root, env, nodeFlags), `${what} (one edit)`);
  process.stderr.write(
    `  ${what}: cold ${describe(cold)}, warm ${describe(warm)}, one edit ${describe(edited)}\n`,
  );
  return { cold, warm, edited };
}

/** Medians over rounds. */
function summarize(rounds: readonly Round[]): Times {
  const wall = (pick: (r: Round) => TimedBuild) => median(rounds.map((r) => pick(r).seconds));
  const cpu = (pick: (r: Round) => TimedBuild) =>
    rounds.every((r) => pick(r).cpuSeconds !== undefined)
      ? median(rounds.map((r) => pick(r).cpuSeconds ?? 0))
      : undefined;
  const search = (pick: (r: Round) => TimedBuild) =>
    rounds.every((r) => searchSeconds(pick(r)) !== undefined)
      ? median(rounds.map((r) => searchSeconds(pick(r)) ?? 0))
      : undefined;
  return {
    cold: wall((r) => r.cold),
    warm: wall((r) => r.warm),
    edited: wall((r) => r.edited),
    coldCpu: cpu((r) => r.cold),
    warmCpu: cpu((r) => r.warm),
    editedCpu: cpu((r) => r.edited),
    coldSearch: search((r) => r.cold),
    warmSearch: search((r) => r.warm),
    editedSearch: search((r) => r.edited),
  };
}

/**
 * Seconds the build waited for the search bundle once the pages were done
 * (Dramatis indexes beside the build and prints "… 1234 ms after the pages");
 * undefined for the bare site.
 */
function searchSeconds(build: TimedBuild): number | undefined {
  const match = /\[dramatis-search\].*\b(\d+) ms after the pages/.exec(build.output);
  return match ? Number(match[1]) / 1000 : undefined;
}

/** Median wall-clock and CPU seconds of the cold and the warm builds. */
interface Times {
  cold: number;
  warm: number;
  edited: number;
  coldCpu: number | undefined;
  warmCpu: number | undefined;
  editedCpu: number | undefined;
  /** Of the wall-clock seconds, those spent waiting for the search bundle after the pages (Dramatis only). */
  coldSearch: number | undefined;
  warmSearch: number | undefined;
  editedSearch: number | undefined;
}

function describe(build: TimedBuild | undefined): string {
  if (!build) return '?';
  const cpu = build.cpuSeconds === undefined ? '' : ` (CPU ${build.cpuSeconds.toFixed(2)} s)`;
  const search = searchSeconds(build);
  return `${build.seconds.toFixed(2)} s${cpu}${search === undefined ? '' : `, search wait ${search.toFixed(2)} s`}`;
}

async function benchSize(actors: number, runs: number, keep: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `dramatis-bench-${actors}-`));
  try {
    const content = path.join(dir, 'content');
    const story = generateStory({ actors });
    await writeStory(content, story);
    process.stderr.write(
      `${actors} actors: ${story.counts.relations} relations, ${story.counts.events} events in ${dir}\n`,
    );

    const dramatis = path.join(dir, 'dramatis');
    await createDramatisProject(dramatis);
    const dramatisEnv = { CONTENT_DIR: content, OUT_DIR: path.join(dramatis, 'dist') };
    // One build to count the pages the bare site must match.
    const first = check(await timeBuild(dramatis, dramatisEnv, BUILD_NODE_FLAGS), 'Dramatis build');
    const pages = await countPages(path.join(dramatis, 'dist'));
    process.stderr.write(
      `  Dramatis: ${pages} pages (first build ${first.seconds.toFixed(2)} s)\n`,
    );

    const bare = path.join(dir, 'bare');
    await createBareProject(bare);
    const bareContent = path.join(dir, 'bare-content');
    const entries = await copyEntries(content, bareContent, pages);
    const bareEnv = { CONTENT_DIR: bareContent, OUT_DIR: path.join(bare, 'dist') };

    // Bare and Dramatis take turns, so that a busy spell on the machine falls on both.
    const bareRounds: Round[] = [];
    const dramatisRounds: Round[] = [];
    for (let i = 0; i < runs; i += 1) {
      bareRounds.push(await round(bare, bareEnv, 'bare Astro', () => editOne(bareContent)));
      dramatisRounds.push(
        await round(
          dramatis,
          dramatisEnv,
          'Dramatis',
          () => editOne(path.join(content, 'actors')),
          BUILD_NODE_FLAGS,
        ),
      );
    }
    const barePages = await countPages(path.join(bare, 'dist'));
    if (barePages !== entries)
      throw new Error(`bare site wrote ${barePages} pages, not ${entries}`);
    const bareTimes = summarize(bareRounds);
    const dramatisTimes = summarize(dramatisRounds);

    const ratio = (a: number | undefined, b: number | undefined) =>
      a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`;
    const s = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(2)} s`);
    const d = dramatisTimes;
    const b = bareTimes;
    return `| ${actors.toLocaleString('en')} | ${story.counts.relations.toLocaleString('en')} | ${pages.toLocaleString('en')} / ${barePages.toLocaleString('en')} | ${s(d.cold)} (${s(d.coldCpu)}) | ${s(d.warm)} (${s(d.warmCpu)}) | ${s(b.cold)} (${s(b.coldCpu)}) | ${s(b.warm)} (${s(b.warmCpu)}) | ${ratio(d.cold, b.cold)} (${ratio(d.coldCpu, b.coldCpu)}) | ${ratio(d.warm, b.warm)} (${ratio(d.warmCpu, b.warmCpu)}) | ${s(d.edited)} / ${s(b.edited)}: ${ratio(d.edited, b.edited)} (${ratio(d.editedCpu, b.editedCpu)}) | ${s(d.coldSearch)} / ${s(d.warmSearch)} / ${s(d.editedSearch)} |`;
  } finally {
    if (keep) process.stderr.write(`  kept ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = (flag('actors') ?? '1000').split(',').map(Number);
  const runs = Number(flag('runs') ?? 1);
  const keep = process.argv.includes('--keep');
  const rows: string[] = [];
  for (const n of sizes) rows.push(await benchSize(n, runs, keep));
  process.stdout.write(
    [
      `| actors | relations | pages (Dramatis / bare) | Dramatis cold (CPU) | Dramatis warm (CPU) | bare Astro cold (CPU) | bare Astro warm (CPU) | ratio cold (CPU) | ratio warm (CPU) | one edit, Dramatis / bare: ratio (CPU) | of Dramatis, wait for search after the pages cold / warm / one edit |`,
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Target: ratio ≤ ${TARGET_RATIO}×. Wall-clock seconds, CPU seconds (user + system) in brackets. Median of ${runs} run(s) each; load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(
          ' ',
        )} on ${process.platform} (${path.basename(process.execPath)} ${process.version}).`,
      '',
    ].join('\n'),
  );
}

await main();
