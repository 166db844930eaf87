/** The `/` shortcut of the header search box (kept apart so the eager script stays tiny). */

/** Whether a key press should move focus to the search box: `/` with no modifier, outside any text field. */
export function isSearchShortcut(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  targetIsEditable: boolean,
): boolean {
  return (
    event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !targetIsEditable
  );
}
