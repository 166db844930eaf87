/**
 * Lets vertical swipes over the timeline scroll the page. d3-zoom cancels every touchmove it sees;
 * a one-finger gesture that starts mostly vertical is kept from it, so the browser scrolls (the
 * chart has `touch-action: pan-y`). Horizontal swipes and pinches still reach d3-zoom.
 */

/** Movement in px before a gesture's direction is decided. */
const DECIDE_AFTER = 6;

/** Installs the capture-phase listeners on `target`; returns a function that removes them. */
export function passVerticalSwipes(target: Element): () => void {
  let start: { x: number; y: number } | undefined;
  let vertical = false;
  const onStart = (event: Event) => {
    const touches = (event as TouchEvent).touches;
    const first = touches[0];
    vertical = false;
    start = touches.length === 1 && first ? { x: first.clientX, y: first.clientY } : undefined;
  };
  const onMove = (event: Event) => {
    const touch = (event as TouchEvent).touches[0];
    if (!start || !touch || (event as TouchEvent).touches.length !== 1) return;
    const dx = Math.abs(touch.clientX - start.x);
    const dy = Math.abs(touch.clientY - start.y);
    if (!vertical && dx + dy >= DECIDE_AFTER) {
      vertical = dy > dx;
      // Sideways: from here on d3-zoom pans.
      if (!vertical) {
        start = undefined;
        return;
      }
    }
    // Undecided or vertical: d3-zoom must not cancel the move, or the page would not scroll.
    event.stopPropagation();
  };
  target.addEventListener('touchstart', onStart, { capture: true, passive: true });
  target.addEventListener('touchmove', onMove, { capture: true, passive: true });
  return () => {
    target.removeEventListener('touchstart', onStart, { capture: true });
    target.removeEventListener('touchmove', onMove, { capture: true });
  };
}
