/**
 * An entry body as plain paragraphs for the diagram's detail panel: Markdown
 * syntax dropped, raw HTML left out, wikilinks read as their shown text.
 * Build time only; the panel puts each paragraph into `textContent`.
 */
import { blockTexts } from '../../remark/parse.ts';
import { parseWikilink, WIKILINK_PATTERN, type WikilinkRef } from '../../remark/wikilinks.ts';

/**
 * The paragraphs of a Markdown body as plain text. `name` gives the text of
 * a wikilink without shown text (an actor's name, an event's title); an
 * unknown one reads as its id.
 */
export function plainParagraphs(
  markdown: string,
  name: (ref: WikilinkRef) => string | undefined,
): string[] {
  if (markdown.trim() === '') return [];
  return blockTexts(markdown, 'rows')
    .map((text) =>
      text
        .replace(WIKILINK_PATTERN, (_, target: string, shown?: string) => {
          const ref = parseWikilink(target, shown);
          return ref.text ?? name(ref) ?? ref.id;
        })
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}
