/** Small DOM helpers for the timeline: elements built from text, never from HTML strings. */

/** The SVG namespace, for elements created by script. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element with a class and text content. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An SVG element with attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** Sets an attribute only when its value changes (cheap when nothing moved). */
export function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Adds or removes a boolean data attribute / attribute with a value. */
export function toggleAttr(node: Element, name: string, on: boolean, value = ''): void {
  if (on) {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  } else if (node.hasAttribute(name)) {
    node.removeAttribute(name);
  }
}

/** Whether the reader asked for less motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
