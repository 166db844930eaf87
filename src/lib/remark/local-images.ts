/**
 * Runs after the sanitiser: drops images it left without a source (it removes
 * `javascript:` and other unsafe URLs but keeps the element), and images from
 * other origins, which the site's Content Security Policy (`img-src 'self'
 * data:`) would block anyway. A reader never gets an empty `<img>` without
 * text nor a broken picture; authors put images next to their story instead.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** A URL with a scheme (`https:`, `data:`…) or protocol-relative (`//host`): not a file of this site. */
const FOREIGN_URL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** Whether `url` names a file of this site: relative or path-absolute, and not empty. */
export function isLocalUrl(url: unknown): boolean {
  return typeof url === 'string' && url.trim() !== '' && !FOREIGN_URL.test(url.trim());
}

/** Each URL of a `srcset` (`a.png 1x, b.png 2x`). */
function srcsetUrls(srcset: unknown): string[] {
  const text = Array.isArray(srcset) ? srcset.join(',') : String(srcset ?? '');
  return text
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Whether an element is an image or image source that must go. */
function isUnservableImage(node: Element): boolean {
  if (node.tagName === 'img') return !isLocalUrl(node.properties.src);
  if (node.tagName === 'source') {
    const urls = srcsetUrls(node.properties.srcSet);
    return urls.length === 0 || !urls.every(isLocalUrl);
  }
  return false;
}

/** Rehype plugin: removes `img` and `source` elements that have no local source. */
export default function rehypeLocalImages() {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (parent && index !== undefined && isUnservableImage(node)) {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
  };
}
