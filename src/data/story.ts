/**
 * The checked Story for pages. Loaded once per build (the content gate has
 * already refused invalid content); re-read on every request in dev so edits
 * show on reload, together with any problems they introduced.
 */
import type { BuildResult } from '../lib/model/build.ts';
import { loadStory } from '../lib/model/load.ts';
import type { Story } from '../lib/model/types.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';
let cached: Promise<BuildResult> | undefined;

function load(): Promise<BuildResult> {
  if (import.meta.env.DEV || !cached) cached = loadStory(contentDir);
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
