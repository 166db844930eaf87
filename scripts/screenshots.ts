/**
 * `npm run screenshots [-- <dist dir>]`: screenshots every page type of a
 * built site in Debian's Chromium, at desktop and phone size, light and dark,
 * into `screenshots/`. Build first (`npm run build`).
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const outDir = path.resolve('screenshots');
const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

const firstChild = async (folder: string) =>
  (await readdir(path.join(dist, folder)).catch(() => []))[0];
const article = await firstChild('articles');
const actor = await firstChild('actors').then(async () => {
  const names = (await readdir(path.join(dist, 'actors'), { withFileTypes: true })).filter((d) =>
    d.isDirectory(),
  );
  return names[0]?.name;
});
const pages: Record<string, string> = {
  home: '',
  article: article ? `articles/${article}/` : '',
  actors: 'actors/',
  actor: actor ? `actors/${actor}/` : 'actors/',
  graph: 'graph/',
  timeline: 'timeline/',
  'not-found': 'no-such-page/',
};

await mkdir(outDir, { recursive: true });
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport,
        colorScheme: scheme,
        deviceScaleFactor: 1,
        // Only to add the style below: the site's policy rightly refuses injected styles.
        bypassCSP: true,
      });
      const page = await context.newPage();
      for (const [name, route] of Object.entries(pages)) {
        await page.goto(server.url + route, { waitUntil: 'load' });
        // Long sections skip rendering while off screen (content-visibility: auto), and a
        // full-page capture does not scroll: render them all for the picture.
        await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
        const file = path.join(outDir, `${name}-${viewportName}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
