/**
 * Build-time text measurement without a DOM. Widths are estimates for a
 * proportional sans-serif (system-ui); good to a few percent for Latin text,
 * which is enough to stop labels colliding. CJK and other wide scripts count
 * as one em per character.
 */

/** Advance widths in em for character classes of a typical UI sans-serif. */
const NARROW = 0.28; // i j l ' . , : ; ! | and the like
const SLIGHT = 0.4; // f r t ( ) [ ] space
const WIDE = 0.86; // m w M W
const CAPITAL = 0.68;
const DEFAULT = 0.55;
const FULL = 1; // CJK, Hangul, kana, full-width forms

const NARROW_CHARS = new Set("ijl'.,:;!|`");
const SLIGHT_CHARS = new Set('frt()[]{} -/');
const WIDE_CHARS = new Set('mwMW@%');

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xffdc))) return FULL;
  if (NARROW_CHARS.has(ch)) return NARROW;
  if (SLIGHT_CHARS.has(ch)) return SLIGHT;
  if (WIDE_CHARS.has(ch)) return WIDE;
  if (ch >= 'A' && ch <= 'Z') return CAPITAL;
  return DEFAULT;
}

/** Estimated rendered width in px of `text` at `fontSize` px. */
export function measureText(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
}

/** Shortens `text` with an ellipsis so that it fits `maxWidth` px; returns it unchanged when it fits. */
export function truncateText(text: string, fontSize: number, maxWidth: number): string {
  if (measureText(text, fontSize) <= maxWidth) return text;
  const ellipsis = '…';
  const budget = maxWidth - measureText(ellipsis, fontSize);
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch) * fontSize;
    if (width + w > budget) break;
    out += ch;
    width += w;
  }
  return out.trimEnd() + ellipsis;
}
