/**
 * Content-layer loader for the collections whose bodies pages render
 * (articles and actors; see content.config.ts). It reads the same raw files as
 * our validation pass (so dates keep their authored form), lets Astro check
 * them against the collection schema, and renders bodies with the configured
 * unified processor (wikilinks, sanitising).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { partsHash } from '../lib/hash.ts';
import { splitFrontmatter, takeYamlData } from '../lib/model/frontmatter.ts';
import { idFromFileName, isValidId } from '../lib/model/ids.ts';
import { type RawContent, readCollection, type SourceFile } from '../lib/model/read.ts';
import type { CollectionName } from '../lib/model/schemas.ts';

/** The collections Astro loads: those whose bodies pages show as HTML. */
export type PageCollection = Extract<CollectionName, 'articles' | 'actors'>;

const PAGE_COLLECTIONS: readonly PageCollection[] = ['articles', 'actors'];

/** Loads `content/<collection>/*.md` into an Astro collection. */
export function entryLoader(collection: PageCollection, contentDir: string): Loader {
  return {
    name: `dramatis-${collection}`,
    load: async (context) => {
      await loadCollection(collection, contentDir, context);
      const folder = path.resolve(contentDir, collection);
      context.watcher?.add(folder);
      const reload = (file: string) => {
        if (path.resolve(file).startsWith(folder))
          void loadCollection(collection, contentDir, context);
      };
      context.watcher?.on('change', reload);
      context.watcher?.on('add', reload);
      context.watcher?.on('unlink', reload);
    },
  };
}

/**
 * Bumped when what the loader stores changes, so entries stored by an
 * older loader are not kept as unchanged.
 */
const LOADER_VERSION = '2';

/**
 * What a rendered body depends on besides its own file: the base path,
 * every actor's name and event's title (wikilinks show them) and the render
 * stamp (render-stamp.ts: the pipeline's code, the story's images). The
 * integration sets it after the content gate; a change re-renders all bodies.
 */
const RENDER_CONTEXT = Symbol.for('dramatis.render-context');

/** Sets the render context the loaders fold into each entry's digest (see RENDER_CONTEXT). */
export function setRenderContext(context: string): void {
  Reflect.set(globalThis, RENDER_CONTEXT, context);
}

function renderContext(): string {
  const context = Reflect.get(globalThis, RENDER_CONTEXT);
  return typeof context === 'string' ? context : '';
}

/**
 * One hash of everything a stored body's rendering depends on besides its
 * own file (the loader's version and the render context). Page keys include
 * it, so a page showing a body renders again whenever the body would.
 */
export function bodyStamp(): string {
  return partsHash().add(LOADER_VERSION).add(renderContext()).hex();
}

/**
 * Where the content gate leaves the files it has just read, so that the
 * loaders of the same build do not read every file a second time. A global,
 * because the config (which runs the gate) and the content config that runs
 * the loaders are separate module instances.
 */
const READ_FILES = Symbol.for('dramatis.read-files');

/**
 * Hands the files the content gate read in `dir` to this build's loaders,
 * each collection once; `undefined` drops what an earlier gate left.
 */
export function shareReadFiles(dir: string, raw: RawContent | undefined): void {
  const shared = raw && {
    dir: path.resolve(dir),
    collections: Object.fromEntries(PAGE_COLLECTIONS.map((c) => [c, raw.collections[c]])),
  };
  Reflect.set(globalThis, READ_FILES, shared);
}

/** The files of `collection` the gate read in `dir`, taken (a later load reads the disk); undefined when none. */
export function takeReadFiles(dir: string, collection: PageCollection): SourceFile[] | undefined {
  const shared = Reflect.get(globalThis, READ_FILES) as
    | { dir: string; collections: Partial<Record<PageCollection, SourceFile[]>> }
    | undefined;
  if (shared?.dir !== path.resolve(dir)) return undefined;
  const files = shared.collections[collection];
  delete shared.collections[collection];
  return files;
}

async function loadCollection(
  collection: PageCollection,
  contentDir: string,
  context: LoaderContext,
): Promise<void> {
  const { store, parseData, renderMarkdown, logger } = context;
  // Only this collection's files: each loader reading the whole folder read it once per loader.
  const files = takeReadFiles(contentDir, collection) ?? readCollection(contentDir, collection);
  // The context is hashed once here, not with every file: it holds every name in the story.
  const stamp = bodyStamp();
  const seen = new Set<string>();
  for (const file of files) {
    const id = idFromFileName(file.path);
    if (!isValidId(id)) continue;
    // A change detector, not a security hash: SHA-1 here costs a fraction of Astro's generateDigest per file.
    const digest = createHash('sha1')
      .update(`${stamp}\0${file.path}\0${file.text}`)
      .digest('base64url');
    // Unchanged since the last build (Astro keeps the store between builds): keep the entry as it is.
    if (store.get(id)?.digest === digest) {
      seen.add(id);
      continue;
    }
    const split = splitFrontmatter(file.text);
    if (split.yaml === undefined) continue;
    const yaml = takeYamlData(split.yaml);
    if (!yaml) continue;
    try {
      const data = await parseData({
        id,
        data: (yaml.data ?? {}) as Record<string, unknown>,
        filePath: file.path,
      });
      // Empty bodies skip the Markdown pipeline (hundreds of calls in a big story).
      const rendered =
        split.body.trim() !== ''
          ? await renderMarkdown(split.body, {
              fileURL: pathToFileURL(path.resolve(file.path)),
            })
          : { html: '' };
      store.set({ id, data, body: split.body, filePath: file.path, digest, rendered });
      seen.add(id);
    } catch {
      // The content gate reports every problem with its position; here we only skip the entry.
      logger.warn(`skipped ${file.path}: it has content errors (run \`npm run check\`)`);
    }
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}
