/**
 * Loads a view's script only when the reader comes near it: a page then
 * downloads the JavaScript of what is on screen, and the rest as the reader
 * scrolls. Built-time SVG and fallback lists show meanwhile, so nothing
 * waits on it. The view's state lives in the URL, so a view loaded late
 * still shows the selection made elsewhere on the page.
 */

/** How far outside the viewport (CSS px) an element counts as near: a screen or so ahead of the reader. */
const NEAR_MARGIN = '800px 0px';

/**
 * Calls `load` once, as soon as an element matching `selector` is within
 * NEAR_MARGIN of the viewport or receives focus; at once where
 * IntersectionObserver is missing. Does nothing when no element matches.
 */
export function loadWhenNear(selector: string, load: () => Promise<unknown>): void {
  const elements = [...document.querySelectorAll(selector)];
  if (elements.length === 0) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    for (const element of elements) element.removeEventListener('focusin', start);
    void load();
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
  for (const element of elements) {
    observer.observe(element);
    element.addEventListener('focusin', start);
  }
}
