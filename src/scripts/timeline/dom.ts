/** Small DOM helpers for the timeline: elements built from text, never from HTML strings. */
import { textDirection } from '../../lib/text/direction.ts';
import { flag } from '../graph/dom.ts';

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

/**
 * An element showing author text, isolated with `dir="auto"` so that a
 * right-to-left name or quote keeps its punctuation in place and does not
 * reorder the text around it.
 */
export function authorText<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = element(tag, className, text);
  node.dir = 'auto';
  return node;
}

/** The opposite text-anchor: what keeps a right-to-left label on the same side of its point. */
const FLIPPED_ANCHOR: Record<string, string> = { start: 'end', end: 'start', middle: 'middle' };

/**
 * Writes author text into an SVG `<text>`, which has no `dir="auto"`: text
 * whose first letter is right to left gets `direction="rtl"` (drawn right to
 * left, punctuation in place). Returns whether it did.
 */
export function setSvgText(node: SVGTextElement, text: string): boolean {
  if (node.textContent !== text) node.textContent = text;
  const rtl = textDirection(text) === 'rtl';
  flag(node, 'direction', rtl, 'rtl');
  return rtl;
}

/** The text-anchor that puts a label on the side `anchor` means for left-to-right text, whatever its direction. */
export function sideAnchor(anchor: string, rtl: boolean): string {
  return rtl ? (FLIPPED_ANCHOR[anchor] ?? anchor) : anchor;
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
