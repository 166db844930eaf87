/** The built site's HTML pages, read for the asset check. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Pages read at once: one by one, a thousand pages wait a thousand round trips. */
const READS_AT_ONCE = 32;

/** Every HTML file under `dir`, as sorted paths relative to it. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const files = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return files.filter((file) => file.endsWith('.html')).sort();
}

/** Reads `files` (relative to `dir`) a batch at a time and hands each to `onPage` in their order. */
export async function readPages(
  dir: string,
  files: readonly string[],
  onPage: (file: string, html: Uint8Array) => void,
): Promise<void> {
  for (let i = 0; i < files.length; i += READS_AT_ONCE) {
    const batch = files.slice(i, i + READS_AT_ONCE);
    const texts = await Promise.all(batch.map((file) => readFile(path.join(dir, file))));
    for (const [at, file] of batch.entries()) onPage(file, texts[at] ?? new Uint8Array());
  }
}
