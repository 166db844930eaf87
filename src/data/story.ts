/**
 * The checked Story for pages. Loaded once per build (the content gate has
 * already refused invalid content); re-read on every request in dev so edits
 * show on reload.
 */
import { loadStory } from '../lib/model/load.ts';
import type { Story } from '../lib/model/types.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';
let cached: Promise<Story> | undefined;

/** The whole story. */
export function getStory(): Promise<Story> {
  if (import.meta.env.DEV || !cached) cached = loadStory(contentDir).then((result) => result.story);
  return cached;
}
