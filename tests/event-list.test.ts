/** Event lists in the built fixture site show what happened: each event's body, as text. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, inject, test } from 'vitest';
import { FIXTURE_CONTENT } from './global-setup.ts';

const page = async (route: string): Promise<Root> =>
  fromHtml(await readFile(path.join(inject('fixtureDist'), route, 'index.html'), 'utf8'));

/** The text of an element and its descendants. */
function textOf(node: Element | Root): string {
  return node.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '',
    )
    .join('');
}

/** An event's body in the fixture story (after its front matter), trimmed. */
async function fixtureBody(id: string): Promise<string> {
  const text = await readFile(path.join(FIXTURE_CONTENT, 'events', `${id}.md`), 'utf8');
  return text.split(/^---$/m).slice(2).join('---').trim();
}

describe('event lists', () => {
  test('show an event body under the event on the timeline, graph, story and actor pages', async () => {
    const body = await fixtureBody('harbour-closed');
    expect(body).not.toBe('');
    for (const route of ['timeline', 'graph', 'articles/harbour-talks', 'actors/harbour-board']) {
      const paragraphs = selectAll('#event-harbour-closed > p.body', await page(route));
      expect(paragraphs.map(textOf), route).toEqual([body]);
    }
  });

  test('an event without a body has no paragraph for one', async () => {
    expect(await fixtureBody('trade-year')).toBe('');
    expect(selectAll('#event-trade-year > p.body', await page('timeline'))).toEqual([]);
  });
});
