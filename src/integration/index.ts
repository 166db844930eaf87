/**
 * The Dramatis Astro integration: gates the build on valid content and gives
 * the Markdown processor what wikilinks need (base path, names of actors and
 * events).
 */
import type { AstroIntegration } from 'astro';
import { actorPath, eventPath, withBase } from '../lib/paths.ts';
import type { WikilinkRef, WikilinkResolver } from '../lib/remark/wikilinks.ts';
import { gateContent } from './content-gate.ts';
import { setRenderContext } from './loader.ts';

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
  const resolve: WikilinkResolver = (ref) => {
    const label = names.get(key(ref));
    if (label === undefined) return undefined;
    const target = ref.type === 'actor' ? actorPath(ref.id) : eventPath(ref.id);
    return { href: withBase(options.base, target), label };
  };
  const integration: AstroIntegration = {
    name: 'dramatis',
    hooks: {
      'astro:config:setup': async ({ logger, command }) => {
        if (command === 'preview') return;
        const story = await gateContent(
          options.contentDir,
          logger,
          command === 'dev' ? 'warn' : 'exit',
        );
        for (const actor of story.actors) names.set(`actor:${actor.id}`, actor.name);
        for (const event of story.events) names.set(`event:${event.id}`, event.title);
        // Rendered bodies show these names and the base: when they change, every body renders again.
        setRenderContext(JSON.stringify([options.base, ...names]));
      },
    },
  };
  return { integration, resolve };
}
