/**
 * One view-state store per page, shared by the diagram and the timeline.
 * The URL hash is the source of truth: selections push a history entry (so
 * Back/Forward step through them), windows and filters replace the current one.
 *
 * Browser code normally takes only types from src/lib; the view-state module
 * is the exception on purpose: it is small, pure and must parse URLs exactly
 * as the tests pin it, so it is imported rather than written twice.
 */
import {
  EMPTY_VIEW,
  formatViewHash,
  parseViewHash,
  sameView,
  type ViewState,
} from '../lib/view/state.ts';

/** Called after every change with the new and the previous state. */
export type ViewListener = (state: ViewState, previous: ViewState) => void;

/** How a change is recorded in the browser history. */
export type HistoryMode = 'push' | 'replace';

/** The page's view-state store. */
export interface ViewStore {
  get(): ViewState;
  /** Merges `patch` into the state; `undefined` clears a field. */
  update(patch: Partial<ViewState>, history?: HistoryMode): void;
  subscribe(listener: ViewListener): () => void;
}

const SELECTION_KEYS: (keyof ViewState)[] = ['actor', 'event', 'relation'];

function createStore(): ViewStore {
  let state: ViewState = parseViewHash(location.hash);
  const listeners = new Set<ViewListener>();
  const emit = (previous: ViewState) => {
    for (const listener of listeners) listener(state, previous);
  };
  const fromUrl = () => {
    // A plain in-page anchor (`#event-x`, `#main`) is navigation, not a view: keep the view as it is.
    if (isPlainAnchor(location.hash)) return;
    const next = parseViewHash(location.hash);
    if (sameView(next, state)) return;
    const previous = state;
    state = next;
    emit(previous);
  };
  window.addEventListener('popstate', fromUrl);
  window.addEventListener('hashchange', fromUrl);
  return {
    get: () => state,
    update(patch, history) {
      const next: ViewState = { ...state, ...patch };
      for (const key of Object.keys(patch) as (keyof ViewState)[]) {
        if (patch[key] === undefined) delete next[key];
      }
      if (sameView(next, state)) return;
      const previous = state;
      state = { ...EMPTY_VIEW, ...next };
      const mode = history ?? (SELECTION_KEYS.some((key) => key in patch) ? 'push' : 'replace');
      // The whole current URL with a new hash: a path alone that starts with a doubled slash
      // (`//graph/`, which a server may well serve) would read as another host and throw.
      const url = new URL(location.href);
      url.hash = formatViewHash(state);
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      emit(previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Whether a hash is an ordinary fragment (`#main`) rather than view state (`#actor=japan`). */
function isPlainAnchor(hash: string): boolean {
  return hash.length > 1 && !hash.includes('=');
}

let store: ViewStore | undefined;

/** The store of this page, created on first use. */
export function getViewStore(): ViewStore {
  store ??= createStore();
  return store;
}
