/**
 * The timeline's client data: one JSON payload per timeline with what the pre-rendered SVG does
 * not carry (dates as readers see them, actor names, evidence), built at build time.
 */
import { formatDate, parseDate } from '../dates/index.ts';
import { EVENT_KIND_LABELS, formatEventWhen } from '../model/event-wording.ts';
import { indexById } from '../model/select.ts';
import type { Actor, Article, EventKind, StoryEvent } from '../model/types.ts';
import { actorPath, eventAnchor, withBase } from '../paths.ts';
import type { TimelineLayout } from './layout.ts';
import type { MarkKind } from './marks.ts';

/** Re-exported for the timeline component. */
/** JSON for the timeline's `<script type="application/json">` (see scriptJson). */
export { scriptJson as serializePayload } from '../social/xml.ts';

/** One event as the client needs it. */
export interface TimelineEventData {
  id: string;
  title: string;
  /** The date at its authored precision, e.g. "c. March – May 2031". */
  when: string;
  kind: EventKind;
  /** Covered time in epoch ms, end exclusive. */
  start: number;
  end: number;
  mark: MarkKind;
  actors: string[];
  evidence: { quote: string; source: string }[];
  /** Id of the event's entry in the event list on the page. */
  anchor: string;
}

/** A dated rule, such as the article's publication. */
export interface TimelineMarkerData {
  id: string;
  label: string;
  when: string;
  start: number;
}

/** Everything the timeline's script reads besides the markup. */
export interface TimelinePayload {
  /** In time order (the layout's). */
  events: TimelineEventData[];
  /** Names and page links of the actors the events name. */
  actors: Record<string, { name: string; href: string }>;
  /** Event kinds with their labels, in display order. */
  kinds: { key: string; label: string }[];
  markers: TimelineMarkerData[];
}

/** What `buildTimelinePayload` reads. */
export interface PayloadInput {
  layout: TimelineLayout;
  events: readonly StoryEvent[];
  actors?: readonly Actor[];
  articles?: readonly Article[];
  base: string;
}

/** The client payload of a laid-out timeline. */
export function buildTimelinePayload(input: PayloadInput): TimelinePayload {
  const { layout, base } = input;
  const eventById = new Map(input.events.map((event) => [event.id, event]));
  // Indexed once per story array (every page passes the same ones), not once per page.
  const actorById = indexById(input.actors ?? []);
  const articleById = indexById(input.articles ?? []);
  const actors: TimelinePayload['actors'] = {};
  const events = layout.items.map((item): TimelineEventData => {
    const event = eventById.get(item.id);
    for (const id of event?.actors ?? []) {
      actors[id] = {
        name: actorById.get(id)?.name ?? id,
        href: withBase(base, actorPath(id)),
      };
    }
    return {
      id: item.id,
      title: item.title,
      when: event ? formatEventWhen(event) : item.date,
      kind: item.kind,
      start: item.interval.start,
      end: item.interval.end,
      mark: item.mark,
      actors: event?.actors ?? [],
      evidence: (event?.evidence ?? []).map((evidence) => ({
        quote: evidence.quote,
        source: articleById.get(evidence.article)?.title ?? evidence.article,
      })),
      anchor: eventAnchor(item.id),
    };
  });
  const markers = layout.markers.map((marker): TimelineMarkerData => {
    const parsed = parseDate(marker.date);
    return {
      id: marker.id,
      label: marker.label,
      when: parsed.ok ? formatDate(parsed.date) : marker.date,
      start: parsed.ok ? parsed.date.start : Number.NaN,
    };
  });
  const kinds = Object.entries(EVENT_KIND_LABELS).map(([key, label]) => ({ key, label }));
  return { events, actors, kinds, markers };
}
