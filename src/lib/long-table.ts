/**
 * Whether a long table starts open. A browser styles and lays out every row
 * of a table it shows as the page loads, even below the fold: at 1,000
 * actors the graph page's table of all 3,000 relations (41,000 elements)
 * held the first rendering for 1.5 s, most of the 2.4 s before the page
 * turned interactive. Past OPEN_TABLE_ROWS the table starts closed in a
 * `<details>`, whose contents the browser leaves alone until opened (and
 * opens itself when find-in-page lands in it). Not for lists that links
 * point into: the timeline's links to `#event-<id>` on the same page open
 * a closed list in Chromium but leave the window where the list starts
 * (measured: 27,000 px above the event at 1,000 actors), so the event
 * list stays open.
 */

/** Rows up to which a table starts open: about 3,000 elements, a few tens of milliseconds to style. */
export const OPEN_TABLE_ROWS = 200;

/** Whether a table of `rows` rows starts open. */
export function tableStartsOpen(rows: number, limit: number = OPEN_TABLE_ROWS): boolean {
  return rows <= limit;
}

/** The line that opens and closes the table of `count` relations. */
export function relationTableSummary(count: number): string {
  return count === 1 ? 'The table of the one relation' : `The table of all ${count} relations`;
}
