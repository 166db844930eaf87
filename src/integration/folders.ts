/** Small file-system questions the integrations ask. */
import { readdirSync } from 'node:fs';

/**
 * Whether `dir` is missing or holds nothing. For Astro's cache folder this
 * means a build from scratch: no page can be copied from an earlier build,
 * so every page renders.
 */
export function isEmptyFolder(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return true;
  }
}
