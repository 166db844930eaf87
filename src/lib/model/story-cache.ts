/**
 * The checked story of a content folder, kept between builds: when neither
 * the content nor the code that checks it changed, a build reuses the last
 * result instead of parsing and checking every file again (seconds for a
 * story of a thousand actors). Only results without errors are kept.
 */
import { partsHash } from '../hash.ts';
import type { FoundWikilink } from '../remark/wikilinks.ts';
import { type BuildResult, buildStory, type WikilinkMemo } from './build.ts';
import { hasErrors } from './diagnostics.ts';
import type { RawContent } from './read.ts';
import { COLLECTIONS } from './schemas.ts';

/** Bump when a stored result would no longer be read the same way (the code stamp covers the checking code). */
export const STORY_CACHE_VERSION = 2;

/** Where one stored result lives: the last one written, as text. */
export interface StoryStore {
  read(): string | undefined;
  write(text: string): void;
}

/**
 * SHA-256 (hex) of everything a result depends on: every file's path and
 * text in a fixed order, the content folder, `codeStamp` (a digest of the
 * checking code) and STORY_CACHE_VERSION. Each part is length-prefixed, so
 * no two different inputs run together into the same text.
 */
export function storyKey(raw: RawContent, codeStamp: string): string {
  const hash = partsHash().add(String(STORY_CACHE_VERSION)).add(codeStamp).add(raw.root);
  for (const file of [raw.site, raw.kinds]) hash.add(file?.path ?? '').add(file?.text ?? '');
  for (const name of COLLECTIONS) {
    hash.add(name).add(String(raw.collections[name].length));
    for (const file of raw.collections[name]) hash.add(file.path).add(file.text);
  }
  return hash.hex();
}

interface Stored {
  key: string;
  result: BuildResult;
  /** The checking code's stamp: wikilinks found by other code are not reused. */
  codeStamp?: string;
  /** The wikilinks of each body with any, by the body's hash (see WikilinkMemo). */
  links?: [string, FoundWikilink[]][];
}

function readStored(store: StoryStore): Stored | undefined {
  const text = store.read();
  if (text === undefined) return undefined;
  try {
    const stored = JSON.parse(text) as Partial<Stored> | null;
    return typeof stored?.key === 'string' && stored.result ? (stored as Stored) : undefined;
  } catch {
    // A damaged cache file is a miss, never an error.
    return undefined;
  }
}

/**
 * `buildStory(raw)`, or the stored result when `raw` and `codeStamp` are what
 * it was built from. After an edit the story is checked again, but the
 * bodies that did not change are not parsed again for their wikilinks.
 */
export function buildStoryCached(
  raw: RawContent,
  store: StoryStore,
  codeStamp: string,
): BuildResult {
  const key = storyKey(raw, codeStamp);
  const stored = readStored(store);
  if (stored?.key === key) return stored.result;
  const links: WikilinkMemo = {
    previous: new Map(stored?.codeStamp === codeStamp ? (stored.links ?? []) : []),
    current: new Map(),
  };
  const result = buildStory(raw, links);
  if (!hasErrors(result.diagnostics)) {
    const next: Stored = { key, result, codeStamp, links: [...links.current] };
    store.write(JSON.stringify(next));
  }
  return result;
}
