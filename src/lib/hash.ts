/** Content hashes for build caches: a stale entry must be a miss, never a wrong page. */
import { createHash } from 'node:crypto';

/** A SHA-256 fed part by part. */
export interface PartsHash {
  /** Adds one part, prefixed by its length so no two different part lists run together into the same input. */
  add(part: string | Uint8Array): PartsHash;
  /** The digest as lower-case hex; the hash cannot be used after. */
  hex(): string;
}

/** A new length-prefixed SHA-256 (see PartsHash). */
export function partsHash(): PartsHash {
  const hash = createHash('sha256');
  const parts: PartsHash = {
    add(part) {
      hash.update(`${part.length}:`).update(part);
      return parts;
    },
    hex: () => hash.digest('hex'),
  };
  return parts;
}
