/**
 * Content-layer loader for the four entry collections. It reads the same raw
 * files as our validation pass (so dates keep their authored form), lets Astro
 * check them against the collection schema, and renders bodies with the
 * configured unified processor (wikilinks, sanitising).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseYaml, splitFrontmatter } from '../lib/model/frontmatter.ts';
import { idFromFileName, isValidId } from '../lib/model/ids.ts';
import { readCollection } from '../lib/model/read.ts';
import type { CollectionName } from '../lib/model/schemas.ts';

/** Loads `content/<collection>/*.md` into an Astro collection. */
export function entryLoader(collection: CollectionName, contentDir: string): Loader {
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

async function loadCollection(
  collection: CollectionName,
  contentDir: string,
  context: LoaderContext,
): Promise<void> {
  const { store, parseData, renderMarkdown, generateDigest, logger } = context;
  // Only this collection's files: each of the four loaders reading the whole folder read it four times.
  const files = await readCollection(contentDir, collection);
  store.clear();
  for (const file of files) {
    const id = idFromFileName(file.path);
    const split = splitFrontmatter(file.text);
    if (!isValidId(id) || split.yaml === undefined) continue;
    const yaml = parseYaml(split.yaml, split.yamlLine);
    if (yaml.errors.length > 0) continue;
    try {
      const data = await parseData({
        id,
        data: (yaml.data ?? {}) as Record<string, unknown>,
        filePath: file.path,
      });
      // Most relations and many events have no body: skip the Markdown pipeline for them (thousands of calls in a big story).
      const rendered =
        split.body.trim() === ''
          ? { html: '' }
          : await renderMarkdown(split.body, { fileURL: pathToFileURL(path.resolve(file.path)) });
      store.set({
        id,
        data,
        body: split.body,
        filePath: file.path,
        digest: generateDigest(file.text),
        rendered,
      });
    } catch {
      // The content gate reports every problem with its position; here we only skip the entry.
      logger.warn(`skipped ${file.path}: it has content errors (run \`npm run check\`)`);
    }
  }
}
