/**
 * Browser benchmark of the whole-story diagram (/graph/): time to
 * interactive, and frame times while zooming (wheel), dragging a node and
 * hovering one node after another, and while moving between actors with
 * arrow keys (selecting and clearing on the way), for synthetic stories of
 * N actors; plus what the page weighs (gzip).
 *
 * Usage:
 *   node scripts/bench-graph.ts [--actors 100,1000,5000] [--seconds 2] [--keep]
 *   node scripts/bench-graph.ts --dist <built dist folder>   (measure an existing build)
 *
 * For each size: writes the synthetic story, builds it in a private copy of
 * Dramatis (see scripts/lib/bench-project.ts), serves the output on
 * loopback (scripts/lib/serve.ts) and opens /graph/ in Debian's headless
 * Chromium (scripts/lib/browser.ts) at 1280×900. It measures whatever
 * /graph/ holds: when the diagram's custom element `<actor-graph>` exists it
 * waits for it to be defined and to mark the diagram `data-enhanced`;
 * otherwise it reports the pre-rendered page and says so. Frame times are
 * the intervals between requestAnimationFrame callbacks in the page while
 * real wheel and mouse events (Chrome DevTools input) are sent for
 * `--seconds` each. Headless Chromium runs without a GPU here, so the
 * numbers are an upper bound of what a desktop browser does.
 *
 * The diagram repaints its drawing only when a gesture ends (during a zoom
 * or pan it moves the painted layer; a drag redraws only what moves, see
 * src/scripts/graph/), so each interaction also reports its "settle" frame:
 * the longest frame in the SETTLE_MS after the input stops, which holds that
 * final repaint (after a drag, the neighbours' cooling too). After the drag
 * it checks that the dragged node's own circle moved and that no copy is
 * left in the drag layer, and fails otherwise.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { createDramatisProject, timeBuild } from './lib/bench-project.ts';
import { launchBrowser } from './lib/browser.ts';
import { BUILD_NODE_FLAGS } from './lib/build-flags.ts';
import { flag, quantile } from './lib/cli.ts';
import { serveStatic } from './lib/serve.ts';
import { generateStory, writeStory } from './synthetic.ts';

/** The issue's target frame time at 1,000 actors. */
const FRAME_BUDGET_MS = 16;
/** How long to wait (from navigation) for the diagram to be enhanced; a 5,000-actor page takes half a minute to load. */
const DEFINE_TIMEOUT_MS = 120_000;
/** A frame slower than this counts as dropped (one 60 Hz frame plus slack for timer noise). */
const DROPPED_FRAME_MS = 20;
/** Time between two input events: one per 60 Hz frame. */
const INPUT_INTERVAL_MS = 16;
/** How long to watch frames after the input stops: d3-zoom ends a wheel gesture 150 ms after the last event, a released drag cools for ~2 s. */
const SETTLE_MS = { zoom: 1000, drag: 3000 };
/** How long after the settle window the drag layer may take to close before the check fails. */
const DRAG_CLOSE_TIMEOUT_MS = 15_000;
/** What the drag layer holds while a drag's copies are shown. */
const DRAG_COPIES = '[data-diagram] .drag-layer circle, [data-diagram] .drag-layer path';
/** Time given to the hover highlight before a drag starts. */
const HOVER_MS = 500;
/** Main-thread quiet needed after load to call the page interactive (as in Lighthouse's TTI). */
const QUIET_WINDOW_MS = 500;
const VIEWPORT = { width: 1280, height: 900 };

/** Frame statistics of one interaction. */
interface Frames {
  count: number;
  median: number;
  p95: number;
  max: number;
  /** Share of frames slower than DROPPED_FRAME_MS. */
  dropped: number;
  /** Where the main thread's time went during the interaction (DevTools metrics), ms. */
  work?: Work;
  /** Longest frame after the input stopped (the repaint that ends the gesture), ms. */
  settle?: number;
}

/** Main-thread time by kind, from the DevTools Performance domain. */
interface Work {
  script: number;
  style: number;
  layout: number;
  /** Everything else the main thread did: mostly paint and compositing. */
  other: number;
}

const WORK_METRICS = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'];

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    list.filter((m) => WORK_METRICS.includes(m.name)).map((m) => [m.name, m.value * 1000]),
  );
}

function workBetween(before: Record<string, number>, after: Record<string, number>): Work {
  const d = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  const script = d('ScriptDuration');
  const style = d('RecalcStyleDuration');
  const layout = d('LayoutDuration');
  return { script, style, layout, other: d('TaskDuration') - script - style - layout };
}

function frameStats(intervals: readonly number[]): Frames {
  return {
    count: intervals.length,
    median: quantile(intervals, 0.5),
    p95: quantile(intervals, 0.95),
    max: Math.max(...intervals),
    dropped: intervals.filter((t) => t > DROPPED_FRAME_MS).length / Math.max(1, intervals.length),
  };
}

/** Installed before any page script: records long tasks and when the diagram is enhanced. */
function instrument(timeout: number): void {
  const w = window as unknown as Record<string, unknown>;
  const longTasks: { start: number; duration: number }[] = [];
  w.__bench = { longTasks, defined: undefined, enhanced: undefined };
  const bench = w.__bench as { defined?: number; enhanced?: number };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: total blocking time stays unknown.
  }
  const started = performance.now();
  const poll = () => {
    const root = document.querySelector('[data-diagram]');
    if (bench.defined === undefined && customElements.get('actor-graph'))
      bench.defined = performance.now();
    if (root?.hasAttribute('data-enhanced')) {
      bench.enhanced = performance.now();
      return;
    }
    if (performance.now() - started < timeout) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Records rAF intervals in the page until `stop` is called from the outside. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const frames: number[] = [];
    w.__frames = frames;
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__recording = false;
    return w.__frames as number[];
  });
}

async function wait(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wheel in and out over the diagram for `seconds`. */
async function zoom(page: Page, cdp: CDPSession, seconds: number): Promise<Frames> {
  const svg = page.locator('[data-diagram] svg[role="group"]').first();
  const box = await svg.boundingBox();
  if (!box) throw new Error('no diagram on /graph/');
  const x = box.x + Math.min(box.width, VIEWPORT.width) / 2;
  const y = box.y + Math.min(box.height, VIEWPORT.height - box.y) / 2;
  await page.mouse.move(x, y);
  await startFrames(page);
  const before = await metrics(cdp);
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i += 1) {
    // Half a second in, half a second out, so the view stays around the start.
    const direction = Math.floor(i / 30) % 2 === 0 ? -1 : 1;
    await page.mouse.wheel(0, direction * 60);
    await wait(INPUT_INTERVAL_MS);
  }
  const frames = frameStats(await stopFrames(page));
  const work = workBetween(before, await metrics(cdp));
  return { ...frames, work, settle: await settle(page, SETTLE_MS.zoom) };
}

/** The longest frame while the page finishes what the input started. */
async function settle(page: Page, ms: number): Promise<number> {
  await startFrames(page);
  await wait(ms);
  return Math.max(0, ...(await stopFrames(page)));
}

/** Press on a node near the middle of the view and circle it around for `seconds`. */
async function drag(
  page: Page,
  cdp: CDPSession,
  seconds: number,
): Promise<Frames & { node: string }> {
  const target = await page.evaluate(
    ({ width, height }) => {
      let best: { id: string; x: number; y: number; d: number; cx: string } | undefined;
      for (const g of document.querySelectorAll<SVGGElement>('[data-diagram] [data-actor]')) {
        const circle = g.querySelector('circle');
        const r = circle?.getBoundingClientRect();
        if (!r || r.width === 0) continue;
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        if (x < 0 || y < 0 || x > width || y > height) continue;
        // Only a node the pointer reaches there: not clipped by the canvas, under a button or another node.
        if (document.elementFromPoint(x, y)?.closest('[data-actor]') !== g) continue;
        const d = Math.hypot(x - width / 2, y - height / 2);
        if (!best || d < best.d)
          best = { id: g.dataset.actor ?? '', x, y, d, cx: circle?.getAttribute('cx') ?? '' };
      }
      return best;
    },
    { width: VIEWPORT.width, height: VIEWPORT.height },
  );
  if (!target) throw new Error('no node in view to drag');
  await page.mouse.move(target.x, target.y);
  // Hovering highlights the node's neighbourhood: a change of its own, let it finish before the drag.
  await wait(HOVER_MS);
  await page.mouse.down();
  await startFrames(page);
  const before = await metrics(cdp);
  const end = performance.now() + seconds * 1000;
  const RADIUS = 80;
  for (let i = 0; performance.now() < end; i += 1) {
    const angle = i / 10;
    await page.mouse.move(
      target.x + RADIUS * Math.sin(angle),
      target.y + RADIUS * (1 - Math.cos(angle)),
    );
    await wait(INPUT_INTERVAL_MS);
  }
  const frames = frameStats(await stopFrames(page));
  const work = workBetween(before, await metrics(cdp));
  await page.mouse.up();
  const settled = await settle(page, SETTLE_MS.drag);
  // A large story's neighbours can cool for longer than the settle window: give the layer time to close.
  await page
    .waitForFunction((copies) => document.querySelectorAll(copies).length === 0, DRAG_COPIES, {
      timeout: DRAG_CLOSE_TIMEOUT_MS,
    })
    .catch(() => undefined);
  const after = await page.evaluate(
    ({ id, copies }) => ({
      cx: document.querySelector(`[data-diagram] [data-actor="${id}"] circle`)?.getAttribute('cx'),
      copies: document.querySelectorAll(copies).length,
    }),
    { id: target.id, copies: DRAG_COPIES },
  );
  if (after.cx === target.cx || after.copies > 0) {
    throw new Error(
      `the drag of ${target.id} left cx ${after.cx} (was ${target.cx}) and ${after.copies} copies in the drag layer`,
    );
  }
  return { ...frames, work, settle: settled, node: target.id };
}

/** Nodes the hover pass visits, one after another. */
const HOVER_NODES = 12;

/**
 * Moves the pointer onto HOVER_NODES nodes in view, one after another, with
 * a stop on empty canvas between two (each move in and out highlights or
 * clears a neighbourhood); frames are recorded throughout.
 */
async function hover(page: Page, cdp: CDPSession): Promise<Frames> {
  const targets = await page.evaluate(
    ({ width, height, count }) => {
      const found: { x: number; y: number }[] = [];
      for (const g of document.querySelectorAll<SVGGElement>('[data-diagram] [data-actor]')) {
        const r = g.querySelector('circle')?.getBoundingClientRect();
        if (!r || r.width === 0) continue;
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        if (x > 40 && y > 40 && x < width - 40 && y < height - 40) found.push({ x, y });
        if (found.length === count) break;
      }
      return found;
    },
    { width: VIEWPORT.width, height: VIEWPORT.height, count: HOVER_NODES },
  );
  if (targets.length === 0) throw new Error('no node in view to hover');
  await startFrames(page);
  const before = await metrics(cdp);
  for (const target of targets) {
    await page.mouse.move(target.x, target.y);
    await wait(HOVER_MS / 2);
    // Off the node (a few px past its circle, on the canvas).
    await page.mouse.move(target.x + 30, target.y + 30);
    await wait(HOVER_MS / 2);
  }
  const frames = frameStats(await stopFrames(page));
  return { ...frames, work: workBetween(before, await metrics(cdp)) };
}

/** Key presses the keyboard pass makes. */
const KEY_PRESSES = 12;
/** Arrow keys the keyboard pass cycles through: each moves focus to the nearest actor that way. */
const ARROWS = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'] as const;

/**
 * Focuses the actor nearest the middle of the view, then presses arrow keys
 * KEY_PRESSES times (each moves focus to a neighbour: a focus ring and a
 * highlight), selecting with Enter and clearing with Escape after every
 * third; frames are recorded throughout.
 */
async function keys(page: Page, cdp: CDPSession): Promise<Frames> {
  const focused = await page.evaluate(() => {
    const box = document.querySelector('[data-diagram] .canvas')?.getBoundingClientRect();
    if (!box) return false;
    let best: { link: SVGAElement; d: number } | undefined;
    for (const link of document.querySelectorAll<SVGAElement>('[data-diagram] g.node a')) {
      const r = link.querySelector('circle')?.getBoundingClientRect();
      if (!r || r.width === 0) continue;
      const d = Math.hypot(
        r.x + r.width / 2 - (box.x + box.width / 2),
        r.y + r.height / 2 - (box.y + box.height / 2),
      );
      if (!best || d < best.d) best = { link, d };
    }
    best?.link.focus({ preventScroll: true });
    return best !== undefined;
  });
  if (!focused) throw new Error('no node in view to focus');
  await wait(HOVER_MS);
  await startFrames(page);
  const before = await metrics(cdp);
  for (let i = 0; i < KEY_PRESSES; i++) {
    await page.keyboard.press(ARROWS[i % ARROWS.length] ?? 'ArrowRight');
    await wait(HOVER_MS / 2);
    if (i % 3 === 2) {
      await page.keyboard.press('Enter');
      await wait(HOVER_MS / 2);
      await page.keyboard.press('Escape');
      await wait(HOVER_MS / 2);
    }
  }
  const frames = frameStats(await stopFrames(page));
  return { ...frames, work: workBetween(before, await metrics(cdp)) };
}

/** What /graph/ costs to load and to use. */
interface GraphResult {
  /** Whether the page has the `<actor-graph>` element at all. */
  hasElement: boolean;
  interactive: boolean;
  domContentLoaded: number;
  load: number;
  enhanced?: number;
  tti: number;
  totalBlocking: number;
  longestTask: number;
  zoom: Frames;
  drag: Frames & { node: string };
  hover: Frames;
  keys: Frames;
  jsRaw: number;
  jsGzip: number;
  htmlRaw: number;
  htmlGzip: number;
  nodes: number;
  edges: number;
}

/** Measures /graph/ of a built site. */
export async function measureGraph(dist: string, seconds: number): Promise<GraphResult> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && !response.url().endsWith('.js')) return;
      scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
    });
    await page.addInitScript(instrument, DEFINE_TIMEOUT_MS);
    await page.goto(`${server.url}graph/`, { waitUntil: 'load', timeout: 120_000 });
    const hasElement = await page.evaluate(() => document.querySelector('actor-graph') !== null);
    if (hasElement) {
      await page
        .waitForFunction(
          () =>
            (window as unknown as { __bench: { enhanced?: number } }).__bench.enhanced !==
            undefined,
          undefined,
          { timeout: DEFINE_TIMEOUT_MS },
        )
        .catch(() => undefined);
    }
    // Interactive: the first moment after load and enhancement with QUIET_WINDOW_MS free of long tasks.
    await wait(QUIET_WINDOW_MS * 2);
    const timing = await page.evaluate((quiet) => {
      const bench = (
        window as unknown as {
          __bench: {
            longTasks: { start: number; duration: number }[];
            enhanced?: number;
          };
        }
      ).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const ready = Math.max(nav.loadEventEnd, bench.enhanced ?? 0);
      let tti = ready;
      for (const t of bench.longTasks) {
        if (t.start + t.duration > tti && t.start < tti + quiet) tti = t.start + t.duration;
      }
      return {
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        enhanced: bench.enhanced,
        tti,
        totalBlocking: bench.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
        longestTask: Math.max(0, ...bench.longTasks.map((t) => t.duration)),
        nodes: document.querySelectorAll('[data-diagram] [data-actor]').length,
        edges: document.querySelectorAll('[data-diagram] [data-relation]').length,
      };
    }, QUIET_WINDOW_MS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const zoomFrames = await zoom(page, cdp, seconds);
    const dragFrames = await drag(page, cdp, seconds);
    const hoverFrames = await hover(page, cdp);
    const keyFrames = await keys(page, cdp);
    const html = await readFile(path.join(dist, 'graph', 'index.html'));
    const js = [...scripts.values()];
    return {
      hasElement,
      interactive: timing.enhanced !== undefined,
      ...timing,
      zoom: zoomFrames,
      drag: dragFrames,
      hover: hoverFrames,
      keys: keyFrames,
      jsRaw: js.reduce((sum, b) => sum + b.length, 0),
      jsGzip: js.reduce((sum, b) => sum + gzipSync(b).length, 0),
      htmlRaw: html.length,
      htmlGzip: gzipSync(html).length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const frames = (f: Frames) =>
  `${f.median.toFixed(1)} / ${f.p95.toFixed(1)} / ${f.max.toFixed(0)} ms, ${(f.dropped * 100).toFixed(0)}% > ${DROPPED_FRAME_MS} ms (${f.count}); settle ${f.settle === undefined ? '–' : ms(f.settle)}`;

const work = (f: Frames) =>
  f.work
    ? `script ${ms(f.work.script)}, style ${ms(f.work.style)}, layout ${ms(f.work.layout)}, paint and other ${ms(f.work.other)}`
    : '–';

function workRow(label: string, r: GraphResult): string {
  return `| ${label} | ${work(r.zoom)} | ${work(r.drag)} | ${work(r.hover)} | ${work(r.keys)} |`;
}

function row(label: string, r: GraphResult): string {
  return `| ${label} | ${r.nodes} / ${r.edges} | ${r.interactive ? 'yes' : r.hasElement ? `not enhanced within ${DEFINE_TIMEOUT_MS / 1000} s` : 'no (pre-rendered only)'} | ${ms(r.load)} | ${r.enhanced === undefined ? '–' : ms(r.enhanced)} | ${ms(r.tti)} | ${ms(r.totalBlocking)} / ${ms(r.longestTask)} | ${frames(r.zoom)} | ${frames(r.drag)} | ${frames(r.hover)} | ${frames(r.keys)} | ${kb(r.jsGzip)} (${kb(r.jsRaw)}) | ${kb(r.htmlGzip)} (${kb(r.htmlRaw)}) |`;
}

async function main(): Promise<void> {
  const seconds = Number(flag('seconds') ?? 2);
  const rows: string[] = [];
  const workRows: string[] = [];
  const existing = flag('dist');
  if (existing) {
    const result = await measureGraph(existing, seconds);
    rows.push(row(path.basename(path.resolve(existing)), result));
    workRows.push(workRow(path.basename(path.resolve(existing)), result));
  } else {
    const sizes = (flag('actors') ?? '100,1000,5000').split(',').map(Number);
    const keep = process.argv.includes('--keep');
    for (const n of sizes) {
      const dir = await mkdtemp(path.join(tmpdir(), `dramatis-graph-${n}-`));
      try {
        const content = path.join(dir, 'content');
        await writeStory(content, generateStory({ actors: n }));
        const project = path.join(dir, 'dramatis');
        await createDramatisProject(project);
        const dist = path.join(project, 'dist');
        const build = await timeBuild(
          project,
          { CONTENT_DIR: content, OUT_DIR: dist },
          BUILD_NODE_FLAGS,
        );
        if (build.code !== 0) throw new Error(`build of ${n} actors failed:\n${build.output}`);
        process.stderr.write(`${n} actors built in ${build.seconds.toFixed(1)} s; measuring…\n`);
        const result = await measureGraph(dist, seconds);
        rows.push(row(n.toLocaleString('en'), result));
        workRows.push(workRow(n.toLocaleString('en'), result));
      } finally {
        if (keep) process.stderr.write(`  kept ${dir}\n`);
        else await rm(dir, { recursive: true, force: true });
      }
    }
  }
  process.stdout.write(
    [
      '| actors | nodes / edges drawn | interactive script | load | enhanced | time to interactive | blocking total / longest task | zoom frames median / p95 / max; settle | drag frames median / p95 / max; settle | hover frames median / p95 / max | keyboard frames median / p95 / max | JS gzip (raw) | /graph/ HTML gzip (raw) |',
      '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Frame times are requestAnimationFrame intervals (target < ${FRAME_BUDGET_MS} ms at 1,000 actors), headless Chromium without GPU at ${VIEWPORT.width}×${VIEWPORT.height}; load average at the end ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores.`,
      '',
      `| actors | main thread while zooming (${seconds} s) | main thread while dragging (${seconds} s) | main thread while hovering ${HOVER_NODES} nodes | main thread during ${KEY_PRESSES} arrow keys |`,
      '| ---: | --- | --- | --- | --- |',
      ...workRows,
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
