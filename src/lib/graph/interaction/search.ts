/**
 * Actor search for the diagram's search box: names and aliases matched with
 * accents, case and punctuation optional, so "orban" finds "Orbán" and
 * "orsted lin" finds "Ørsted-Lin". Pure; runs in the browser.
 */

/** Letters that Unicode decomposition (NFKD) leaves whole, spelled the way a reader types them. */
const LETTER_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};
const COMBINING_MARKS = /\p{M}+/gu;
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
/** Anything that is not a letter or digit separates words: hyphens, apostrophes, dots. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Most results the search box lists. */
export const MAX_RESULTS = 8;

/** Text folded for matching: lower case, accents stripped, ø/ł/ß… spelled out, punctuation as single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(SEPARATORS, ' ')
    .trim();
}

/** An actor as the search sees it. */
export interface SearchEntry {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** One result: the actor and, when an alias matched rather than the name, that alias. */
export interface SearchHit {
  id: string;
  name: string;
  alias?: string;
}

/** How well folded `text` matches folded `query`: 0 none, 1 inside a word, 2 a word's start, 3 the start, 4 all of it. */
function matchScore(text: string, query: string): number {
  if (text === query) return 4;
  if (text.startsWith(query)) return 3;
  if (text.includes(` ${query}`)) return 2;
  return text.includes(query) ? 1 : 0;
}

/**
 * Actors whose name or an alias contains the query, best first: whole
 * matches, then prefix, word-start and inner matches; ties by name.
 */
export function searchActors(
  entries: readonly SearchEntry[],
  query: string,
  limit: number = MAX_RESULTS,
): SearchHit[] {
  const q = foldText(query);
  if (q === '') return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const entry of entries) {
    let best = matchScore(foldText(entry.name), q);
    let alias: string | undefined;
    for (const a of entry.aliases) {
      const score = matchScore(foldText(a), q);
      if (score > best) {
        best = score;
        alias = a;
      }
    }
    if (best === 0) continue;
    scored.push({
      hit: alias ? { id: entry.id, name: entry.name, alias } : { id: entry.id, name: entry.name },
      score: best,
    });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name, 'en'))
    .slice(0, limit)
    .map((s) => s.hit);
}
