/** Made-up entries for the social builders' tests (never the real story's ids). */
import { parseDate } from '../dates/parse.ts';
import type { PartialDate } from '../dates/types.ts';
import type { Actor, ActorKind, Article, StoryEvent } from '../model/types.ts';

/** A date that must parse; throws in a test when the literal is wrong. */
export function date(text: string): PartialDate {
  const result = parseDate(text);
  if (!result.ok) throw new Error(`bad test date ${text}: ${result.reason}`);
  return result.date;
}

/** A made-up actor. */
export function actor(
  id: string,
  name: string,
  kind: ActorKind,
  extra: Partial<Actor> = {},
): Actor {
  return { id, file: `content/actors/${id}.md`, body: '', name, kind, aliases: [], ...extra };
}

/** A made-up article. */
export function article(id: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    file: `content/articles/${id}.md`,
    body: '',
    title: `Title of ${id}`,
    summary: `Summary of ${id}.`,
    source: { publisher: 'Bay Courier', via: [], published: date('2031-05-10T09:30+02:00') },
    tags: [],
    mentions: { actors: [], events: [] },
    ...extra,
  };
}

/** A made-up event. */
export function event(id: string, when: string, extra: Partial<StoryEvent> = {}): StoryEvent {
  return {
    id,
    file: `content/events/${id}.md`,
    body: '',
    title: `Event ${id}`,
    date: date(when),
    approximate: false,
    kind: 'other',
    actors: [],
    articles: [],
    evidence: [],
    ...extra,
  };
}

/** Absolute URLs on a made-up origin under a sub-path. */
export const urlFor = (sitePath: string): string => `https://news.example/d/${sitePath}`;

/** Text that would end a script element and run its own if pasted into HTML unescaped. */
export const SCRIPT_BREAKOUT = '</script><script>alert(1)</script>';
