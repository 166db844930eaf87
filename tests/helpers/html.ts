/** Reading built pages as trees, to query them with CSS selectors. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';

/** A built page, parsed. */
export async function readPage(dist: string, page: string): Promise<Root> {
  return fromHtml(await readFile(path.join(dist, page), 'utf8'));
}

/** Attribute value of an element as a string (hast stores `className` as a list). */
export function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties?.[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Plain text of an element. */
export function text(node: Element | Root | undefined): string {
  if (!node) return '';
  return node.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '',
    )
    .join('');
}

export { select, selectAll };
