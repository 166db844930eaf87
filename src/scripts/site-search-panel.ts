/**
 * The search panel behind `<site-search>`, loaded on first use: it loads
 * Pagefind's JS API from the site's own `pagefind/pagefind.js`, searches as
 * the reader types, and renders results as a listbox with createElement and
 * textContent only (Pagefind's excerpts are split, never parsed as HTML).
 * Keys: ArrowDown/ArrowUp choose a result, Enter opens it, Escape closes the
 * list (a second Escape clears the box).
 */
import { type ExcerptPart, moveActive, splitExcerpt } from '../lib/search/excerpt.ts';

/** Results shown at most; Pagefind loads each one's data separately, so fewer is faster. */
const MAX_RESULTS = 8;
/** Milliseconds Pagefind waits after the last key before searching. */
const DEBOUNCE_MS = 150;
/** Words of context around a match in an excerpt. */
const EXCERPT_WORDS = 18;

/** The parts of Pagefind's JS API we use (pagefind/pagefind.js has no types). */
interface PagefindApi {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  debouncedSearch(term: string, options?: object, timeout?: number): Promise<PagefindSearch | null>;
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindData> }[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

/** One row of the list. */
interface SearchHit {
  url: string;
  title: string;
  type: string;
  excerpt: ExcerptPart[];
}

/** Starts the panel for a `<site-search>` root and its input. */
export function startSearchPanel(root: HTMLElement, input: HTMLInputElement): void {
  const list = root.querySelector<HTMLUListElement>('[role="listbox"]');
  const status = root.querySelector<HTMLElement>('[role="status"]');
  if (!list || !status) return;
  const bundle = root.dataset.bundle ?? '/pagefind/pagefind.js';
  const base = root.dataset.base ?? '/';
  let api: Promise<PagefindApi | undefined> | undefined;
  let active = -1;
  let hits: SearchHit[] = [];

  const load = (): Promise<PagefindApi | undefined> => {
    api ??= (async () => {
      try {
        // The bundle is written after the build, next to the pages; Vite must not touch this URL.
        const pagefind = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
        await pagefind.options({ baseUrl: base, excerptLength: EXCERPT_WORDS });
        await pagefind.init();
        return pagefind;
      } catch {
        return undefined;
      }
    })();
    return api;
  };

  const setOpen = (open: boolean) => {
    root.toggleAttribute('data-open', open);
    // A closed list leaves the accessibility tree too; the status line stays to be announced.
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open && hits.length > 0));
    if (!open) setActive(-1);
  };

  const setActive = (index: number) => {
    active = index;
    const options = list.querySelectorAll<HTMLElement>('[role="option"]');
    options.forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
    });
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const render = (query: string) => {
    list.replaceChildren(...hits.map((hit, i) => renderHit(hit, i, list.id)));
    status.textContent = query
      ? hits.length === 0
        ? `No results for “${query}”`
        : `${hits.length === MAX_RESULTS ? 'Top ' : ''}${hits.length} result${hits.length === 1 ? '' : 's'}`
      : '';
    setOpen(query !== '');
    setActive(-1);
  };

  const run = async () => {
    const query = input.value.trim();
    if (!query) {
      hits = [];
      render('');
      return;
    }
    const pagefind = await load();
    if (!pagefind) {
      hits = [];
      render('');
      status.textContent =
        'Search is not available here: it is built with the site (npm run build).';
      root.toggleAttribute('data-open', true);
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, DEBOUNCE_MS);
    // null: a newer query superseded this one; the input has moved on.
    if (!search || input.value.trim() !== query) return;
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    hits = data.map(toHit);
    render(query);
  };

  input.addEventListener('input', () => {
    void run();
  });
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (hits.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive(moveActive(active, hits.length, event.key === 'ArrowDown' ? 1 : -1));
        break;
      case 'Enter': {
        const hit = hits[active] ?? (root.hasAttribute('data-open') ? hits[0] : undefined);
        if (!hit) return;
        event.preventDefault();
        window.location.assign(hit.url);
        break;
      }
      case 'Escape':
        if (root.hasAttribute('data-open')) {
          event.preventDefault();
          setOpen(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          void run();
        } else input.blur();
        break;
    }
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) setOpen(true);
  });
  // Closing when focus leaves the whole box; a click on a result keeps focus inside until it navigates.
  root.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && root.contains(event.relatedTarget)))
      setOpen(false);
  });
  list.addEventListener('mousemove', (event) => {
    const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
    const index = option ? Number(option.getAttribute('data-index')) : -1;
    if (index >= 0 && index !== active) setActive(index);
  });

  void load();
  if (input.value.trim()) void run();
}

/** A result as a row: events come as records of their own, linked to their place on the timeline. */
function toHit(data: PagefindData): SearchHit {
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    type: data.meta.type ?? 'Page',
    excerpt: splitExcerpt(data.excerpt),
  };
}

function renderHit(hit: SearchHit, index: number, listId: string): HTMLLIElement {
  const option = document.createElement('li');
  option.id = `${listId}-${index}`;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.dataset.index = String(index);
  const link = document.createElement('a');
  link.href = hit.url;
  // Reached with the arrow keys through the input, not with Tab.
  link.tabIndex = -1;
  const type = document.createElement('span');
  type.className = 'result-type';
  type.textContent = hit.type;
  const title = document.createElement('span');
  title.className = 'result-title';
  // Author text in any script: its own direction, so a right-to-left title reads in order.
  title.dir = 'auto';
  title.textContent = hit.title;
  const excerpt = document.createElement('span');
  excerpt.className = 'result-excerpt';
  excerpt.dir = 'auto';
  excerpt.append(
    ...hit.excerpt.map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
  link.append(type, title, excerpt);
  option.append(link);
  return option;
}
