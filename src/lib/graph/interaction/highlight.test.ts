import { describe, expect, test } from 'vitest';
import { highlightFor } from './highlight.ts';

const graph = {
  nodeIds: new Set(['north', 'south', 'ada', 'board', 'wire']),
  edges: [
    { id: 'presses', from: 'north', to: 'south' },
    { id: 'trades', from: 'south', to: 'north' },
    { id: 'heads', from: 'ada', to: 'board' },
    { id: 'reports', from: 'wire', to: 'north' },
  ],
  events: [
    { id: 'closed', actors: ['south', 'board'] },
    { id: 'elsewhere', actors: ['someone-else'] },
  ],
};

function ids(set: Set<string> | undefined): string[] {
  return [...(set ?? [])].sort();
}

describe('highlightFor', () => {
  test('highlights nothing when nothing is pointed at or selected', () => {
    expect(highlightFor(graph, {})).toBeUndefined();
    expect(highlightFor(graph, { event: 'elsewhere' })).toBeUndefined();
  });

  test('highlights a hovered actor, its relations and neighbours, ignoring the selection', () => {
    const h = highlightFor(graph, { hover: 'north', actor: 'ada' });
    expect(ids(h?.actors)).toEqual(['north', 'south', 'wire']);
    expect(ids(h?.relations)).toEqual(['presses', 'reports', 'trades']);
  });

  test('highlights a selected relation with its two actors', () => {
    const h = highlightFor(graph, { relation: 'heads' });
    expect(ids(h?.actors)).toEqual(['ada', 'board']);
    expect(ids(h?.relations)).toEqual(['heads']);
  });

  test("highlights a selected event's actors that are in the diagram", () => {
    const h = highlightFor(graph, { event: 'closed' });
    expect(ids(h?.actors)).toEqual(['board', 'south']);
    expect(ids(h?.relations)).toEqual([]);
  });

  test("highlights the relations among a selected event's actors", () => {
    const h = highlightFor(
      { ...graph, events: [{ id: 'talks', actors: ['north', 'south'] }] },
      { event: 'talks' },
    );
    expect(ids(h?.relations)).toEqual(['presses', 'trades']);
  });

  test('joins a selected actor and a selected event', () => {
    const h = highlightFor(graph, { actor: 'ada', event: 'closed' });
    expect(ids(h?.actors)).toEqual(['ada', 'board', 'south']);
  });
});
