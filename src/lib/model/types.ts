import type { PartialDate } from '../dates/types.ts';

/** The four kinds of actor the contract knows. */
export const ACTOR_KINDS = ['state', 'person', 'organization', 'media'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Kinds of event shown on the timeline. */
export const EVENT_KINDS = [
  'statement',
  'meeting',
  'report',
  'military',
  'sanction',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Relation categories; each has its own colour in the diagram. */
export const RELATION_CATEGORIES = [
  'cooperation',
  'pressure',
  'conflict',
  'information',
  'structure',
] as const;
export type RelationCategory = (typeof RELATION_CATEGORIES)[number];

/** `content/site.yaml`. */
export interface Site {
  title: string;
  description: string;
  language: string;
  /** Article id shown first / featured on the home page. */
  defaultArticle?: string;
}

/** One entry of `content/relation-kinds.yaml`. */
export interface RelationKind {
  id: string;
  label: string;
  inverse?: string;
  directed: boolean;
  category: RelationCategory;
}

/** A short verbatim quote that backs an event or relation. */
export interface Evidence {
  quote: string;
  /** Article id the quote comes from. */
  article: string;
}

/** Where an article comes from. */
export interface Source {
  publisher: string;
  byline?: string;
  /** Actor ids of the agencies the story came through, nearest first. */
  via: string[];
  url?: string;
  published: PartialDate;
  updated?: PartialDate;
}

/** Fields every entry shares: its id and where it came from. */
export interface EntryBase {
  /** File name without `.md`. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  /** Markdown body, without frontmatter. */
  body: string;
}

/** Ids that an entry's body links with `[[…]]`, in order of first appearance. */
export interface Mentions {
  actors: string[];
  events: string[];
}

/** `content/articles/<id>.md`. */
export interface Article extends EntryBase {
  title: string;
  summary: string;
  source: Source;
  tags: string[];
  /** What the explainer text links to. */
  mentions: Mentions;
}

/** `content/actors/<id>.md`. */
export interface Actor extends EntryBase {
  name: string;
  kind: ActorKind;
  role?: string;
  affiliation?: string;
  aliases: string[];
  country?: string;
  wikidata?: string;
}

/** `content/events/<id>.md`. */
export interface StoryEvent extends EntryBase {
  title: string;
  date: PartialDate;
  end?: PartialDate;
  approximate: boolean;
  kind: EventKind;
  actors: string[];
  articles: string[];
  evidence: Evidence[];
}

/** `content/relations/<id>.md`. */
export interface Relation extends EntryBase {
  from: string;
  to: string;
  kind: string;
  label?: string;
  since?: PartialDate;
  until?: PartialDate;
  articles: string[];
  evidence: Evidence[];
}

/** Everything in `content/`, cross-checked. Arrays are sorted by id. */
export interface Story {
  site: Site;
  kinds: RelationKind[];
  articles: Article[];
  actors: Actor[];
  events: StoryEvent[];
  relations: Relation[];
}
