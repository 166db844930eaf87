/**
 * TimelineJS3 JSON (Knight Lab): `{ title?, events: [{ start_date, end_date?,
 * text: { headline, text }, group, display_date?, unique_id }] }`. Dates carry
 * only the parts the author wrote, so precision survives: "2022-01" becomes
 * `{ year: 2022, month: 1 }`. Date-times keep their authored wall-clock time.
 */
import { formatDate } from '../dates/index.ts';
import type { PartialDate } from '../dates/types.ts';
import type { StoryEvent } from '../model/types.ts';

/** A TimelineJS date object. */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  display_date?: string;
}

/** A TimelineJS slide. */
export interface TimelineJsEvent {
  unique_id: string;
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text: { headline: string; text: string };
  group: string;
}

/** A TimelineJS document. */
export interface TimelineJsDocument {
  title?: { text: { headline: string; text: string } };
  events: TimelineJsEvent[];
}

/** The TimelineJS date for a partial date, to its precision. */
export function toTimelineJsDate(date: PartialDate): TimelineJsDate {
  const out: TimelineJsDate = { year: date.year };
  if (date.month !== undefined) out.month = date.month;
  if (date.day !== undefined) out.day = date.day;
  if (date.hour !== undefined) out.hour = date.hour;
  if (date.minute !== undefined) out.minute = date.minute;
  if (date.second !== undefined && date.precision === 'time' && /:\d\d:\d\d/.test(date.raw))
    out.second = date.second;
  return out;
}

/** Plain-text escaping: TimelineJS renders `text` as HTML, and author text must never be markup. */
function plain(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Events as a TimelineJS document; `group` is the event kind. */
export function eventsToTimelineJs(
  events: readonly StoryEvent[],
  title?: { headline: string; text: string },
): TimelineJsDocument {
  return {
    ...(title
      ? { title: { text: { headline: plain(title.headline), text: plain(title.text) } } }
      : {}),
    events: events.map((event) => {
      const slide: TimelineJsEvent = {
        unique_id: event.id,
        start_date: toTimelineJsDate(event.date),
        text: {
          headline: plain(event.title),
          text: event.evidence.map((e) => `<blockquote>${plain(e.quote)}</blockquote>`).join(''),
        },
        group: event.kind,
      };
      if (event.end) slide.end_date = toTimelineJsDate(event.end);
      if (event.approximate)
        slide.display_date = formatDate(event.date, 'en-GB', { approximate: true });
      return slide;
    }),
  };
}
