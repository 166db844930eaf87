/**
 * The shared view state of a page with a diagram and a timeline: what is
 * selected, the time window and the filters. It lives in the URL hash, e.g.
 * `#actor=japan&from=2022-01&to=2022-02-05`, so a view can be shared, and
 * both views read and write it through one store in the browser.
 */
import { type Interval, parseDate } from '../dates/index.ts';
import type { PartialDate } from '../dates/types.ts';

/** What the reader is looking at. Ids are entry ids; dates are as authored (any precision). */
export interface ViewState {
  /** Selected actor id. */
  actor?: string;
  /** Selected event id. */
  event?: string;
  /** Selected relation id. */
  relation?: string;
  /** Start of the time window, a date in any authored form. */
  from?: string;
  /** End of the time window (inclusive of its whole precision: `2022-02` runs to the end of February). */
  to?: string;
  /** Relation kind ids hidden by the legend. */
  hiddenKinds: string[];
  /** Relation categories hidden by the legend. */
  hiddenCategories: string[];
  /** Actor kinds hidden by the legend. */
  hiddenActorKinds: string[];
}

/** The empty view. */
export const EMPTY_VIEW: ViewState = {
  hiddenKinds: [],
  hiddenCategories: [],
  hiddenActorKinds: [],
};

const SINGLE_KEYS = ['actor', 'event', 'relation', 'from', 'to'] as const;
const LIST_KEYS = {
  hide: 'hiddenKinds',
  hidecat: 'hiddenCategories',
  hideactor: 'hiddenActorKinds',
} as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads a URL hash (with or without `#`). Unknown keys and malformed values are ignored, never thrown on. */
export function parseViewHash(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewState = { hiddenKinds: [], hiddenCategories: [], hiddenActorKinds: [] };
  for (const key of SINGLE_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    const valid = key === 'from' || key === 'to' ? parseDate(value).ok : ID.test(value);
    if (valid) state[key] = value;
  }
  for (const [param, field] of Object.entries(LIST_KEYS)) {
    const value = params.get(param);
    if (value) state[field] = [...new Set(value.split(',').filter((v) => ID.test(v)))].sort();
  }
  return state;
}

/** Writes a view as a URL hash (`''` for the empty view); keys in a fixed order so equal views give equal URLs. */
export function formatViewHash(state: ViewState): string {
  const parts: string[] = [];
  for (const key of SINGLE_KEYS) {
    const value = state[key];
    if (value) parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  for (const [param, field] of Object.entries(LIST_KEYS)) {
    const values = state[field];
    if (values.length > 0) parts.push(`${param}=${[...values].sort().join(',')}`);
  }
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}

/** Whether two views are the same. */
export function sameView(a: ViewState, b: ViewState): boolean {
  return formatViewHash(a) === formatViewHash(b);
}

/** The time window of a view in epoch ms (`from`'s start to `to`'s end), or undefined when it has none. */
export function viewWindow(state: Pick<ViewState, 'from' | 'to'>): Interval | undefined {
  const from = state.from ? parseDate(state.from) : undefined;
  const to = state.to ? parseDate(state.to) : undefined;
  if (!from?.ok && !to?.ok) return undefined;
  return {
    start: from?.ok ? from.date.start : Number.NEGATIVE_INFINITY,
    end: to?.ok ? to.date.end : Number.POSITIVE_INFINITY,
  };
}

/**
 * Whether a relation is active at some time in `window`, with precision:
 * `since: 2022-02` is active from the first of February, `until: 2022-02` to
 * its last day. Undated sides are open; an undated relation is always active.
 */
export function isActiveIn(
  dates: { since?: Pick<PartialDate, 'start'>; until?: Pick<PartialDate, 'end'> },
  window: Interval,
): boolean {
  const start = dates.since?.start ?? Number.NEGATIVE_INFINITY;
  const end = dates.until?.end ?? Number.POSITIVE_INFINITY;
  return start < window.end && window.start < end;
}
