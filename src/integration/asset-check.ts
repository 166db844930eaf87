/**
 * A last check of the output: every `/_astro/` script, style or image a page
 * links must exist in it. Pages copied from the last build (Astro's
 * incremental build) keep the bundle names they were rendered with; Astro
 * re-renders a page when its own code changes, but a change elsewhere can
 * still rename a bundle it shares. Such a site would load without its
 * scripts, so the build fails instead and says how to rebuild.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a page links one of Astro's bundled files: `src="…/_astro/name.js"`, `href="…/_astro/name.css"`. */
const ASSET_LINK = /(?:src|href)="[^"]*?\/_astro\/([^"?#]+)/g;
/** Pages read at once. */
const READS_AT_ONCE = 32;

/** Names under `_astro/` that the HTML `text` links. */
export function linkedAssets(text: string): string[] {
  return [...text.matchAll(ASSET_LINK)].map((match) => match[1] ?? '');
}

/** Each linked `_astro/` file missing from `dir`, with one page that links it. */
export async function missingAssets(dir: string): Promise<Map<string, string>> {
  const pages = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((file) =>
    file.endsWith('.html'),
  );
  const linked = new Map<string, string>();
  for (let i = 0; i < pages.length; i += READS_AT_ONCE) {
    const batch = pages.slice(i, i + READS_AT_ONCE);
    const texts = await Promise.all(batch.map((page) => readFile(path.join(dir, page), 'utf8')));
    for (const [at, page] of batch.entries()) {
      for (const name of linkedAssets(texts[at] ?? ''))
        if (!linked.has(name)) linked.set(name, page);
    }
  }
  const missing = new Map<string, string>();
  for (const [name, page] of linked) {
    const found = await access(path.join(dir, '_astro', name)).then(
      () => true,
      () => false,
    );
    if (!found) missing.set(name, page);
  }
  return missing;
}
