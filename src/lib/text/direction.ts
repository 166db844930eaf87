/**
 * Base direction of a piece of text by the Unicode bidi rule used for
 * `dir="auto"`: the first strong character decides. The diagram needs it at
 * build time, since SVG text has no `dir="auto"`.
 */

/** A letter: the strong characters that decide direction (digits and punctuation do not). */
const LETTER = /\p{L}/u;
/** Letters of the scripts written right to left. */
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;

/** `rtl` when the first letter of `text` belongs to a right-to-left script, else `ltr` (also for text without letters). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (LETTER.test(ch)) return RIGHT_TO_LEFT.test(ch) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
