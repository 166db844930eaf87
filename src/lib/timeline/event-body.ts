/**
 * An event's body as event lists show it: plain paragraphs (Markdown syntax
 * dropped, raw HTML left out, a wikilink read as the name or title it
 * points at), each put into the page as text, never as HTML. Worked out once
 * per event and story: the same event is listed on the timeline, the graph
 * page, its stories' pages and its actors' pages.
 */
import { plainParagraphs } from '../graph/interaction/plain-text.ts';
import { indexById } from '../model/select.ts';
import type { Actor, StoryEvent } from '../model/types.ts';

const known = new WeakMap<
  StoryEvent,
  { actors: readonly Actor[]; events: readonly StoryEvent[]; paragraphs: string[] }
>();

/**
 * The paragraphs of `event`'s body; `actors` and `events` (the whole story's)
 * name what its wikilinks point at, an unknown one reading as its id.
 */
export function eventBodyParagraphs(
  event: StoryEvent,
  actors: readonly Actor[],
  events: readonly StoryEvent[],
): string[] {
  const stored = known.get(event);
  if (stored && stored.actors === actors && stored.events === events) return stored.paragraphs;
  const actorById = indexById(actors);
  const eventById = indexById(events);
  const paragraphs = plainParagraphs(event.body, (ref) =>
    ref.type === 'actor' ? actorById.get(ref.id)?.name : eventById.get(ref.id)?.title,
  );
  known.set(event, { actors, events, paragraphs });
  return paragraphs;
}
