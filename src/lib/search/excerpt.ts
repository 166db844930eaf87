/**
 * Pagefind's excerpts are HTML text with `<mark>` around the matched words.
 * The browser never parses them as HTML: this splits an excerpt into plain
 * and marked runs, decoding the few entities Pagefind writes, so the search
 * box can render them with `textContent`.
 */

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Largest code point Unicode defines. */
const MAX_CODE_POINT = 0x10ffff;
const HEX = 16;
const DECIMAL = 10;

/** Decodes named (`&amp;`), decimal (`&#39;`) and hex (`&#x27;`) entities; anything else stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? HEX : DECIMAL);
      return code > 0 && code <= MAX_CODE_POINT ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The runs of an excerpt: text between `<mark>` and `</mark>` is marked; any other tag is dropped. */
export function splitExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark\b[^>]*>)/i)) {
    if (/^<mark\b/i.test(piece)) marked = true;
    else if (/^<\/mark/i.test(piece)) marked = false;
    else {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      if (text) parts.push({ text, marked });
    }
  }
  return parts;
}

/** The option index after pressing an arrow: wraps around, and starts at the first (down) or last (up) when none is active. */
export function moveActive(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0 || active >= count) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}
