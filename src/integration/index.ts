/**
 * The Dramatis Astro integration: gates the build on valid content and gives
 * the Markdown processor what wikilinks need (base path, names of actors and
 * events).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { DEFAULT_LAYOUT_CACHE_DIR } from '../lib/graph/file-store.ts';
import { actorPath, eventPath, withBase } from '../lib/paths.ts';
import type { WikilinkRef, WikilinkResolver } from '../lib/remark/wikilinks.ts';
import {
  type BuildRecord,
  bundleNames,
  missingAssets,
  missingAssetsError,
  pagesNeedReading,
  readBuildRecord,
  writeBuildRecord,
} from './asset-check.ts';
import { gateContent } from './content-gate.ts';
import {
  BUNDLES_DIR,
  filesUnder,
  isEmptyFolder,
  relativeName,
  SEARCH_BUNDLE_DIR,
} from './folders.ts';
import { removeFiles, setBundlesAside, staleFiles } from './kept-output.ts';
import { type LayoutRun, startLayoutWorker } from './layout-runner.ts';
import { setRenderContext } from './loader.ts';
import { renderStamp } from './render-stamp.ts';

/** Options of the integration. */
export interface DramatisOptions {
  contentDir: string;
  base: string;
}

/** The integration plus the wikilink resolver to hand to the remark plugin. */
export function dramatis(options: DramatisOptions): {
  integration: AstroIntegration;
  resolve: WikilinkResolver;
} {
  const names = new Map<string, string>();
  const key = (ref: WikilinkRef) => `${ref.type}:${ref.id}`;
  let layouts: LayoutRun | undefined;
  let restorable = true;
  /** Astro's cache folder, and what the last successful build using it wrote. */
  let cacheDir = '';
  let recorded: BuildRecord | undefined;
  /** The public folder, whose files Astro copies into the output. */
  let publicDir = '';
  /** Whether this build keeps the last one's output (kept-output.ts), and the deletion of its old bundles. */
  let kept: Promise<void> | undefined;
  const resolve: WikilinkResolver = (ref) => {
    const label = names.get(key(ref));
    if (label === undefined) return undefined;
    const target = ref.type === 'actor' ? actorPath(ref.id) : eventPath(ref.id);
    return { href: withBase(options.base, target), label };
  };
  const integration: AstroIntegration = {
    name: 'dramatis',
    hooks: {
      'astro:config:setup': async ({ logger, command, config, updateConfig }) => {
        if (command === 'preview') return;
        // Without Astro's cache folder (a first or clean build) no page can be copied from an earlier build.
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
        restorable = command === 'build' && !isEmptyFolder(cacheDir);
        // A story that fails the gate stops the build here, before anything is written.
        const story = gateContent(options.contentDir, logger, command === 'dev' ? 'warn' : 'exit');
        for (const actor of story.actors) names.set(`actor:${actor.id}`, actor.name);
        for (const event of story.events) names.set(`event:${event.id}`, event.title);
        // Rendered bodies show these names and the base, and depend on the pipeline's code and the
        // story's images: when any of them changes, every body renders again.
        const stamp = await renderStamp(options.contentDir);
        setRenderContext(JSON.stringify([options.base, stamp, ...names]));
        if (restorable) {
          recorded = await readBuildRecord(cacheDir);
          // Until this build succeeds, the pages it leaves in the cache and the output are unchecked.
          await writeBuildRecord(cacheDir, undefined);
          // Without the trailing separator of a URL's path.
          const outDir = path.resolve(fileURLToPath(config.outDir));
          if (recorded?.outDir === outDir) kept = keepOutput(outDir, cacheDir, logger);
          if (kept) updateConfig({ vite: { build: { emptyOutDir: false } } });
        }
        // Diagrams are laid out on another core while Astro syncs and bundles; pages find them cached.
        if (command === 'build') {
          const dir = process.env.LAYOUT_CACHE_DIR ?? DEFAULT_LAYOUT_CACHE_DIR;
          layouts = startLayoutWorker(story, dir, (m) => logger.warn(m));
        }
      },
      'astro:build:generated': async ({ logger }) => {
        if (!layouts) return;
        const { checked, laidOut } = await layouts.stop();
        layouts = undefined;
        logger.info(
          `layout worker checked ${checked} diagrams beside the build and laid out ${laidOut} of them (the rest were cached)`,
        );
      },
      // Pages copied from the last build must not link bundles this build renamed (asset-check.ts).
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        if (kept) {
          await kept;
          kept = undefined;
          // What this build wrote: every route's files, and the public folder's.
          const keep = new Set(filesUnder(publicDir));
          for (const urls of assets.values())
            for (const url of urls) keep.add(relativeName(out, fileURLToPath(url)));
          const stale = staleFiles(out, keep, new Set([BUNDLES_DIR, SEARCH_BUNDLE_DIR]));
          await removeFiles(out, stale);
          logger.info(
            `kept the last build's output folder; removed ${stale.length} file(s) this build no longer writes`,
          );
        }
        const written = bundleNames(out);
        if (restorable && !pagesNeedReading(recorded?.bundles, written)) {
          logger.info(
            'pages copied from the last build link only bundles this build wrote (it wrote all the last build did)',
          );
        } else if (restorable) {
          const missing = await missingAssets(out, written);
          if (missing.size > 0) throw missingAssetsError(missing);
          logger.info('pages copied from the last build link only bundles this build wrote');
        }
        await writeBuildRecord(cacheDir, { outDir: path.resolve(out), bundles: written });
      },
    },
  };
  return { integration, resolve };
}

/**
 * Sets the last build's bundles aside so that Astro can keep its output
 * folder (kept-output.ts); returns the deletion of the old bundles, or
 * undefined when Astro must empty the folder as usual.
 */
function keepOutput(
  outDir: string,
  cacheDir: string,
  logger: AstroIntegrationLogger,
): Promise<void> | undefined {
  let aside: string | null;
  try {
    aside = setBundlesAside(outDir, cacheDir);
  } catch (error) {
    logger.info(`emptying the output folder: its bundles could not be set aside (${error})`);
    return undefined;
  }
  return aside ? rm(aside, { recursive: true, force: true }).catch(() => {}) : Promise.resolve();
}
