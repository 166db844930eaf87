/**
 * Diagram layouts for pages, cached by content hash (src/lib/graph/cache.ts):
 * in memory for the build, and as JSON files under `.cache/layouts/` (set
 * `LAYOUT_CACHE_DIR` to move it, or to an empty string for memory only), so
 * a rebuild lays out only the graphs whose content changed.
 */
import { createLayoutCache } from '../lib/graph/cache.ts';
import { DEFAULT_LAYOUT_CACHE_DIR, fileLayoutStore } from '../lib/graph/file-store.ts';
import type { GraphInput, GraphLayout, LayoutOptions } from '../lib/graph/types.ts';

const dir = process.env.LAYOUT_CACHE_DIR ?? DEFAULT_LAYOUT_CACHE_DIR;
const cached = createLayoutCache(dir ? fileLayoutStore(dir) : undefined);

/** `layoutGraph`, unless this exact graph was laid out before (in this build or a previous one). */
export function cachedLayoutGraph(input: GraphInput, options?: LayoutOptions): GraphLayout {
  return cached(input, options);
}
