/** Builds the fixture story once for all site tests (integration and browser). */
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDist: string;
  }
}

/** The fixture story every site test reads; never the seed story. */
export const FIXTURE_CONTENT = 'tests/fixtures/story';

export default async function setup(project: TestProject) {
  const outcome = await buildSite(FIXTURE_CONTENT);
  if (outcome.code !== 0) {
    throw new Error(
      `fixture build failed (exit ${outcome.code}):\n${outcome.stdout}\n${outcome.stderr}`,
    );
  }
  project.provide('fixtureDist', outcome.outDir);
}
