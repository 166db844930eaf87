/**
 * Grouping the timeline into bands of lanes, by event kind or by actor, and packing each band.
 * Grouped by actor, an event shows in the band of each of its actors: its own mark in the first,
 * an echo in the others, so every actor's band tells that actor's story.
 */
import { type LaneBox, type LanePlacement, type PackOptions, packLanes } from './lanes.ts';

/** The ways the timeline can be grouped. */
export const GROUPINGS = ['none', 'kind', 'actor'] as const;
/** One way of grouping. */
export type Grouping = (typeof GROUPINGS)[number];

/** Key of the single band when the timeline is not grouped. */
export const ALL_GROUP = 'all';
/** Key of the band of events that name no actor. */
export const NO_ACTOR_GROUP = 'no-actor';

/** What grouping needs to know of an event. */
export interface GroupableEvent {
  id: string;
  kind: string;
  actors: readonly string[];
}

/** A band of the grouped timeline. */
export interface EventGroup {
  key: string;
  label: string;
}

/** Display names for groups: kinds in display order, actor names by id. */
export interface GroupNames {
  kinds: readonly EventGroup[];
  actors: Readonly<Record<string, string>>;
}

/** The groups an event shows in under `by`, its own first. */
export function groupsOf(event: GroupableEvent, by: Grouping): string[] {
  if (by === 'kind') return [event.kind];
  if (by === 'actor')
    return event.actors.length > 0 ? [...new Set(event.actors)] : [NO_ACTOR_GROUP];
  return [ALL_GROUP];
}

/**
 * The bands for `events` under `by`, top to bottom: kinds in their display order; actors with
 * most events first, then by name, and events without actors last. Empty groups are left out.
 */
export function listGroups(
  events: readonly GroupableEvent[],
  by: Grouping,
  names: GroupNames,
): EventGroup[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    for (const key of groupsOf(event, by)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (by === 'none') return counts.size > 0 ? [{ key: ALL_GROUP, label: '' }] : [];
  if (by === 'kind') {
    const known = names.kinds.filter((kind) => counts.has(kind.key));
    const unknown = [...counts.keys()]
      .filter((key) => !names.kinds.some((kind) => kind.key === key))
      .sort()
      .map((key) => ({ key, label: key }));
    return [...known, ...unknown];
  }
  const actors = [...counts.keys()]
    .filter((key) => key !== NO_ACTOR_GROUP)
    .map((key) => ({ key, label: names.actors[key] ?? key }))
    .sort(
      (a, b) =>
        (counts.get(b.key) ?? 0) - (counts.get(a.key) ?? 0) || a.label.localeCompare(b.label, 'en'),
    );
  return counts.has(NO_ACTOR_GROUP)
    ? [...actors, { key: NO_ACTOR_GROUP, label: 'No actor named' }]
    : actors;
}

/** An event's box, to be placed in its band(s). */
export interface BoxedEvent extends GroupableEvent {
  box: LaneBox;
}

/** One band: where its lanes start (counting lanes from the top) and how many it has. */
export interface GroupBand extends EventGroup {
  /** Index of the band in top-to-bottom order. */
  index: number;
  firstLane: number;
  laneCount: number;
}

/** One mark placed: the event, its band, whether it is an echo, and its lane counted from the top. */
export interface PlacedMark extends LanePlacement {
  id: string;
  group: string;
  echo: boolean;
}

/** Bands and marks of a grouped timeline. */
export interface GroupedLanes {
  bands: GroupBand[];
  marks: PlacedMark[];
}

/**
 * Packs `events` (in time order) into lanes band by band: each band gets its own lanes, at most
 * `options.maxLanes` of them, so marks of different bands never share a lane. Returns the bands
 * top to bottom and one placed mark per event and band it shows in (echoes included).
 */
export function packGroups(
  events: readonly BoxedEvent[],
  by: Grouping,
  names: GroupNames,
  options: PackOptions,
): GroupedLanes {
  const groups = listGroups(events, by, names);
  const members = new Map<string, { event: BoxedEvent; echo: boolean }[]>(
    groups.map((group) => [group.key, []]),
  );
  for (const event of events) {
    groupsOf(event, by).forEach((key, i) => {
      members.get(key)?.push({ event, echo: i > 0 });
    });
  }
  const bands: GroupBand[] = [];
  const marks: PlacedMark[] = [];
  let firstLane = 0;
  for (const [index, group] of groups.entries()) {
    const entries = members.get(group.key) ?? [];
    const placements = packLanes(
      entries.map((entry) => entry.event.box),
      options,
    );
    const laneCount = placements.reduce((n, p) => Math.max(n, p.lane + 1), 0);
    bands.push({ ...group, index, firstLane, laneCount });
    entries.forEach((entry, i) => {
      const placement = placements[i] as LanePlacement;
      marks.push({
        ...placement,
        lane: firstLane + placement.lane,
        id: entry.event.id,
        group: group.key,
        echo: entry.echo,
      });
    });
    firstLane += laneCount;
  }
  return { bands, marks };
}
