/**
 * SVG layers laid over a large diagram (the drag layer, the highlight's
 * layers): each is an SVG of the diagram's size, styled like it, with a `<g>`
 * that the viewport gives the view's transform.
 */

import { SVG_NS } from './dom.ts';

/** A layer over the diagram: its SVG and the `<g>` that carries the view's transform. */
export interface Layer {
  svg: SVGSVGElement;
  world: SVGGElement;
}

/** A new, aria-hidden layer for `diagram` (not yet in the page), with the class `className`. */
export function overlay(diagram: SVGSVGElement, className: string): Layer {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  // Scoped styles (Astro's data-astro-cid-* attribute) apply to the layer as to the diagram.
  for (const { name, value } of diagram.attributes) {
    if (name.startsWith('data-astro-cid')) svg.setAttribute(name, value);
  }
  const world = document.createElementNS(SVG_NS, 'g');
  world.setAttribute(
    'transform',
    diagram.querySelector('g.viewport')?.getAttribute('transform') ?? '',
  );
  svg.append(world);
  return { svg, world };
}

/** Puts `layers` in the page right above the diagram: after the sheet that holds it (Diagram.astro), in the canvas. */
export function placeAbove(diagram: SVGSVGElement, ...layers: SVGSVGElement[]): void {
  (diagram.parentElement ?? diagram).after(...layers);
}

/** Sets `element`'s attribute only when it changes: writing even the same viewBox lays out the whole SVG again. */
export function setChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Gives `svg` the diagram's viewBox and size (the viewBox equals its size in px). */
export function fitToDiagram(svg: SVGSVGElement, diagram: SVGSVGElement): void {
  for (const name of ['viewBox', 'width', 'height']) {
    setChanged(svg, name, diagram.getAttribute(name) ?? '');
  }
}
