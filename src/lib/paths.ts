/** URL helpers: every internal link goes through `withBase` so the site works under a sub-path. */

/** Normalises a configured base (`/`, `/dramatis`, `dramatis/`) to `/…/` form. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Joins a site-relative path (`actors/japan/`, `/graph/`) onto the base. Keeps `#hash` and `?query`. */
export function withBase(base: string, path: string): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}

/** Site-relative path of an article page. */
export function articlePath(id: string): string {
  return `articles/${id}/`;
}

/** Site-relative path of an actor page. */
export function actorPath(id: string): string {
  return `actors/${id}/`;
}

/** Site-relative path of an event: its anchor on the global timeline page. */
export function eventPath(id: string): string {
  return `timeline/#event-${id}`;
}

/** Id of an event's item in an event list, used as its anchor. */
export function eventAnchor(id: string): string {
  return `event-${id}`;
}
