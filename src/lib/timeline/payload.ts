/**
 * The timeline's client data: one JSON payload per timeline with what the pre-rendered SVG does
 * not carry (dates as readers see them, actor names, evidence), built at build time.
 */
import { formatDate, formatRange, parseDate } from '../dates/index.ts';
import type { Actor, Article, EventKind, StoryEvent } from '../model/types.ts';
import { actorPath, eventAnchor, withBase } from '../paths.ts';
import type { TimelineLayout } from './layout.ts';
import type { MarkKind } from './marks.ts';

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

/** Labels of event kinds, in display order. */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  statement: 'Statement',
  meeting: 'Meeting',
  report: 'Report',
  military: 'Military',
  sanction: 'Sanction',
  other: 'Other',
};

/** "21 January 2022", "c. May 2021", "2 April – 20 June 2021", as readers see it. */
export function formatEventWhen(event: Pick<StoryEvent, 'date' | 'end' | 'approximate'>): string {
  const options = { approximate: event.approximate };
  return event.end
    ? formatRange(event.date, event.end, undefined, options)
    : formatDate(event.date, undefined, options);
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
  const actorById = new Map((input.actors ?? []).map((actor) => [actor.id, actor]));
  const articleById = new Map((input.articles ?? []).map((article) => [article.id, article]));
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

/** JSON for a `<script type="application/json">`: `<` escaped so author text cannot close the tag. */
export function serializePayload(payload: unknown): string {
  return JSON.stringify(payload).replace(/</g, '\\u003c');
}
