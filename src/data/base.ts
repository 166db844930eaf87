/**
 * The site's base path, read the same way astro.config.mjs reads it. Pages use
 * this rather than `import.meta.env.BASE_URL`, which Vite lets a stray
 * `BASE_URL` environment variable override.
 */
import { normalizeBase } from '../lib/paths.ts';

/** `/` or `/sub/path/`. */
export const BASE = normalizeBase(process.env.BASE);
