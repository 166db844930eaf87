import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { astroReferenceRenderer } from '../../../scripts/lib/markdown-reference.ts';
import { generateStory } from '../../../scripts/synthetic.ts';
import { PAYLOADS } from '../../../tests/helpers/hostile.ts';
import { splitFrontmatter } from '../model/frontmatter.ts';
import { bodyRenderer, hasSmartPunctuation, needsReparse } from './renderer.ts';
import type { WikilinkResolver } from './wikilinks.ts';

const resolve: WikilinkResolver = (ref) =>
  ref.id === 'missing'
    ? undefined
    : { href: `/${ref.type}s/${ref.id}/`, label: `Name of ${ref.id} "quoted" & <b>` };

/** Astro's own unified() processor with the plugins the site used before `bodyRenderer`. */
const reference = await astroReferenceRenderer(resolve);
const ours = await bodyRenderer(resolve).createRenderer({ syntaxHighlight: false });

const fileURL = pathToFileURL('/story/actors/x.md');

/** Every body of the fixture story. */
function fixtureBodies(): string[] {
  const root = path.resolve(import.meta.dirname, '../../../tests/fixtures/story');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => splitFrontmatter(readFileSync(path.join(root, file), 'utf8')).body);
}

/** Bodies of a small synthetic story (accented, Japanese and Arabic names, wikilinks). */
function syntheticBodies(): string[] {
  return generateStory({ actors: 60, seed: 0.7 })
    .files.filter((f) => f.path.endsWith('.md'))
    .map((f) => splitFrontmatter(f.text).body);
}

/** Markdown written to reach each skipped pass and each edge of the fast paths. */
const CRAFTED = [
  '',
  'Plain words, nothing to change.',
  'She said "no" and it\'s over.',
  "'Single' quotes and a 90's apostrophe",
  'Dashes -- and --- and an ellipsis... and . . . spaced',
  "``Backtick quotes'' here",
  '"Quote across *emphasis*" and "[[north]]"',
  '*"*emphasis at the start*"*',
  'Entities &quot;quoted&quot; &#39;single&#39; &#45;&#45; &hellip;',
  '`code with "quotes"` outside "too"',
  '`code with "quotes"` and nothing outside',
  '# A heading\n\n## Another heading\n\n### A heading',
  '# "Quoted" heading\n\nText.',
  '| a | "b" |\n| - | - |\n| 1 | 2 |',
  '~~gone~~ and ~kept~',
  'Note.[^1]\n\n[^1]: The "note".',
  'See www.example.org and https://example.org/x?y=1 and desk@example.org',
  '- [ ] open\n- [x] done',
  'An autolink <https://example.org> and <desk@example.org>',
  'Raw <b>bold</b> and <i onclick="x()">italic</i>',
  '<div>\n\n*Markdown inside*\n\n</div>',
  '<table><tr><td>cell</td></tr></table>',
  '<p>para <p>nested</p>',
  'a < b and c > d',
  '![A map](./map.png) and ![remote](https://example.org/x.png)',
  '![root image](/images/x.png)',
  '[[north]], [[north|the North]], [[event:talks]] and [[missing]]',
  '    indented "code"\n\n```js\nconst a = "b";\n```',
  '> A quote -- with a dash\n>\n> - and a list',
  '1. first\n2. second\n   * nested "quote"',
  'Line one  \nline two\\\nline three',
  'Setext\n===\n\n[ref][r]\n\n[r]: /x "title"',
  '| left | right | centre |\n| :- | -: | :-: |\n| 1 | 2 | 3 |',
  '## *Emphasis* in a `heading`\n\n## *Emphasis* in a `heading`',
  '[a link](https://example.org "A title") and ![pic](/p.png "Pic title")',
  '```js title="x"\nconst a = 1;\n```\n\n~~~\ntilde fence\n~~~',
  'A hard break  \nand a soft one\nand &lt;b&gt;escaped&lt;/b&gt; and &amp; and &#x3C;',
  '***\n\n- loose\n\n- list\n\n1) paren\n2) list',
  '<!-- a comment --> then text',
  'Trailing backslash\\\nand [[event:talks|the talks]] "quoted"',
  '```js\n\nx\n```\n\n~~~\n\ny\n~~~\n\n- ```\n\n  in a list\n  ```\n\n>     \n>     indented',
  '[See [[north]]](/x), [[[north]]](/y), [**[[north|them]]**][r] and # [a [[north]]](/z)\n\n[r]: /r',
  'Score\n--:\n\nNote\n:--\n\nA\n:---:\nB\n\n> a\n> :-\n\n- Name\n  --:',
  '- [\n  ] a\n\n1. [\n   ] b\n\n> - [\n> ] c',
];

/** Bodies where ours keeps an image Astro's pipeline left without `src`. */
const LOCAL_IMAGE = /!\[[^\]]*\]\((?!\/|[a-z]+:)/i;

const corpus = [...CRAFTED, ...PAYLOADS, ...fixtureBodies(), ...syntheticBodies()];

describe('bodyRenderer', () => {
  test('the corpus covers every fast path and its opposite', async () => {
    const trees = corpus.map((body) => fromMarkdown(body));
    expect(trees.some(hasSmartPunctuation)).toBe(true);
    expect(trees.some((tree) => !hasSmartPunctuation(tree))).toBe(true);
    const rendered = await Promise.all(corpus.map((body) => reference.render(body, { fileURL })));
    const reparsed = rendered.map(({ code }) => needsReparse(fromHtml(code, { fragment: true })));
    expect(reparsed.some((yes) => yes)).toBe(true);
    expect(reparsed.some((yes) => !yes)).toBe(true);
    expect(corpus.length).toBeGreaterThan(150);
  });

  test('renders every body as Astro’s unified() pipeline with the same plugins does', async () => {
    const differ: string[] = [];
    for (const body of corpus.filter((b) => !LOCAL_IMAGE.test(b))) {
      const want = await reference.render(body, { fileURL });
      const got = await ours.render(body, { fileURL });
      if (got.code !== want.code) differ.push(body);
      expect(got.metadata.headings).toEqual(want.metadata.headings);
    }
    expect(differ).toEqual([]);
  });

  test('keeps a local image’s source, which Astro’s pipeline dropped for an optimiser placeholder', async () => {
    const body = '![A map](./map.png)';
    expect((await reference.render(body, { fileURL })).code).not.toContain('src=');
    expect((await ours.render(body, { fileURL })).code).toBe(
      '<p><img src="./map.png" alt="A map"></p>',
    );
  });

  test('returns headings, no images to optimise and the frontmatter it was given', async () => {
    const result = await ours.render('# One\n\n## Two "2"', {
      fileURL,
      frontmatter: { title: 't' },
    });
    expect(result.metadata).toEqual({
      headings: [
        { depth: 1, slug: 'one', text: 'One' },
        { depth: 2, slug: 'two-2', text: 'Two “2”' },
      ],
      localImagePaths: [],
      remoteImagePaths: [],
      frontmatter: { title: 't' },
    });
  });

  test('never lets author HTML run', async () => {
    for (const payload of PAYLOADS) {
      const { code } = await ours.render(payload, { fileURL });
      visit(fromHtml(code, { fragment: true }), 'element', (node) => {
        expect(node.tagName).not.toMatch(/^(script|iframe|object|embed|style)$/);
        for (const [name, value] of Object.entries(node.properties)) {
          expect(name).not.toMatch(/^on/i);
          expect(String(value)).not.toMatch(/^\s*javascript:/i);
        }
      });
    }
  });
});

describe('hasSmartPunctuation', () => {
  test.each([
    ['"quoted"', true],
    ["it's", true],
    ['a -- b', true],
    ['wait...', true],
    ['wait. . .', true],
    ['``x', true],
    ['plain text, with commas; colons: and a - hyphen.', false],
    ['`only "code"`', false],
  ])('%s → %s', (text, want) => {
    expect(hasSmartPunctuation(fromMarkdown(text))).toBe(want);
  });
});
