/**
 * The checked Story for pages. Loaded once per build (the content gate has
 * already refused invalid content); re-read on every request in dev so edits
 * show on reload, together with any problems they introduced.
 */
import path from 'node:path';
import type { BuildResult } from '../lib/model/build.ts';
import { loadStory } from '../lib/model/load.ts';
import type { Story } from '../lib/model/types.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';
let cached: Promise<BuildResult> | undefined;

/**
 * Where the content gate leaves what it has just checked, so that the pages
 * of the same build do not read and check every file a second time (a second
 * or more for a thousand actors). A global, because the config (which runs
 * the gate) and the page bundle are separate module instances.
 */
const CHECKED = Symbol.for('dramatis.checked-content');

interface Checked {
  dir: string;
  result: BuildResult;
}

/** Hands what the content gate checked to the pages of this build (not used in dev, which re-reads). */
export function shareCheckedContent(dir: string, result: BuildResult): void {
  const checked: Checked = { dir: path.resolve(dir), result };
  Reflect.set(globalThis, CHECKED, checked);
}

/** What the content gate of this process checked in `dir`, if it did. */
export function checkedContent(dir: string): BuildResult | undefined {
  const checked = Reflect.get(globalThis, CHECKED) as Checked | undefined;
  return checked?.dir === path.resolve(dir) ? checked.result : undefined;
}

function load(): Promise<BuildResult> {
  if (import.meta.env.DEV || !cached) {
    const shared = import.meta.env.DEV ? undefined : checkedContent(contentDir);
    cached = shared ? Promise.resolve(shared) : loadStory(contentDir);
  }
  return cached;
}

/** The whole story. */
export async function getStory(): Promise<Story> {
  return (await load()).story;
}

/** The story's content problems (shown on every page in dev; a build stops before rendering when there are errors). */
export async function getDiagnostics(): Promise<BuildResult['diagnostics']> {
  return (await load()).diagnostics;
}
