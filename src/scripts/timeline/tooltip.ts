/** The hover/focus tooltip of a timeline event: date as authored, title, actors, evidence. */
import type { TimelineEventData, TimelinePayload } from '../../lib/timeline/payload.ts';
import { authorText, element } from './dom.ts';

/** Space in px between the mark and the tooltip, and from the container's edges. */
const OFFSET = 10;
/** Evidence quotes shown in a tooltip; the details panel shows them all. */
const MAX_QUOTES = 1;

/** A tooltip that can be shown beside a mark and hidden. */
export interface Tooltip {
  show(event: TimelineEventData, anchor: DOMRect): void;
  hide(): void;
}

/** Fills `node` with an event's summary. */
function fill(node: HTMLElement, event: TimelineEventData, payload: TimelinePayload): void {
  const kind = payload.kinds.find((k) => k.key === event.kind)?.label ?? event.kind;
  const parts: HTMLElement[] = [
    element('p', 'tip-when', `${event.when} · ${kind}`),
    authorText('p', event.title, 'tip-title'),
  ];
  if (event.actors.length > 0) {
    // Each name isolated: a right-to-left one must not pull the commas around it.
    const actors = element('p', 'tip-actors', 'Involved: ');
    event.actors.forEach((id, i) => {
      if (i > 0) actors.append(', ');
      actors.append(authorText('span', payload.actors[id]?.name ?? id));
    });
    parts.push(actors);
  }
  for (const evidence of event.evidence.slice(0, MAX_QUOTES)) {
    const quote = element('blockquote');
    quote.append('“', authorText('span', evidence.quote), '”');
    parts.push(quote);
  }
  node.replaceChildren(...parts);
}

/** A tooltip in `node`, positioned inside `container` (its offset parent). */
export function createTooltip(
  node: HTMLElement,
  container: HTMLElement,
  payload: TimelinePayload,
): Tooltip {
  return {
    show(event, anchor) {
      fill(node, event, payload);
      node.hidden = false;
      const box = container.getBoundingClientRect();
      const width = node.offsetWidth;
      const height = node.offsetHeight;
      const centre = anchor.left + anchor.width / 2 - box.left;
      const left = Math.min(Math.max(OFFSET, centre - width / 2), box.width - width - OFFSET);
      const above = anchor.top - box.top - height - OFFSET;
      const top = above >= 0 ? above : anchor.bottom - box.top + OFFSET;
      node.style.left = `${Math.max(0, left)}px`;
      node.style.top = `${top}px`;
    },
    hide() {
      node.hidden = true;
    },
  };
}
