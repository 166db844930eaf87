/** Tiny DOM builders for the diagram's client code (the timeline shares flag and prefersReducedMotion): elements from createElement and text from textContent, never HTML strings. */

/** Attributes to set; `undefined` and `false` leave one out, `true` sets it empty. */
export type Attributes = Record<string, string | number | boolean | undefined>;

/** A child: an element, or text (set as a text node, so it is never parsed as HTML). */
export type Child = Node | string | undefined | false;

/** An HTML element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Sets or removes an attribute: present (empty, or `value`) when `on`, absent otherwise. */
export function flag(element: Element, name: string, on: boolean, value = ''): void {
  if (on) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  } else if (element.hasAttribute(name)) {
    element.removeAttribute(name);
  }
}

/** Whether the reader asked for less motion; read each time, since it can change while the page is open. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The elements among `items`, dropping the left-out ones. */
export function present(...items: (HTMLElement | undefined | false)[]): HTMLElement[] {
  return items.filter((item): item is HTMLElement => item instanceof HTMLElement);
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Attributes that identify an element to scripts and tests: left off copies drawn over the diagram, so that queries find only the originals. */
export const IDENTIFYING: ReadonlySet<string> = new Set(['data-actor', 'data-relation', 'id']);

/** Copies every attribute of `from` onto `to` except those named in `skip`. */
export function copyAttributes(
  from: Element,
  to: Element,
  skip: ReadonlySet<string> = IDENTIFYING,
): void {
  for (const { name, value } of from.attributes) {
    if (!skip.has(name)) to.setAttribute(name, value);
  }
}

/** A new SVG group with `from`'s attributes (its state, its scoped styles), those in `skip` left off. */
export function groupLike(from: Element, skip: ReadonlySet<string> = IDENTIFYING): SVGGElement {
  const group = document.createElementNS(SVG_NS, 'g');
  copyAttributes(from, group, skip);
  return group;
}
