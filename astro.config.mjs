// @ts-check
import { defineConfig } from 'astro/config';
import { dramatis } from './src/integration/index.ts';
import { search } from './src/integration/search.ts';
import { normalizeBase } from './src/lib/paths.ts';
import { bodyRenderer } from './src/lib/remark/renderer.ts';

/** Where the story lives; tests point this at fixture stories. */
const contentDir = process.env.CONTENT_DIR ?? 'content';
/** Sub-path the site is served under, e.g. `/dramatis/`. */
const base = normalizeBase(process.env.BASE);
/** Public origin, for canonical URLs and the sitemap. */
const site = process.env.SITE ?? 'http://localhost:4321';

const { integration, resolve } = dramatis({ contentDir, base });

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Four pages at a time: a page copied from the last build waits on the disk, not the CPU.
  build: { format: 'directory', concurrency: 4 },
  outDir: process.env.OUT_DIR ?? './dist',
  // Astro's caches (content store, incremental build); tests give each build its own.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  integrations: [integration, search()],
  markdown: {
    // Shiki colours code with inline styles, which the CSP refuses and the sanitiser strips anyway.
    syntaxHighlight: false,
    // Astro's unified pipeline with our plugins (wikilinks; raw HTML parsed, then cleaned, so
    // authors cannot inject script), minus the passes a body cannot need: src/lib/remark/renderer.ts.
    processor: bodyRenderer(resolve),
  },
  /**
   * Content Security Policy, written by Astro into a `<meta>` on every page with
   * the hashes of the bundled scripts and inlined styles it emits. Defence in
   * depth behind the sanitiser: no inline script, event handler, `javascript:`
   * URL or foreign origin can run even if author text ever got through.
   * Pagefind compiles its WebAssembly search engine, hence 'wasm-unsafe-eval'
   * (not 'unsafe-eval': no JavaScript eval). `frame-ancestors`, `sandbox` and
   * reporting are ignored in a `<meta>` policy; set them as HTTP headers on the host.
   */
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  devToolbar: { enabled: false },
  experimental: {
    /**
     * Pages whose `cacheKey` (src/lib/model/page-keys.ts) and code are unchanged
     * since the last build are copied from it (kept in node_modules/.astro/)
     * instead of rendered again. `astro build --force` renders everything.
     */
    incrementalBuild: true,
  },
});
