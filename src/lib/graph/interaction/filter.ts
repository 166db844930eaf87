/**
 * What the diagram hides: relations of a hidden kind or category, actors of
 * a hidden kind (and their relations), and relations not active in the time
 * window. Pure; runs in the browser.
 */
import type { Interval } from '../../dates/compare.ts';
import { isActiveIn, type ViewState } from '../../view/state.ts';

/** An edge as the filters see it: `since` is the start of its first day, `until` the end of its last, epoch ms. */
export interface FilterEdge {
  id: string;
  from: string;
  to: string;
  kind: string;
  category: string;
  since?: number;
  until?: number;
}

/** A node as the filters see it. */
export interface FilterNode {
  id: string;
  kind: string;
}

/** Ids the diagram marks `data-filtered`. */
export interface Filtered {
  actors: Set<string>;
  relations: Set<string>;
}

/** Whether an edge is active at some time in `window` (undated sides are open, so undated edges always are). */
export function isEdgeActive(edge: Pick<FilterEdge, 'since' | 'until'>, window: Interval): boolean {
  return isActiveIn(
    {
      ...(edge.since === undefined ? {} : { since: { start: edge.since } }),
      ...(edge.until === undefined ? {} : { until: { end: edge.until } }),
    },
    window,
  );
}

/** The actors and relations a view hides; `window` is the view's time window (see `viewWindow`). */
export function filteredIds(
  graph: { nodes: readonly FilterNode[]; edges: readonly FilterEdge[] },
  view: Pick<ViewState, 'hiddenKinds' | 'hiddenCategories' | 'hiddenActorKinds'>,
  window?: Interval,
): Filtered {
  const hiddenActorKinds = new Set(view.hiddenActorKinds);
  const actors = new Set(graph.nodes.filter((n) => hiddenActorKinds.has(n.kind)).map((n) => n.id));
  const hiddenKinds = new Set(view.hiddenKinds);
  const hiddenCategories = new Set(view.hiddenCategories);
  const relations = new Set<string>();
  for (const e of graph.edges) {
    if (
      hiddenKinds.has(e.kind) ||
      hiddenCategories.has(e.category) ||
      actors.has(e.from) ||
      actors.has(e.to) ||
      (window !== undefined && !isEdgeActive(e, window))
    ) {
      relations.add(e.id);
    }
  }
  return { actors, relations };
}

/** `list` with `value` added, or removed when present; sorted, as the URL writes it. */
export function toggleValue(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value].sort();
}
