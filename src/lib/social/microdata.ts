/**
 * schema.org structured data as HTML microdata instead of a JSON-LD script:
 * the tree `json-ld.ts` builds becomes items (`itemscope`, `itemtype`,
 * `itemid`) whose properties are `<meta itemprop content>` and
 * `<link itemprop href>` elements. Every value ends up in an attribute the
 * page template escapes, so author text in the structured data is never
 * markup or script, and the page needs no inline script for it. Pure: the
 * layout renders the result (src/layouts/Microdata.astro).
 */
import type { JsonLd, JsonValue } from './json-ld.ts';

const SCHEMA_ORG = 'https://schema.org/';

/** schema.org properties whose value is a URL: drawn as `<link href>` when it is an absolute http(s) one. */
const URL_PROPERTIES = new Set(['url', 'sameAs', 'image', 'mainEntityOfPage', 'isBasedOn', 'logo']);
const HTTP_URL = /^https?:\/\//i;

/** One element of a microdata block: an item, a text value or a URL value. */
export type MicrodataNode =
  | {
      kind: 'item';
      /** The property of the parent item this item is the value of; none at the top. */
      prop?: string;
      /** `itemtype`: the schema.org type URLs, space-separated. */
      type?: string;
      /** `itemid`: the item's global id (JSON-LD `@id`). */
      id?: string;
      children: MicrodataNode[];
    }
  | { kind: 'meta'; prop: string; content: string }
  | { kind: 'link'; prop: string; href: string };

/** The microdata item of a JSON-LD node (`@context` is implied by the schema.org type URLs). */
export function toMicrodata(node: JsonLd, prop?: string): MicrodataNode {
  const types = node['@type'];
  const typeList = (Array.isArray(types) ? types : [types]).filter(
    (t): t is string => typeof t === 'string',
  );
  const id = node['@id'];
  const children = Object.entries(node).flatMap(([key, value]) =>
    key.startsWith('@') || value === undefined ? [] : valueNodes(key, value),
  );
  return {
    kind: 'item',
    prop,
    type: typeList.length > 0 ? typeList.map((t) => SCHEMA_ORG + t).join(' ') : undefined,
    id: typeof id === 'string' ? id : undefined,
    children,
  };
}

/** The elements that carry one property's value (several for a list, none for null). */
function valueNodes(prop: string, value: JsonValue): MicrodataNode[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valueNodes(prop, v));
  if (typeof value === 'object') return [toMicrodata(value, prop)];
  if (typeof value === 'string' && URL_PROPERTIES.has(prop) && HTTP_URL.test(value))
    return [{ kind: 'link', prop, href: value }];
  return [{ kind: 'meta', prop, content: String(value) }];
}
