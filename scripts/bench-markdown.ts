/**
 * What rendering entry bodies costs a build: every actor and article body of
 * a synthetic story, through Astro's own `unified()` processor with our
 * plugins (the pipeline before `bodyRenderer`) and through `bodyRenderer`
 * (src/lib/remark/renderer.ts), which gives the same HTML and skips the
 * passes a body cannot need.
 *
 * Usage:
 *   node scripts/bench-markdown.ts [--actors 1000] [--runs 5]
 *
 * Prints a Markdown row per pipeline: median and spread of `--runs` runs,
 * each rendering every body once in one process (after one warm-up run).
 */
import { pathToFileURL } from 'node:url';
import { splitFrontmatter } from '../src/lib/model/frontmatter.ts';
import { bodyRenderer } from '../src/lib/remark/renderer.ts';
import type { WikilinkResolver } from '../src/lib/remark/wikilinks.ts';
import { flag, median } from './lib/cli.ts';
import { astroReferenceRenderer } from './lib/markdown-reference.ts';
import { generateStory } from './synthetic.ts';

const actors = Number(flag('actors') ?? 1000);
const runs = Number(flag('runs') ?? 5);

const story = generateStory({ actors });
const bodies = story.files
  .filter((f) => /^(actors|articles)\//.test(f.path))
  .map((f) => ({ body: splitFrontmatter(f.text).body, fileURL: pathToFileURL(`/story/${f.path}`) }))
  .filter((b) => b.body.trim() !== '');

const resolve: WikilinkResolver = (ref) => ({ href: `/${ref.type}s/${ref.id}/`, label: ref.id });
const shared = { syntaxHighlight: false } as const;
const pipelines = {
  'Astro unified() with our plugins': await astroReferenceRenderer(resolve),
  bodyRenderer: await bodyRenderer(resolve).createRenderer(shared),
};

async function renderAll(renderer: (typeof pipelines)[keyof typeof pipelines]): Promise<number> {
  const started = performance.now();
  for (const { body, fileURL } of bodies) await renderer.render(body, { fileURL });
  return performance.now() - started;
}

console.log(`${bodies.length} bodies (${actors} actors), ${runs} runs after a warm-up\n`);
console.log('| pipeline | all bodies, median | spread | per body |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, renderer] of Object.entries(pipelines)) {
  await renderAll(renderer);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await renderAll(renderer));
  const m = median(times);
  const spread = `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`;
  console.log(
    `| ${name} | ${m.toFixed(0)} ms | ${spread} | ${((m / bodies.length) * 1000).toFixed(0)} µs |`,
  );
}
