/**
 * Digests of the stored, rendered bodies (Astro's content store, filled by
 * src/integration/loader.ts). A digest covers the body's text and all its
 * rendering depends on (names, the Markdown pipeline's code, embedded
 * images), so a page key that holds it changes whenever the body shown would.
 */
import { getCollection } from 'astro:content';

/** Each entry's digest by id, for the collections whose bodies pages show. */
export async function bodyDigests(
  collection: 'actors' | 'articles',
): Promise<ReadonlyMap<string, string>> {
  const entries = await getCollection(collection);
  return new Map(entries.map((entry) => [entry.id, String(entry.digest ?? '')]));
}
