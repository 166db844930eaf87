/**
 * `loadStory` for builds, with the result kept in `.cache/story/` between
 * builds (src/lib/model/story-cache.ts): an unchanged story is not parsed
 * and checked again. Set STORY_CACHE_DIR to move the folder, or to an empty
 * string to turn the cache off. The cache only saves time: a folder that
 * cannot be read or written is the same as an empty one.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { partsHash } from '../lib/hash.ts';
import { type BuildResult, buildStory } from '../lib/model/build.ts';
import type { RawContent } from '../lib/model/read.ts';
import { buildStoryCached, type StoryStore } from '../lib/model/story-cache.ts';

/** Default folder of the story cache, relative to the project root. */
export const DEFAULT_STORY_CACHE_DIR = '.cache/story';

/** Hex digits of the content folder's hash that name its stored result. */
const STORE_NAME_LENGTH = 16;

/**
 * A digest of the code that checks content and words it (every non-test
 * module under src/lib/), so that a change to a rule is never hidden by a
 * stored result. Undefined when the source cannot be read (then nothing is
 * cached). Worked out once per process.
 */
export function codeStamp(): string | undefined {
  if (!stamped) stamped = { stamp: readCodeStamp() };
  return stamped.stamp;
}

let stamped: { stamp: string | undefined } | undefined;

function readCodeStamp(): string | undefined {
  const candidates = [fileURLToPath(new URL('../lib/', import.meta.url)), path.resolve('src/lib')];
  for (const dir of candidates) {
    try {
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .sort();
      if (files.length === 0) continue;
      const hash = partsHash();
      for (const file of files) hash.add(file).add(readFileSync(path.join(dir, file)));
      return hash.hex();
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}

/** One JSON file per content folder in `dir`, written to a temporary name and renamed. */
function fileStore(dir: string, contentDir: string): StoryStore {
  const name = partsHash().add(path.resolve(contentDir)).hex().slice(0, STORE_NAME_LENGTH);
  const file = path.join(dir, `${name}.json`);
  return {
    read() {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    write(text) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, text);
        renameSync(temporary, file);
      } catch {
        // Not writable: the next build checks everything again, as without a cache.
      }
    },
  };
}

/**
 * Checks the files read from `contentDir`, reusing the last build's result
 * when nothing it depends on changed.
 */
export function loadStoryForBuild(contentDir: string, raw: RawContent): BuildResult {
  const dir = process.env.STORY_CACHE_DIR ?? DEFAULT_STORY_CACHE_DIR;
  const stamp = dir ? codeStamp() : undefined;
  if (!dir || stamp === undefined) return buildStory(raw);
  return buildStoryCached(raw, fileStore(dir, contentDir), stamp);
}
