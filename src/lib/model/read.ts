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

/**
 * Files read at once per collection. Opening every file of a big story at
 * once runs out of file handles (EMFILE at ~20,000 files here, at ~1,000 under
 * the common default limit of 1,024).
 */
const READ_CONCURRENCY = 64;

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Reads one collection folder of a content folder (`actors`, …): its `.md` files by name; none when it is missing. */
export async function readCollection(
  dir: string,
  name: CollectionName,
  cwd: string = process.cwd(),
): Promise<SourceFile[]> {
  const folder = path.join(path.resolve(cwd, dir), name);
  const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = names.filter((n) => n.toLowerCase().endsWith('.md')).sort();
  return mapLimited(files, READ_CONCURRENCY, async (n) => ({
    path: display(path.join(folder, n)),
    text: await readFile(path.join(folder, n), 'utf8'),
  }));
}

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
      collections[name] = await readCollection(dir, name, cwd);
    }),
  );
  return {
    root: display(absolute) || '.',
    site: await readOptional(path.join(absolute, SITE_FILE)),
    kinds: await readOptional(path.join(absolute, KINDS_FILE)),
    collections,
  };
}
