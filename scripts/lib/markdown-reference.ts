/**
 * Astro's own `unified()` Markdown processor with the plugins the site gave
 * it before `bodyRenderer` (src/lib/remark/renderer.ts): the renderer's
 * equivalence test and `scripts/bench-markdown.ts` measure against it.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import rehypeLocalImages from '../../src/lib/remark/local-images.ts';
import rehypeRawWhenPresent from '../../src/lib/remark/raw-html.ts';
import { SANITIZE_SCHEMA } from '../../src/lib/remark/renderer.ts';
import remarkWikilinks, { type WikilinkResolver } from '../../src/lib/remark/wikilinks.ts';

/** The reference renderer, with wikilinks shown through `resolve`. */
export function astroReferenceRenderer(resolve: WikilinkResolver) {
  return unified({
    remarkPlugins: [[remarkWikilinks, { resolve }]],
    rehypePlugins: [rehypeRawWhenPresent, [rehypeSanitize, SANITIZE_SCHEMA], rehypeLocalImages],
  }).createRenderer({ syntaxHighlight: false });
}
