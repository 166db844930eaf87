/**
 * Renders .astro components in unit tests with Astro's container API. The
 * components are compiled by a Vite server with Astro's plugins (no
 * astro.config, so no integration runs); the container comes from the same
 * module graph as the components it renders.
 */
import { getViteConfig } from 'astro/config';
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { createServer } from 'vite';

type Component = Parameters<AstroContainer['renderToString']>[0];
type RenderOptions = Parameters<AstroContainer['renderToString']>[1];

/** A running harness: render a component file by its project path, then close. */
export interface ComponentHarness {
  render(path: string, options?: RenderOptions): Promise<string>;
  close(): Promise<void>;
}

/** Starts the Vite server and the container. */
export async function startComponentHarness(): Promise<ComponentHarness> {
  const config = await getViteConfig(
    {
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, ws: false },
      appType: 'custom',
    },
    { configFile: false, logLevel: 'silent' },
  )({ command: 'serve', mode: 'test' });
  const server = await createServer({ ...config, configFile: false });
  const { experimental_AstroContainer } = (await server.ssrLoadModule('astro/container')) as {
    experimental_AstroContainer: typeof AstroContainer;
  };
  const container = await experimental_AstroContainer.create();
  return {
    async render(path, options) {
      const module = await server.ssrLoadModule(path);
      return container.renderToString(module.default as Component, options);
    },
    close: () => server.close(),
  };
}

/** The opening tag of the element carrying `attr="value"`. */
export function tagWith(html: string, attr: string, value: string): string {
  const match = html.match(new RegExp(`<[a-z]+[^>]*\\s${attr}="${value}"[^>]*>`));
  if (!match) throw new Error(`no element with ${attr}="${value}"`);
  return match[0];
}
