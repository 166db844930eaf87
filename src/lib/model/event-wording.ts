/** How an event reads on the site: its kind's label and its date, alike on the timeline, the event list and in search. */
import { formatDate, formatRange } from '../dates/format.ts';
import type { EventKind, StoryEvent } from './types.ts';

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
