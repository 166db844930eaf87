/**
 * Build-time layout cost: `layoutGraph` on synthetic stories of N actors and
 * 3N relations (the whole graph, as /graph/ lays it out), plus the per-page
 * layouts a build makes (one per article, one ego network per actor page).
 *
 * Usage:
 *   node scripts/bench-layout.ts [--sizes 100,1000,5000] [--runs 3]
 *
 * Prints a Markdown table: median of `--runs` runs (sizes of 5,000 and more run
 * once, as one run already takes seconds), the spread, what a later build
 * pays to take the whole-graph layout from the cache (hash, read, parse), and
 * what the per-page layouts of a full build cost in total: the articles',
 * and the actors' ego networks (stars, drawn as rings: no simulation).
 */
import { createLayoutCache, type LayoutStore } from '../src/lib/graph/cache.ts';
import { layoutGraph } from '../src/lib/graph/layout.ts';
import { actorGraph } from '../src/lib/graph/page-graphs.ts';
import type { GraphInput } from '../src/lib/graph/types.ts';
import { buildStory } from '../src/lib/model/build.ts';
import { sliceForArticle } from '../src/lib/model/select.ts';
import type { Story } from '../src/lib/model/types.ts';
import { flag, median } from './lib/cli.ts';
import { generateStory, toRawContent } from './synthetic.ts';

/** From this many actors on, a single run is measured: each already takes seconds. */
const SINGLE_RUN_FROM = 5000;

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/** Milliseconds for the per-page layouts of a build, as the pages lay them out: every article and every actor's ego network. */
function pageLayouts(story: Story): { articles: number; actors: number } {
  const articles = time(() => {
    for (const article of story.articles) {
      const slice = sliceForArticle(story, article);
      layoutGraph({ actors: slice.actors, relations: slice.relations, kinds: story.kinds });
    }
  });
  const egos = story.actors.flatMap((actor) => actorGraph(story, actor.id) ?? []);
  const actors = time(() => {
    for (const job of egos) layoutGraph(job.input, job.options);
  });
  return { articles, actors };
}

/** Milliseconds to get the whole-graph layout from the cache in a later build: hash the input, read and parse the stored JSON. */
function cacheHit(input: GraphInput): number {
  const files = new Map<string, string>();
  const store: LayoutStore = {
    read: (key) => files.get(key),
    write: (key, text) => {
      files.set(key, text);
    },
  };
  createLayoutCache(store)(input);
  const fresh = createLayoutCache(store, () => {
    throw new Error('the cache missed');
  });
  return time(() => {
    fresh(input);
  });
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

async function main(): Promise<void> {
  const sizes = (flag('sizes') ?? '100,1000,5000').split(',').map(Number);
  const runs = Number(flag('runs') ?? 3);
  const rows: string[] = [];
  for (const n of sizes) {
    const { story, diagnostics } = buildStory(toRawContent(generateStory({ actors: n })));
    if (diagnostics.some((d) => d.severity === 'error'))
      throw new Error(`synthetic story of ${n} actors has errors`);
    const input = { actors: story.actors, relations: story.relations, kinds: story.kinds };
    const count = n >= SINGLE_RUN_FROM ? 1 : runs;
    const times: number[] = [];
    // A warm-up run, so the JIT has compiled the hot paths before timing (skipped for the big ones).
    let layout = count > 1 ? layoutGraph(input) : undefined;
    for (let i = 0; i < count; i += 1) {
      times.push(
        time(() => {
          layout = layoutGraph(input);
        }),
      );
    }
    if (!layout) throw new Error('no layout');
    const hidden = layout.edges.filter((e) => e.labelHidden).length;
    const pages = pageLayouts(story);
    const hit = cacheHit(input);
    rows.push(
      `| ${n.toLocaleString('en')} | ${story.relations.length.toLocaleString('en')} | ${seconds(median(times))} | ${seconds(Math.min(...times))}–${seconds(Math.max(...times))} (${count}) | ${layout.width}×${layout.height} | ${hidden.toLocaleString('en')} | ${seconds(hit)} | ${seconds(pages.articles)} | ${seconds(pages.actors)} |`,
    );
    process.stderr.write(`${n} actors done\n`);
  }
  process.stdout.write(
    [
      '| actors | relations | layoutGraph, whole graph (median) | min–max (runs) | viewBox | hidden edge labels | whole graph from cache | article layouts, all | actor ego layouts, all |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
