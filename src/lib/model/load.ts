import { type BuildResult, buildStory } from './build.ts';
import { readContent } from './read.ts';

/** Reads and checks a content folder: the one entry point for CLIs and the build. */
export async function loadStory(dir: string, cwd: string = process.cwd()): Promise<BuildResult> {
  return buildStory(readContent(dir, cwd));
}
