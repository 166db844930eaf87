/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose key and code are unchanged since the last build is copied from
 * that build instead of rendered again. A key must therefore change whenever
 * anything the page shows changes. A key that changes too often only costs a
 * render; one that misses an input publishes a stale page, so each key hashes
 * whole entries (with their bodies and positions), never hand-picked fields.
 */
import { partsHash } from '../hash.ts';
import { affiliatesOf, articlesForActor, indexById, sliceForActor } from './select.ts';
import type { Actor, Article, Story } from './types.ts';

/** Bump when what a key covers changes, so that no key from before can match. */
const KEY_VERSION = '2';

/** An article without its body: what pages other than its own show of it (title, source, dates, tags). */
function articleHeading(article: Article): Omit<Article, 'body'> {
  const { body: _body, ...heading } = article;
  return heading;
}

/**
 * What every page may show of the whole story: the site settings, the
 * relation kinds, every article's heading (the default social card, evidence
 * attributions) and every actor name and event title (wikilinks in any body
 * can name any of them).
 */
function storyContext(story: Story): string {
  return partsHash()
    .add(KEY_VERSION)
    .add(JSON.stringify(story.site))
    .add(JSON.stringify(story.kinds))
    .add(JSON.stringify(story.articles.map(articleHeading)))
    .add(JSON.stringify(story.actors.map((a) => [a.id, a.name])))
    .add(JSON.stringify(story.events.map((e) => [e.id, e.title])))
    .hex();
}

const storyKeys = new WeakMap<Story, string>();

/**
 * One key for pages built from the whole story but neither its actor nor its
 * article bodies (`/graph/`, `/timeline/`; articles add their own body): an
 * actor's or article's body shows on its own page only. Event bodies stay
 * in, as every event list shows them, and so do relation bodies, as every
 * diagram's panel explains a relation with its body. Editing one actor's
 * profile therefore leaves these pages alone.
 */
export function wholeStoryKey(story: Story): string {
  let key = storyKeys.get(story);
  if (key === undefined) {
    const withoutBodies = <T extends { body: string }>(entry: T): T => ({ ...entry, body: '' });
    const shown = {
      ...story,
      actors: story.actors.map(withoutBodies),
      articles: story.articles.map(withoutBodies),
    };
    key = partsHash().add(KEY_VERSION).add(JSON.stringify(shown)).hex();
    storyKeys.set(story, key);
  }
  return key;
}

/** An article page's key: the whole story as `wholeStoryKey` sees it, its own body, and `bodyStamp` (see actorPageKeys). */
export function articlePageKey(story: Story, article: Article, bodyStamp = ''): string {
  return partsHash().add(wholeStoryKey(story)).add(article.body).add(bodyStamp).hex();
}

const actorKeys = new WeakMap<Story, { bodyStamp: string; keys: ReadonlyMap<string, string> }>();

/**
 * The key of each actor page: the story context, plus every entry in full
 * that the page draws on — the actor, its relations and events, every actor
 * those name (ends, participants, affiliation, members) and the articles it
 * appears in, and `bodyStamp`: what rendering its Markdown body depends on
 * besides the body's own text (src/integration/loader.ts). Editing an entry
 * therefore renders again only the pages of the actors it touches; renaming
 * any actor renders all of them.
 */
export function actorPageKeys(story: Story, bodyStamp = ''): ReadonlyMap<string, string> {
  const known = actorKeys.get(story);
  if (known?.bodyStamp === bodyStamp) return known.keys;
  const context = partsHash().add(storyContext(story)).add(bodyStamp).hex();
  const actors = indexById(story.actors);
  const keys = new Map<string, string>();
  for (const actor of story.actors) {
    const slice = sliceForActor(story, actor.id);
    const named = new Set<string>(slice.actors.map((a) => a.id));
    for (const event of slice.events) for (const id of event.actors) named.add(id);
    if (actor.affiliation) named.add(actor.affiliation);
    for (const member of affiliatesOf(story, actor.id)) named.add(member.id);
    const namedActors = [...named]
      .sort()
      .flatMap((id) => (actors.get(id) as Actor | undefined) ?? []);
    const articles = articlesForActor(story, actor.id);
    keys.set(
      actor.id,
      partsHash()
        .add(context)
        .add(JSON.stringify(actor))
        .add(JSON.stringify(namedActors))
        .add(JSON.stringify(slice.relations))
        .add(JSON.stringify(slice.events))
        .add(JSON.stringify(articles.map((a) => a.id)))
        .hex(),
    );
  }
  actorKeys.set(story, { bodyStamp, keys });
  return keys;
}

/** The key of a page drawn by a pure function of `input` alone (a social card from its card input). */
export function inputKey(input: unknown): string {
  return partsHash().add(KEY_VERSION).add(JSON.stringify(input)).hex();
}
