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

describe('findWikilinks with its source', () => {
  /** Line and column of each link, and what the source holds there. */
  function placed(markdown: string): { line: number; column: number; there: string }[] {
    const lines = markdown.split('\n');
    return findWikilinks(fromMarkdown(markdown), markdown).map(({ line, column }) => ({
      line,
      column,
      there: lines[line - 1]?.slice(column - 1, column + 8) ?? '',
    }));
  }

  test('counts the indent of a continuation line, which the text drops', () => {
    expect(placed('First line\n    then [[alpha]] here.\n')).toEqual([
      { line: 2, column: 10, there: '[[alpha]]' },
    ]);
    // Without the source, the column is counted in the text, without the indent.
    expect(findWikilinks(fromMarkdown('First line\n    then [[alpha]] here.\n'))[0]?.column).toBe(
      6,
    );
  });

  test('counts the markers of quotes and list items on every line', () => {
    expect(placed('> A quote\n> with [[alpha]].\n\n- item\n  and [[beta]]\n')).toEqual([
      { line: 2, column: 8, there: '[[alpha]]' },
      { line: 5, column: 7, there: '[[beta]]' },
    ]);
  });

  test('counts from the source after escapes and character references', () => {
    expect(placed('A \\* and &amp; then [[alpha]].\n')).toEqual([
      { line: 1, column: 21, there: '[[alpha]]' },
    ]);
  });

  test('where the text and the source differ in links, counts in the text', () => {
    // `\[[alpha]]` is a link in the text (the escape is gone) but not in the source.
    expect(findWikilinks(fromMarkdown('See \\[[alpha]].\n'), 'See \\[[alpha]].\n')).toEqual([
      { type: 'actor', id: 'alpha', line: 1, column: 6 },
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
