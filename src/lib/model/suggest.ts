import { levenshteinEditDistance } from 'levenshtein-edit-distance';

/** A candidate is suggested when at most this share of the longer string must change. */
const MAX_RELATIVE_DISTANCE = 0.4;

/** The known value closest to `value`, when one is close enough to be a likely typo. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshteinEditDistance(value, candidate, true);
    const limit = Math.max(
      1,
      Math.floor(Math.max(value.length, candidate.length) * MAX_RELATIVE_DISTANCE),
    );
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A typed prefix or a part of a compound id (`kishida` for `fumio-kishida`) is a good guess too.
  if (best === undefined && value.length >= 3) {
    for (const candidate of candidates) {
      if (candidate.split('-').includes(value) || candidate.startsWith(value)) return candidate;
    }
  }
  return best;
}

/** `; did you mean \`x\`?` when there is a close candidate, else the empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = suggest(value, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}
