import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkWikilinks, {
  findWikilinks,
  parseWikilink,
  type WikilinkResolver,
} from './wikilinks.ts';

const names: Record<string, string> = { 'actor:alpha': 'Alpha', 'event:meeting': 'The meeting' };
const resolve: WikilinkResolver = (ref) => {
  const label = names[`${ref.type}:${ref.id}`];
  return label ? { href: `/base/${ref.type}s/${ref.id}/`, label } : undefined;
};

function render(markdown: string): { html: string; file: VFile } {
  const tree: Root = fromMarkdown(markdown);
  const file = new VFile({ path: 'x.md', value: markdown });
  remarkWikilinks({ resolve })(tree, file);
  return { html: toHtml(toHast(tree)), file };
}

describe('parseWikilink', () => {
  test('reads actors, events and shown text', () => {
    expect(parseWikilink('alpha')).toEqual({ type: 'actor', id: 'alpha' });
    expect(parseWikilink(' alpha ', ' the Alphans ')).toEqual({
      type: 'actor',
      id: 'alpha',
      text: 'the Alphans',
    });
    expect(parseWikilink('event:meeting')).toEqual({ type: 'event', id: 'meeting' });
  });
});

describe('findWikilinks', () => {
  test('finds links with positions on later lines and skips code', () => {
    const tree = fromMarkdown(
      'Intro.\n\nSee [[alpha]] then\n[[event:meeting|it]].\n\n`[[not-a-link]]`\n',
    );
    expect(findWikilinks(tree)).toEqual([
      { type: 'actor', id: 'alpha', line: 3, column: 5 },
      { type: 'event', id: 'meeting', text: 'it', line: 4, column: 1 },
    ]);
  });
});

describe('remarkWikilinks', () => {
  test('turns known references into links that carry the id and honour the base', () => {
    const { html, file } = render('About [[alpha]], [[alpha|the Alphans]] and [[event:meeting]].');
    expect(html).toBe(
      '<p>About <a href="/base/actors/alpha/" class="mention mention-actor" data-actor="alpha">Alpha</a>, ' +
        '<a href="/base/actors/alpha/" class="mention mention-actor" data-actor="alpha">the Alphans</a> and ' +
        '<a href="/base/events/meeting/" class="mention mention-event" data-event="meeting">The meeting</a>.</p>',
    );
    expect(file.messages).toEqual([]);
  });

  test('inside a link, shows the name without a second link', () => {
    const { html } = render('[See [[alpha]]](/x) and [**[[alpha|them]]**][r]\n\n[r]: /y');
    expect(html).toBe(
      '<p><a href="/x">See Alpha</a> and <a href="/y"><strong>them</strong></a></p>',
    );
  });

  test('leaves unknown references as text and reports them with a position', () => {
    const { html, file } = render('Line one.\n\nAnd [[nobody]].');
    expect(html).toBe('<p>Line one.</p>\n<p>And [[nobody]].</p>');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]?.ruleId).toBe('unknown-actor');
    expect(file.messages[0]?.line).toBe(3);
  });
});
