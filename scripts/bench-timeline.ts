/**
 * Timeline benchmark: N synthetic events (5,000 by default) laid out at build time, built into a
 * static site, then zoomed with the wheel in headless Chromium while frame times are measured.
 *
 * Usage:
 *   node scripts/bench-timeline.ts [--events 5000] [--seconds 2] [--dist <built site>] [--keep]
 *
 * Prints the build-time layout time, the build time, the time the page takes to enhance the
 * timeline, and the median / p95 / max frame time while zooming. The browser runs without a
 * frame-rate cap, so a frame's time is the work it took (script, style, layout, paint), not 16.7
 * ms of vsync. Each frame dispatches one wheel event at the chart (zooming in to about 128× over
 * the first half, back out over the second), so every frame has zoom work in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseDate } from '../src/lib/dates/index.ts';
import type { StoryEvent } from '../src/lib/model/types.ts';
import { layoutTimeline } from '../src/lib/timeline/layout.ts';
import { createDramatisProject, timeBuild } from './lib/bench-project.ts';
import { launchBrowser } from './lib/browser.ts';
import { BUILD_NODE_FLAGS } from './lib/build-flags.ts';
import { quantile } from './lib/cli.ts';
import { serveStatic } from './lib/serve.ts';
import { generateEvents, type SyntheticEvents, writeEventsStory } from './lib/synthetic-events.ts';

/** Layout runs to take the median of. */
const LAYOUT_RUNS = 5;
/** One frame at 60 Hz, the target. */
const FRAME_BUDGET_MS = 1000 / 60;
const VIEWPORT = { width: 1280, height: 900 };
/**
 * Wheel delta per ms of frame time, so the zoom reaches the same depth however fast frames come:
 * with the timeline's wheel scaling (2^(-deltaY × 0.002)) this zooms in 128× in one second.
 */
const WHEEL_DELTA_PER_MS = 3.5;
const PERCENT = 100;
const P95 = 0.95;

/** Events as the layout takes them, parsed like the content loader does. */
function toStoryEvents(story: SyntheticEvents): StoryEvent[] {
  const date = (raw: string) => {
    const parsed = parseDate(raw);
    if (!parsed.ok) throw new Error(`synthetic date ${raw} does not parse`);
    return parsed.date;
  };
  return story.events.map((event) => ({
    id: event.id,
    file: `events/${event.id}.md`,
    body: '',
    title: event.title,
    date: date(event.date),
    ...(event.end ? { end: date(event.end) } : {}),
    approximate: event.approximate,
    kind: event.kind,
    actors: event.actors,
    articles: [],
    evidence: [],
  }));
}

/** A copy of Dramatis in `root` with its own package caches, then `astro build` of `content`: its milliseconds. */
async function buildSite(root: string, content: string, outDir: string): Promise<number> {
  await createDramatisProject(root);
  const build = await timeBuild(root, { CONTENT_DIR: content, OUT_DIR: outDir }, BUILD_NODE_FLAGS);
  if (build.code !== 0)
    throw new Error(`astro build failed (exit ${build.code}):\n${build.output}`);
  return build.seconds * 1000;
}

/**
 * A style that keeps the page's event list out of every repaint while it is off-screen. The list
 * entries are positioned (one paint layer each), so without it each timeline frame walks 5,000
 * layers; measured both ways to show what that costs (EventList.astro is not the timeline's).
 */
const LIST_ISOLATION =
  'ol.event-list { content-visibility: auto; contain-intrinsic-size: auto 100vh; }';

/** One frame's time and whether the marks were drawn as dense paths or as elements. */
interface Frame {
  ms: number;
  dense: boolean;
}

/** Frame times (ms) while the page zooms the timeline for `seconds`, one wheel event a frame. */
async function measureZoom(url: string, seconds: number, style?: string) {
  // No vsync cap: a frame takes as long as its work.
  const browser = await launchBrowser(['--disable-gpu-vsync', '--disable-frame-rate-limit']);
  try {
    // bypassCSP only so the isolating style below can be added; the site's policy refuses it.
    const page = await browser.newPage({ viewport: VIEWPORT, bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const loaded = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    // Coming near the timeline loads its script.
    await page.locator('[data-timeline]').first().scrollIntoViewIfNeeded();
    await page.locator('[data-timeline].is-interactive').waitFor({ timeout: 60_000 });
    const ready = performance.now() - loaded;
    if (style) await page.addStyleTag({ content: style });
    await page.locator('[data-timeline]').scrollIntoViewIfNeeded();
    const result = await page.evaluate(
      ({ duration, delta }) =>
        new Promise<{ frames: Frame[]; maxK: number }>((resolve) => {
          const chart = document.querySelector('[data-timeline] svg.chart') as SVGSVGElement;
          const layer = chart.querySelector('g.events') as SVGGElement;
          const box = chart.getBoundingClientRect();
          const frames: Frame[] = [];
          let maxK = 1;
          let start = 0;
          let last = 0;
          const step = (now: number) => {
            if (!start) start = now;
            if (last) frames.push({ ms: now - last, dense: layer.classList.contains('dense') });
            last = now;
            const zoom = (chart as unknown as { __zoom?: { k: number } }).__zoom;
            maxK = Math.max(maxK, zoom?.k ?? 1);
            if (now - start > duration) {
              resolve({ frames, maxK });
              return;
            }
            const zoomIn = now - start < duration / 2;
            const elapsed = frames.at(-1)?.ms ?? 16;
            chart.dispatchEvent(
              new WheelEvent('wheel', {
                deltaY: (zoomIn ? -delta : delta) * elapsed,
                clientX: box.left + box.width * 0.4,
                clientY: box.top + box.height / 2,
                bubbles: true,
                cancelable: true,
              }),
            );
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
      { duration: seconds * 1000, delta: WHEEL_DELTA_PER_MS },
    );
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ready, ...result };
  } finally {
    await browser.close();
  }
}

/** Prints the median, p95 and max of frame times and the share over budget. */
function report(label: string, frames: readonly number[]): void {
  if (frames.length === 0) {
    console.log(`${label}: no frames`);
    return;
  }
  const over = frames.filter((f) => f > FRAME_BUDGET_MS).length;
  console.log(
    `${label}: ${frames.length} frames; median ${quantile(frames, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(frames, P95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms; ` +
      `${((over / frames.length) * PERCENT).toFixed(0)}% over ${FRAME_BUDGET_MS.toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '5000' },
      seconds: { type: 'string', default: '2' },
      dist: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.events);
  const seconds = Number(values.seconds);
  const story = generateEvents({ events: count });
  const events = toStoryEvents(story);

  const times: number[] = [];
  let lanes = 0;
  for (let i = 0; i < LAYOUT_RUNS; i++) {
    const started = performance.now();
    lanes = layoutTimeline(events).laneCount;
    times.push(performance.now() - started);
  }
  console.log(`events: ${count} (${lanes} lanes at build)`);
  console.log(`build-time layout (layoutTimeline): median ${quantile(times, 0.5).toFixed(1)} ms`);

  const work = await mkdtemp(path.join(tmpdir(), 'dramatis-bench-timeline-'));
  try {
    let dist = values.dist;
    if (!dist) {
      const content = path.join(work, 'content');
      dist = path.join(work, 'dist');
      await writeEventsStory(content, story);
      const buildMs = await buildSite(path.join(work, 'project'), content, dist);
      console.log(`astro build of the synthetic site: ${(buildMs / 1000).toFixed(1)} s`);
    }
    const server = await serveStatic(dist);
    try {
      for (const [name, style] of [
        ['page as built', undefined],
        ['event list isolated (content-visibility)', LIST_ISOLATION],
      ] as const) {
        const { ready, frames, maxK } = await measureZoom(`${server.url}timeline/`, seconds, style);
        console.log(`\n${name}:`);
        console.log(`  page load until the timeline is interactive: ${ready.toFixed(0)} ms`);
        report(
          '  all zoom frames',
          frames.map((f) => f.ms),
        );
        report(
          '  dense (paths)',
          frames.filter((f) => f.dense).map((f) => f.ms),
        );
        report(
          '  sparse (elements)',
          frames.filter((f) => !f.dense).map((f) => f.ms),
        );
        console.log(`  zoomed from 1× to ${maxK.toFixed(1)}× and back`);
      }
    } finally {
      await server.close();
    }
  } finally {
    if (values.keep) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

await main();
