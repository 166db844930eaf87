/** Every file of a folder with its bytes, for comparing two builds or bundles byte for byte. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` with its bytes, by path relative to it. */
export async function folderFiles(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}
