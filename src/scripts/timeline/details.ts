/** The details panel of the selected event: what the tooltip says, with links and all evidence. */
import type { TimelineEventData, TimelinePayload } from '../../lib/timeline/payload.ts';
import { authorText, element } from './dom.ts';

/** What the panel's buttons do. */
export interface DetailsActions {
  close(): void;
  showInList(event: TimelineEventData): void;
}

/** Shows `event` in `panel`, or hides the panel when there is none. */
export function renderDetails(
  panel: HTMLElement,
  event: TimelineEventData | undefined,
  payload: TimelinePayload,
  actions: DetailsActions,
): void {
  if (!event) {
    panel.hidden = true;
    panel.replaceChildren();
    panel.removeAttribute('data-kind');
    return;
  }
  const head = element('div', 'details-head');
  const title = authorText('p', event.title, 'details-title');
  const close = element('button', 'details-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close details');
  close.addEventListener('click', () => actions.close());
  head.append(title, close);

  const meta = element('p', 'details-meta', event.when);
  const kind = payload.kinds.find((k) => k.key === event.kind)?.label ?? event.kind;
  meta.append(element('span', 'details-kind', kind));
  const parts: HTMLElement[] = [head, meta];

  if (event.actors.length > 0) {
    const actors = element('p', 'details-actors', 'Involved: ');
    event.actors.forEach((id, i) => {
      if (i > 0) actors.append(', ');
      const actor = payload.actors[id];
      if (!actor) {
        actors.append(authorText('span', id));
        return;
      }
      const link = authorText('a', actor.name);
      link.href = actor.href;
      actors.append(link);
    });
    parts.push(actors);
  }
  for (const evidence of event.evidence) {
    const quote = element('blockquote');
    const source = element('p', 'source', '— ');
    source.append(authorText('span', evidence.source));
    quote.append(authorText('p', evidence.quote), source);
    parts.push(quote);
  }
  const list = document.getElementById(event.anchor);
  if (list) {
    const more = element('button', 'details-more', 'Show in the list of events');
    more.type = 'button';
    more.addEventListener('click', () => actions.showInList(event));
    parts.push(more);
  }
  panel.replaceChildren(...parts);
  panel.dataset.kind = event.kind;
  panel.hidden = false;
}
