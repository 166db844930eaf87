/**
 * The diagram's search box: a combobox (WAI-ARIA pattern, list autocomplete)
 * over actor names and aliases, accents optional. Arrow keys move through
 * the results, Enter or a click chooses, Escape closes.
 */
import { MAX_RESULTS, type SearchEntry, searchActors } from '../../lib/graph/interaction/search.ts';
import { el } from './dom.ts';

/** Wires the search box; `choose` is called with the chosen actor's id. */
export function setUpSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  entries: readonly SearchEntry[],
  choose: (id: string) => void,
): void {
  let ids: string[] = [];
  let active = -1;
  const optionId = (i: number) => `${list.id}-${i}`;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((option, k) => {
      option.setAttribute('aria-selected', String(k === i));
      if (k === i) option.scrollIntoView({ block: 'nearest' });
    });
    if (i >= 0) input.setAttribute('aria-activedescendant', optionId(i));
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    const id = ids[i];
    const entry = entries.find((e) => e.id === id);
    if (!id || !entry) return;
    input.value = entry.name;
    close();
    choose(id);
  };
  const update = () => {
    const hits = searchActors(entries, input.value, MAX_RESULTS);
    ids = hits.map((h) => h.id);
    active = -1;
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const option = el(
          'li',
          { id: optionId(i), role: 'option', 'aria-selected': 'false' },
          el('span', { dir: 'auto' }, hit.name),
          hit.alias &&
            el('span', { class: 'alias' }, ' (', el('span', { dir: 'auto' }, hit.alias), ')'),
        );
        // Keep focus in the box while the pointer chooses.
        option.addEventListener('pointerdown', (event) => event.preventDefault());
        option.addEventListener('click', () => pick(i));
        return option;
      }),
    );
    if (hits.length === 0 && input.value.trim() !== '') {
      list.append(el('li', { class: 'empty', 'aria-disabled': 'true' }, 'No actor by that name'));
    }
    const open = list.childElementCount > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) update();
      if (ids.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + ids.length) % ids.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (ids.length > 0) pick(Math.max(active, 0));
    } else if (event.key === 'Escape') {
      // Closing the list is all Escape does here; the diagram must not clear the selection too.
      event.stopPropagation();
      if (!list.hidden) close();
      else input.value = '';
    }
  });
}
