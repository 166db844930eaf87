import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import rehypeLocalImages, { isLocalUrl } from './local-images.ts';

function clean(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  rehypeLocalImages()(tree);
  return toHtml(tree);
}

describe('isLocalUrl', () => {
  test('accepts relative and path-absolute URLs', () => {
    expect(isLocalUrl('map.png')).toBe(true);
    expect(isLocalUrl('../img/map.png')).toBe(true);
    expect(isLocalUrl('/img/map.png')).toBe(true);
  });

  test('refuses empty, missing and foreign URLs', () => {
    expect(isLocalUrl('')).toBe(false);
    expect(isLocalUrl(undefined)).toBe(false);
    expect(isLocalUrl('https://example.org/x.png')).toBe(false);
    expect(isLocalUrl('//example.org/x.png')).toBe(false);
    expect(isLocalUrl('data:image/svg+xml,<svg/>')).toBe(false);
    expect(isLocalUrl(' JavaScript:alert(1)')).toBe(false);
  });
});

describe('rehypeLocalImages', () => {
  test('drops an image the sanitiser left without a source', () => {
    expect(clean('<p>a <img alt="x"> b</p>')).toBe('<p>a  b</p>');
  });

  test('drops images and sources from other origins, keeps the site’s own', () => {
    expect(
      clean('<img src="https://example.org/x.png" alt="x"><img src="/map.png" alt="Map">'),
    ).toBe('<img src="/map.png" alt="Map">');
    expect(
      clean(
        '<picture><source srcset="/a.png 1x, https://example.org/b.png 2x"><source srcset="/c.png"></picture>',
      ),
    ).toBe('<picture><source srcset="/c.png"></picture>');
  });

  test('removes neighbouring images one after another', () => {
    expect(clean('<p><img><img><img src="a.png" alt="a"></p>')).toBe(
      '<p><img src="a.png" alt="a"></p>',
    );
  });
});
