/** The ids a content folder holds already, as `npm run new` and `npm run import` check against. */
import type { KnownIds } from '../../src/lib/authoring/scaffold.ts';
import { idFromFileName } from '../../src/lib/model/ids.ts';
import type { RawContent } from '../../src/lib/model/read.ts';
import type { Story } from '../../src/lib/model/types.ts';

/** Ids by collection (from the file names, valid or not) and the story's relation kinds. */
export function knownIds(raw: RawContent, story: Pick<Story, 'kinds'>): KnownIds {
  const ids = (files: readonly { path: string }[]) =>
    new Set(files.map((f) => idFromFileName(f.path)));
  return {
    articles: ids(raw.collections.articles),
    actors: ids(raw.collections.actors),
    events: ids(raw.collections.events),
    relations: ids(raw.collections.relations),
    kinds: new Set(story.kinds.map((k) => k.id)),
  };
}
