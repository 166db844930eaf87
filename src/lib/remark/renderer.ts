/**
 * The Markdown renderer for entry bodies, given to Astro as its
 * `markdown.processor`. It renders what Astro's own `unified()` processor
 * renders with our plugins (wikilinks, raw HTML parsed then sanitised, local
 * images only), and `renderer.test.ts` checks that body for body. It is
 * faster because it skips the passes that cannot change a given body:
 *
 * - GitHub's syntax extensions only when a body could use them (`parse.ts`);
 * - smart punctuation only when a text has a quote, backtick, `--` or `...`;
 * - the HTML re-parse Astro runs after every plugin only on trees it can
 *   change (`needsReparse`).
 *
 * It also leaves out Astro's image optimisation, which needs a file import no
 * story entry has: Astro's pipeline left a local image as an `<img>` with no
 * `src`; this one keeps the author's `src`.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { AstroUserConfig } from 'astro';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { type Plugin, unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import rehypeLocalImages from './local-images.ts';
import { parseMarkdown } from './parse.ts';
import rehypeRawWhenPresent, { rehypeRawWhen } from './raw-html.ts';
import remarkWikilinks, { type WikilinkResolver } from './wikilinks.ts';

/** What Astro accepts as `markdown.processor`. */
export type MarkdownProcessor = NonNullable<NonNullable<AstroUserConfig['markdown']>['processor']>;

/** GitHub's sanitising schema, plus what wikilinks carry. */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    a: [
      // The first className rule for an element wins, so replace GitHub's rather than add a second.
      ...(defaultSchema.attributes?.a ?? []).filter(
        (rule) => !(Array.isArray(rule) && rule[0] === 'className'),
      ),
      ['className', 'data-footnote-backref', 'mention', 'mention-actor', 'mention-event'],
      'dataActor',
      'dataEvent',
    ],
  },
};

/**
 * What smart punctuation rewrites: straight quotes and apostrophes, backtick
 * quotes, `--` and `...` (also spaced, `. . .`). A text without any of them
 * comes out of `remark-smartypants` unchanged.
 */
const SMART_PUNCTUATION = /["'`]|--|\.\s*\./;

/** Whether any text in `tree` has something smart punctuation would rewrite. */
export function hasSmartPunctuation(tree: MdastRoot): boolean {
  let found = false;
  visit(tree, 'text', (node) => {
    if (SMART_PUNCTUATION.test(node.value)) {
      found = true;
      return false;
    }
    return undefined;
  });
  return found;
}

/** `remark-smartypants` (Astro's default options), run only on trees it would change. */
const remarkSmartPunctuation: Plugin<[], MdastRoot> = function () {
  const transform = remarkSmartypants.call(this, {});
  return (tree, file) => {
    if (transform && hasSmartPunctuation(tree)) transform(tree, file, () => undefined);
  };
};

/** Parses bodies with `parseMarkdown`: CommonMark, plus GitHub's extensions where they can occur. */
const remarkParseBody: Plugin<[], string, MdastRoot> = function () {
  this.parser = (document) => parseMarkdown(document);
};

/**
 * Whether Astro's closing HTML re-parse (hast to HTML tokens and back) can
 * change a tree: when the body held HTML (raw HTML, and autolinks such as
 * `<https://…>`, all start with `<`: the sanitiser may have left what the
 * parser rebuilds); when the tree holds a code block (the parser drops a
 * line break that opens one) or a property set to `true` on an attribute
 * that is not boolean (footnotes carry valueless data attributes, which come
 * back as `""`). Any other tree a Markdown body gives is already what the
 * parser would build; `renderer.test.ts` checks that against Astro's own.
 */
export function needsReparse(tree: HastRoot, source = ''): boolean {
  if (source.includes('<')) return true;
  let needed = false;
  visit(tree, 'element', (node) => {
    if (
      node.tagName === 'pre' ||
      Object.entries(node.properties).some(
        ([name, value]) => value === true && name.startsWith('data'),
      )
    ) {
      needed = true;
      return false;
    }
    return undefined;
  });
  return needed;
}

/** Astro's closing `rehype-raw`, run only on trees it can change. */
const rehypeReparseWhenNeeded = rehypeRawWhen((tree, file) =>
  needsReparse(tree, String(file.value)),
);

/** The frozen pipeline: Astro's, minus the passes a body cannot need. */
function pipeline(resolve: WikilinkResolver) {
  return unified()
    .use(remarkParseBody)
    .use(remarkSmartPunctuation)
    .use(remarkWikilinks, { resolve })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhenPresent)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(rehypeLocalImages)
    .use(rehypeHeadingIds)
    .use(rehypeReparseWhenNeeded)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
}

/** A heading as Astro's `rehypeHeadingIds` records it. */
interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** The `markdown.processor` for entry bodies, with wikilinks shown through `resolve`. */
export function bodyRenderer(resolve: WikilinkResolver): MarkdownProcessor {
  return {
    name: 'dramatis',
    options: {},
    createRenderer() {
      const processor = pipeline(resolve);
      return Promise.resolve({
        async render(content, options) {
          const frontmatter = options?.frontmatter ?? {};
          const file = new VFile({
            value: content,
            ...(options?.fileURL ? { path: options.fileURL } : {}),
            data: { astro: { frontmatter } },
          });
          const result = await processor.process(file);
          const astro = result.data.astro as { headings?: Heading[] } | undefined;
          return {
            code: String(result.value),
            metadata: {
              headings: astro?.headings ?? [],
              localImagePaths: [],
              remoteImagePaths: [],
              frontmatter,
            },
          };
        },
      });
    },
  };
}
