import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTIONS, type CollectionName } from './schemas.ts';

/** A content file as read from disk. */
export interface SourceFile {
  /** Path shown in messages, relative to the working directory, with `/` separators. */
  path: string;
  text: string;
}

/** Everything under a content folder, unparsed. */
export interface RawContent {
  /** The content folder as shown in messages, e.g. `content`. */
  root: string;
  site?: SourceFile;
  kinds?: SourceFile;
  collections: Record<CollectionName, SourceFile[]>;
}

/** The two YAML files at the top of a content folder. */
export const SITE_FILE = 'site.yaml';
export const KINDS_FILE = 'relation-kinds.yaml';

/** Reads a content folder (`content/` by default). Missing parts are left out, not errors: validation reports them. */
export async function readContent(dir: string, cwd: string = process.cwd()): Promise<RawContent> {
  const absolute = path.resolve(cwd, dir);
  const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const readOptional = async (file: string): Promise<SourceFile | undefined> => {
    try {
      return { path: display(file), text: await readFile(file, 'utf8') };
    } catch {
      return undefined;
    }
  };
  const collections = {} as Record<CollectionName, SourceFile[]>;
  await Promise.all(
    COLLECTIONS.map(async (name) => {
      const folder = path.join(absolute, name);
      const names = await readdir(folder).catch(() => [] as string[]);
      const files = names.filter((n) => n.toLowerCase().endsWith('.md')).sort();
      collections[name] = await Promise.all(
        files.map(async (n) => ({
          path: display(path.join(folder, n)),
          text: await readFile(path.join(folder, n), 'utf8'),
        })),
      );
    }),
  );
  return {
    root: display(absolute) || '.',
    site: await readOptional(path.join(absolute, SITE_FILE)),
    kinds: await readOptional(path.join(absolute, KINDS_FILE)),
    collections,
  };
}
