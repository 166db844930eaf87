/**
 * The Dramatis Astro integration: gates the build on valid content and gives
 * the Markdown processor what wikilinks need (base path, names of actors and
 * events).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DEFAULT_LAYOUT_CACHE_DIR } from '../lib/graph/file-store.ts';
import { actorPath, eventPath, withBase } from '../lib/paths.ts';
import type { WikilinkRef, WikilinkResolver } from '../lib/remark/wikilinks.ts';
import {
  bundleNames,
  missingAssets,
  missingAssetsError,
  pagesNeedReading,
  readBundleRecord,
  writeBundleRecord,
} from './asset-check.ts';
import { gateContent } from './content-gate.ts';
import { isEmptyFolder } from './folders.ts';
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
  /** Astro's cache folder, and the bundles the last successful build using it wrote. */
  let cacheDir = '';
  let recordedBundles: string[] | undefined;
  const resolve: WikilinkResolver = (ref) => {
    const label = names.get(key(ref));
    if (label === undefined) return undefined;
    const target = ref.type === 'actor' ? actorPath(ref.id) : eventPath(ref.id);
    return { href: withBase(options.base, target), label };
  };
  const integration: AstroIntegration = {
    name: 'dramatis',
    hooks: {
      'astro:config:setup': async ({ logger, command, config }) => {
        if (command === 'preview') return;
        // Without Astro's cache folder (a first or clean build) no page can be copied from an earlier build.
        cacheDir = fileURLToPath(config.cacheDir);
        restorable = command === 'build' && !isEmptyFolder(cacheDir);
        if (command === 'build' && restorable) {
          recordedBundles = await readBundleRecord(cacheDir);
          // Until this build succeeds, the pages it leaves in the cache are unchecked.
          await writeBundleRecord(cacheDir, undefined);
        }
        const story = gateContent(options.contentDir, logger, command === 'dev' ? 'warn' : 'exit');
        for (const actor of story.actors) names.set(`actor:${actor.id}`, actor.name);
        for (const event of story.events) names.set(`event:${event.id}`, event.title);
        // Rendered bodies show these names and the base, and depend on the pipeline's code and the
        // story's images: when any of them changes, every body renders again.
        const stamp = await renderStamp(options.contentDir);
        setRenderContext(JSON.stringify([options.base, stamp, ...names]));
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
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const written = await bundleNames(out);
        if (restorable && !pagesNeedReading(recordedBundles, written)) {
          logger.info(
            'pages copied from the last build link only bundles this build wrote (it wrote all the last build did)',
          );
        } else if (restorable) {
          const missing = await missingAssets(out, written);
          if (missing.size > 0) throw missingAssetsError(missing);
          logger.info('pages copied from the last build link only bundles this build wrote');
        }
        await writeBundleRecord(cacheDir, written);
      },
    },
  };
  return { integration, resolve };
}
