import { describe, expect, test } from 'vitest';
import {
  ALL_GROUP,
  type BoxedEvent,
  type GroupNames,
  groupsOf,
  listGroups,
  NO_ACTOR_GROUP,
  type PlacedMark,
  packGroups,
} from './groups.ts';
import { boxExtent, laneBox, type PackOptions } from './lanes.ts';

const NAMES: GroupNames = {
  kinds: [
    { key: 'statement', label: 'Statement' },
    { key: 'meeting', label: 'Meeting' },
    { key: 'other', label: 'Other' },
  ],
  actors: { north: 'Northland', south: 'Southland', board: 'Harbour Board' },
};
const OPTIONS: PackOptions = { maxLanes: 3, gap: 10, minLabelWidth: 30 };

/** An event at `x` px whose label wants `label` px. */
function boxed(id: string, x: number, kind: string, actors: string[], label = 80): BoxedEvent {
  return { id, kind, actors, box: laneBox([x - 5, x + 5], [x - 5, x + 5], label, 1000, 6) };
}

const EVENTS = [
  boxed('a', 100, 'meeting', ['north', 'south']),
  boxed('b', 120, 'statement', ['south']),
  boxed('c', 140, 'meeting', ['north']),
  boxed('d', 400, 'other', []),
  boxed('e', 150, 'statement', ['south', 'board']),
];

/** Whether two placed marks (with their labels) overlap in px. */
function collide(events: readonly BoxedEvent[], a: PlacedMark, b: PlacedMark): boolean {
  const box = (m: PlacedMark) =>
    boxExtent((events.find((e) => e.id === m.id) as BoxedEvent).box, m.side, m.labelWidth);
  const [a0, a1] = box(a);
  const [b0, b1] = box(b);
  return a0 < b1 && b0 < a1;
}

describe('groupsOf', () => {
  test('puts an event in one band by kind and in each of its actors by actor', () => {
    expect(groupsOf(EVENTS[0] as BoxedEvent, 'none')).toEqual([ALL_GROUP]);
    expect(groupsOf(EVENTS[0] as BoxedEvent, 'kind')).toEqual(['meeting']);
    expect(groupsOf(EVENTS[0] as BoxedEvent, 'actor')).toEqual(['north', 'south']);
    expect(groupsOf(EVENTS[3] as BoxedEvent, 'actor')).toEqual([NO_ACTOR_GROUP]);
  });
});

describe('listGroups', () => {
  test('orders kinds as given and leaves out empty ones', () => {
    expect(listGroups(EVENTS, 'kind', NAMES).map((g) => g.key)).toEqual([
      'statement',
      'meeting',
      'other',
    ]);
  });

  test('orders actors by number of events, then name, with the actorless last', () => {
    expect(listGroups(EVENTS, 'actor', NAMES)).toEqual([
      { key: 'south', label: 'Southland' },
      { key: 'north', label: 'Northland' },
      { key: 'board', label: 'Harbour Board' },
      { key: NO_ACTOR_GROUP, label: 'No actor named' },
    ]);
  });

  test('has one unlabelled band when not grouped, and none without events', () => {
    expect(listGroups(EVENTS, 'none', NAMES)).toEqual([{ key: ALL_GROUP, label: '' }]);
    expect(listGroups([], 'none', NAMES)).toEqual([]);
  });
});

describe('packGroups', () => {
  test('gives each band its own lanes, stacked in band order', () => {
    const { bands, marks } = packGroups(EVENTS, 'kind', NAMES, OPTIONS);
    expect(bands.map((b) => [b.key, b.firstLane])).toEqual([
      ['statement', 0],
      ['meeting', bands[0]?.laneCount],
      ['other', (bands[0]?.laneCount ?? 0) + (bands[1]?.laneCount ?? 0)],
    ]);
    for (const mark of marks) {
      const band = bands.find((b) => b.key === mark.group);
      expect(band).toBeDefined();
      expect(mark.lane).toBeGreaterThanOrEqual(band?.firstLane ?? -1);
      expect(mark.lane).toBeLessThan((band?.firstLane ?? 0) + (band?.laneCount ?? 0));
    }
  });

  test('never lets two marks with their labels overlap in a lane', () => {
    for (const by of ['none', 'kind', 'actor'] as const) {
      const { marks } = packGroups(EVENTS, by, NAMES, OPTIONS);
      for (const a of marks) {
        for (const b of marks) {
          if (a !== b && a.lane === b.lane && a.labelWidth > 0 && b.labelWidth > 0) {
            expect(collide(EVENTS, a, b)).toBe(false);
          }
        }
      }
    }
  });

  test('shows an event in each of its actors’ bands, its own first and echoes after', () => {
    const { marks } = packGroups(EVENTS, 'actor', NAMES, OPTIONS);
    const ofA = marks.filter((m) => m.id === 'a');
    expect(ofA.map((m) => [m.group, m.echo]).sort()).toEqual([
      ['north', false],
      ['south', true],
    ]);
    expect(marks.filter((m) => !m.echo).map((m) => m.id)).toHaveLength(EVENTS.length);
    expect(marks).toHaveLength(7);
  });

  test('caps lanes per band', () => {
    const crowded = Array.from({ length: 12 }, (_, i) => boxed(`x${i}`, 100 + i, 'meeting', []));
    const { bands } = packGroups(crowded, 'kind', NAMES, { ...OPTIONS, maxLanes: 2 });
    expect(bands).toHaveLength(1);
    expect(bands[0]?.laneCount).toBe(2);
  });
});
