/**
 * Loads a view's script only when the reader reaches it: a page then
 * downloads the JavaScript of what is on screen, and the rest as the reader
 * scrolls. Built-time SVG and fallback lists show meanwhile and do not move
 * when it arrives, so the reader sees no difference, only the controls
 * waking up a moment later. The view's state lives in the URL, so a view loaded late
 * still shows the selection made elsewhere on the page.
 */

/**
 * How far outside the viewport (CSS px) an element counts as near: none, it
 * must be on screen. On /graph/ the timeline starts just below the diagram;
 * loading it a screen ahead cost every visit its 15 KB (gzip), scrolled to or not.
 */
const NEAR_MARGIN = '0px';

/**
 * Calls `load` once, as soon as an element matching `selector` is within
 * NEAR_MARGIN of the viewport, receives focus or the pointer; at once where
 * IntersectionObserver is missing. Does nothing when no element matches.
 */
export function loadWhenNear(selector: string, load: () => Promise<unknown>): void {
  const elements = [...document.querySelectorAll(selector)];
  if (elements.length === 0) return;
  let started = false;
  const listen = () => {
    for (const element of elements) {
      observer?.observe(element);
      element.addEventListener('focusin', start);
      element.addEventListener('pointerenter', start);
    }
  };
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    for (const element of elements) {
      element.removeEventListener('focusin', start);
      element.removeEventListener('pointerenter', start);
    }
    // A failed download (a flaky connection) is tried again the next time the reader comes back.
    load().catch(() => {
      started = false;
      if (observer) listen();
    });
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            if (entries.some((entry) => entry.isIntersecting)) start();
          },
          { rootMargin: NEAR_MARGIN },
        )
      : undefined;
  if (!observer) {
    start();
    return;
  }
  listen();
}
