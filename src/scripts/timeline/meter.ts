/**
 * Text widths as the browser draws them, from a canvas in the drawing's own font, so labels
 * re-laid under zoom never collide even where the build-time estimate (lib/text) is off. Falls
 * back to the estimate when there is no canvas.
 */
import { measureText, truncateText } from '../../lib/text/measure.ts';

/** Measures and shortens text at one font size. */
export interface TextMeter {
  width(text: string): number;
  /** `text` shortened with an ellipsis to at most `max` px (unchanged when it fits). */
  truncate(text: string, max: number): string;
}

const ELLIPSIS = '…';

/** A meter for text of `fontSize` px in the font of `element`. */
export function createMeter(element: Element, fontSize: number): TextMeter {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) {
    return {
      width: (text) => measureText(text, fontSize),
      truncate: (text, max) => truncateText(text, fontSize, max),
    };
  }
  context.font = `${fontSize}px ${getComputedStyle(element).fontFamily}`;
  const widths = new Map<string, number>();
  const width = (text: string) => {
    let known = widths.get(text);
    if (known === undefined) {
      known = context.measureText(text).width;
      widths.set(text, known);
    }
    return known;
  };
  return {
    width,
    truncate(text, max) {
      if (context.measureText(text).width <= max) return text;
      const chars = [...text];
      const fits = (n: number) =>
        context.measureText(chars.slice(0, n).join('').trimEnd() + ELLIPSIS).width <= max;
      // The longest prefix that fits with its ellipsis: binary search over the characters.
      let lo = 0;
      let hi = chars.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(mid)) lo = mid;
        else hi = mid - 1;
      }
      return lo === 0 ? '' : chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
    },
  };
}
