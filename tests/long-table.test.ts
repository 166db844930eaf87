/** The graph page's table of all relations in the built fixture site: a small story's starts open. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, test } from 'vitest';

describe('the table of all relations', () => {
  test('on a small story starts open, under a summary that counts its rows', async () => {
    const html = await readFile(path.join(inject('fixtureDist'), 'graph', 'index.html'), 'utf8');
    const tree = fromHtml(html);
    const details = select('details.long-table', tree);
    expect(details?.properties?.open).toBe(true);
    const rows = selectAll('details.long-table tbody tr', tree).length;
    expect(rows).toBeGreaterThan(0);
    expect(textOf(select('details.long-table > summary', tree))).toBe(
      `The table of all ${rows} relations`,
    );
  });
});

/** The text of an element and its descendants. */
function textOf(node: Element | Root | undefined): string {
  if (!node) return '';
  return node.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '',
    )
    .join('');
}
