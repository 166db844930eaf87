/**
 * schema.org structured data (JSON-LD) for the pages: the article as a
 * NewsArticle about its source, each actor as a Person, Organization,
 * NewsMediaOrganization or Country, the timeline as an ItemList of Events and
 * the site as a WebSite. Pure: URLs come in through `urlFor`.
 */
import { toDatetimeAttr } from '../dates/format.ts';
import type { Actor, ActorKind, Article, StoryEvent } from '../model/types.ts';
import { actorPath, articlePath, eventPath } from '../paths.ts';

/** A JSON value as JSON-LD holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonLd;
/** One JSON-LD node. */
export interface JsonLd {
  [key: string]: JsonValue | undefined;
}

/** Turns a site-relative path (`actors/japan/`) into an absolute URL. */
export type UrlFor = (sitePath: string) => string;

const CONTEXT = 'https://schema.org';
const WIKIDATA_ENTITY = 'https://www.wikidata.org/wiki/';

/** The schema.org type of each kind of actor. */
export const ACTOR_TYPE: Record<ActorKind, string> = {
  state: 'Country',
  person: 'Person',
  organization: 'Organization',
  media: 'NewsMediaOrganization',
};

/** The Wikidata page of an item id (`Q17`), the `sameAs` of an actor. */
export function wikidataUrl(id: string): string {
  return WIKIDATA_ENTITY + encodeURIComponent(id);
}

/** A short reference to an actor, for `about`, `author`, `affiliation` and the like. */
export function actorRef(actor: Actor, urlFor: UrlFor): JsonLd {
  return {
    '@type': ACTOR_TYPE[actor.kind],
    name: actor.name,
    url: urlFor(actorPath(actor.id)),
    sameAs: actor.wikidata ? wikidataUrl(actor.wikidata) : undefined,
  };
}

/** What `buildArticleJsonLd` needs besides the article. */
export interface ArticleJsonLdInput {
  article: Article;
  /** The actors the explainer is about (its slice). */
  actors: readonly Actor[];
  /** Every actor, to recognise a byline or publisher that is an actor of the story. */
  allActors: readonly Actor[];
  urlFor: UrlFor;
  /** Absolute URL of the social card. */
  image?: string;
  language: string;
  siteName: string;
}

/** A NewsArticle about the source: headline, dates as authored, publisher, byline, `isBasedOn` the source, `about` its actors. */
export function buildArticleJsonLd(input: ArticleJsonLdInput): JsonLd {
  const { article, urlFor } = input;
  const { source } = article;
  const url = urlFor(articlePath(article.id));
  const publisherActor = findActorByName(input.allActors, source.publisher);
  const publisher: JsonLd = publisherActor
    ? actorRef(publisherActor, urlFor)
    : { '@type': 'NewsMediaOrganization', name: source.publisher };
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.summary,
    image: input.image ? [input.image] : undefined,
    datePublished: toDatetimeAttr(source.published),
    dateModified: source.updated ? toDatetimeAttr(source.updated) : undefined,
    author: source.byline
      ? bylineAuthor(source.byline, source.via, input.allActors, urlFor)
      : publisher,
    publisher,
    isBasedOn: source.url,
    about: nonEmpty(input.actors.map((actor) => actorRef(actor, urlFor))),
    keywords: article.tags.length > 0 ? article.tags : undefined,
    inLanguage: input.language,
    isPartOf: { '@type': 'WebSite', name: input.siteName, url: urlFor('') },
  };
}

/** What `buildActorJsonLd` needs besides the actor. */
export interface ActorJsonLdInput {
  actor: Actor;
  /** The actor named by `affiliation`, when there is one. */
  affiliation?: Actor;
  urlFor: UrlFor;
  /** The page's description, when the actor has no role. */
  description?: string;
}

/** A Person, Organization, NewsMediaOrganization or Country: name, aliases, Wikidata, role and affiliation. */
export function buildActorJsonLd(input: ActorJsonLdInput): JsonLd {
  const { actor, affiliation, urlFor } = input;
  const url = urlFor(actorPath(actor.id));
  const node: JsonLd = {
    '@context': CONTEXT,
    '@type': ACTOR_TYPE[actor.kind],
    '@id': url,
    url,
    name: actor.name,
    alternateName: actor.aliases.length > 0 ? actor.aliases : undefined,
    sameAs: actor.wikidata ? wikidataUrl(actor.wikidata) : undefined,
    description: actor.kind === 'person' ? input.description : (actor.role ?? input.description),
  };
  const ref = affiliation ? actorRef(affiliation, urlFor) : undefined;
  switch (actor.kind) {
    case 'person':
      node.jobTitle = actor.role;
      node.affiliation = ref;
      node.nationality = actor.country
        ? { '@type': 'Country', identifier: actor.country }
        : undefined;
      break;
    case 'state':
      node.identifier = actor.country;
      // A state sits inside another place (a federation) or belongs to an organisation (an alliance).
      if (affiliation?.kind === 'state') node.containedInPlace = ref;
      else node.memberOf = ref;
      break;
    default:
      node.memberOf = ref;
      node.address = actor.country
        ? { '@type': 'PostalAddress', addressCountry: actor.country }
        : undefined;
  }
  return node;
}

/** What `buildTimelineJsonLd` needs. */
export interface TimelineJsonLdInput {
  /** Events in the order the page shows them. */
  events: readonly StoryEvent[];
  actors: readonly Actor[];
  urlFor: UrlFor;
  name: string;
}

/** An ItemList of Events with start and end dates as authored, each linked to its place on the timeline and its actors. */
export function buildTimelineJsonLd(input: TimelineJsonLdInput): JsonLd {
  const { urlFor } = input;
  const actors = new Map(input.actors.map((actor) => [actor.id, actor]));
  return {
    '@context': CONTEXT,
    '@type': 'ItemList',
    name: input.name,
    url: urlFor('timeline/'),
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    numberOfItems: input.events.length,
    itemListElement: input.events.map((event, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      item: {
        '@type': 'Event',
        '@id': urlFor(eventPath(event.id)),
        url: urlFor(eventPath(event.id)),
        name: event.title,
        startDate: toDatetimeAttr(event.date),
        endDate: event.end ? toDatetimeAttr(event.end) : undefined,
        about: nonEmpty(
          event.actors.flatMap((id) => {
            const actor = actors.get(id);
            return actor ? [actorRef(actor, urlFor)] : [];
          }),
        ),
      },
    })),
  };
}

/** What `buildWebsiteJsonLd` needs. */
export interface WebsiteJsonLdInput {
  name: string;
  description: string;
  language: string;
  urlFor: UrlFor;
}

/** The WebSite node for the home page. */
export function buildWebsiteJsonLd(input: WebsiteJsonLdInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: input.name,
    description: input.description,
    url: input.urlFor(''),
    inLanguage: input.language,
  };
}

/** A byline as a schema.org author: the agency actor it names (through `via` first), else a person. */
function bylineAuthor(
  byline: string,
  via: readonly string[],
  actors: readonly Actor[],
  urlFor: UrlFor,
): JsonLd {
  const agencies = actors.filter((actor) => via.includes(actor.id));
  const actor = findActorByName(agencies, byline) ?? findActorByName(actors, byline);
  return actor ? actorRef(actor, urlFor) : { '@type': 'Person', name: byline };
}

/** The actor whose name or an alias is `name`, ignoring case and surrounding space. */
function findActorByName(actors: readonly Actor[], name: string): Actor | undefined {
  const wanted = name.trim().toLowerCase();
  return actors.find(
    (actor) =>
      actor.name.toLowerCase() === wanted ||
      actor.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
}

/** The list, or nothing when it is empty (an empty `about` says nothing). */
function nonEmpty<T extends JsonValue>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
