import { describe, expect, test } from 'vitest';
import { parseDate } from '../../dates/index.ts';
import { EMPTY_VIEW, viewWindow } from '../../view/state.ts';
import { type FilterEdge, filteredIds, isEdgeActive, toggleValue } from './filter.ts';

function start(raw: string): number {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(raw);
  return r.date.start;
}
function end(raw: string): number {
  const r = parseDate(raw);
  if (!r.ok) throw new Error(raw);
  return r.date.end;
}

const nodes = [
  { id: 'north', kind: 'state' },
  { id: 'south', kind: 'state' },
  { id: 'ada', kind: 'person' },
  { id: 'board', kind: 'organization' },
];
const edges: FilterEdge[] = [
  {
    id: 'trades',
    from: 'south',
    to: 'north',
    kind: 'trades-with',
    category: 'cooperation',
    since: start('2030'),
    until: end('2031-04'),
  },
  {
    id: 'presses',
    from: 'north',
    to: 'south',
    kind: 'pressures',
    category: 'pressure',
    since: start('2031-05'),
  },
  { id: 'heads', from: 'ada', to: 'board', kind: 'heads', category: 'structure' },
];

describe('filteredIds', () => {
  test('hides nothing in the empty view', () => {
    const f = filteredIds({ nodes, edges }, EMPTY_VIEW);
    expect([...f.actors]).toEqual([]);
    expect([...f.relations]).toEqual([]);
  });

  test('hides relations of a hidden kind or category', () => {
    expect([
      ...filteredIds({ nodes, edges }, { ...EMPTY_VIEW, hiddenKinds: ['heads'] }).relations,
    ]).toEqual(['heads']);
    expect([
      ...filteredIds(
        { nodes, edges },
        { ...EMPTY_VIEW, hiddenCategories: ['pressure', 'cooperation'] },
      ).relations,
    ]).toEqual(['trades', 'presses']);
  });

  test('hides actors of a hidden kind and every relation touching them', () => {
    const f = filteredIds({ nodes, edges }, { ...EMPTY_VIEW, hiddenActorKinds: ['person'] });
    expect([...f.actors]).toEqual(['ada']);
    expect([...f.relations]).toEqual(['heads']);
  });

  test('hides relations not active in the window and keeps undated ones', () => {
    const window = viewWindow({ from: '2031-05', to: '2031-05' });
    const f = filteredIds({ nodes, edges }, EMPTY_VIEW, window);
    expect([...f.relations]).toEqual(['trades']);
    expect([...f.actors]).toEqual([]);
  });
});

describe('isEdgeActive', () => {
  test('reads since and until at their precision', () => {
    const edge = { since: start('2030'), until: end('2031-04') };
    expect(isEdgeActive(edge, { start: start('2031-04-30'), end: end('2031-04-30') })).toBe(true);
    expect(isEdgeActive(edge, { start: start('2031-05-01'), end: end('2031-06') })).toBe(false);
    expect(isEdgeActive(edge, { start: start('2029'), end: end('2029') })).toBe(false);
    expect(isEdgeActive({}, { start: start('1900'), end: end('1900') })).toBe(true);
  });
});

describe('toggleValue', () => {
  test('adds a missing value in sorted order and removes a present one', () => {
    expect(toggleValue(['b', 'd'], 'c')).toEqual(['b', 'c', 'd']);
    expect(toggleValue(['b', 'c'], 'b')).toEqual(['c']);
  });
});
