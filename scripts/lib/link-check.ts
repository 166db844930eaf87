/**
 * Checks every internal link of a built site: the target file exists and, when
 * the link has a #fragment, the target page has an element with that id.
 * Works at the root and under a sub-path (pass the base).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** One broken link. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
};

function pageFile(dist: string, pathname: string): string {
  const file = path.join(dist, decodeURIComponent(pathname));
  return pathname.endsWith('/') ? path.join(file, 'index.html') : file;
}

/** Every broken internal link in `dist`, whose pages are served under `base`. */
export async function checkLinks(
  dist: string,
  base = '/',
): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const pages = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
  const ids = new Map<string, Set<string>>();
  const trees = new Map<string, ReturnType<typeof fromHtml>>();
  for (const file of pages) {
    const tree = fromHtml(await readFile(file, 'utf8'));
    trees.set(file, tree);
    const found = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') found.add(node.properties.id);
    });
    ids.set(file, found);
  }
  const broken: BrokenLink[] = [];
  let links = 0;
  const origin = 'http://site.invalid';
  for (const [file, tree] of trees) {
    const page = `/${path.relative(dist, file).split(path.sep).join('/')}`;
    const pageUrl = new URL(base.replace(/\/$/, '') + page.replace(/index\.html$/, ''), origin);
    const hrefs: string[] = [];
    visit(tree, 'element', (node: Element) => {
      for (const attribute of LINK_ATTRIBUTES[node.tagName] ?? []) {
        const value = node.properties[attribute];
        if (typeof value === 'string') hrefs.push(value);
      }
    });
    for (const href of hrefs) {
      const url = new URL(href, pageUrl);
      if (url.origin !== origin) continue;
      links++;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page, href, reason: `outside the base ${base}` });
        continue;
      }
      const target = pageFile(dist, url.pathname.slice(base.length - 1));
      const targetIds = ids.get(target);
      const exists =
        targetIds !== undefined ||
        (await readFile(target).then(
          () => true,
          () => false,
        ));
      if (!exists) {
        broken.push({ page, href, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && targetIds && !targetIds.has(fragment) && !fragment.includes('=')) {
        broken.push({ page, href, reason: `no element with id \`${fragment}\`` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}
