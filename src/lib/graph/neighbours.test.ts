import { describe, expect, test } from 'vitest';
import { actor, relation } from './fixtures.ts';
import { egoNetwork, neighbourhood } from './neighbours.ts';

// alpha — beta — gamma — delta, plus alpha → alpha and beta → delta; epsilon alone.
const actors = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((id) => actor(id, id));
const relations = [
  relation('ab', 'alpha', 'beta', 'presses'),
  relation('cb', 'gamma', 'beta', 'quotes'),
  relation('cd', 'gamma', 'delta', 'allies'),
  relation('aa', 'alpha', 'alpha', 'quotes'),
  relation('bd', 'beta', 'delta', 'heads'),
];

describe('neighbourhood', () => {
  test('collects neighbours in both directions', () => {
    const n = neighbourhood(relations, 'beta');
    expect([...n.actors].sort()).toEqual(['alpha', 'delta', 'gamma']);
    expect([...n.relations].sort()).toEqual(['ab', 'bd', 'cb']);
  });

  test('counts a self-relation but not the actor as its own neighbour', () => {
    const n = neighbourhood(relations, 'alpha');
    expect([...n.actors]).toEqual(['beta']);
    expect([...n.relations].sort()).toEqual(['aa', 'ab']);
  });

  test('is empty for an actor without relations', () => {
    const n = neighbourhood(relations, 'epsilon');
    expect(n.actors.size).toBe(0);
    expect(n.relations.size).toBe(0);
  });
});

describe('egoNetwork', () => {
  const story = { actors, relations };

  test('keeps direct neighbours and the ties among them at depth 1', () => {
    const ego = egoNetwork(story, 'alpha');
    expect(ego.actors.map((a) => a.id)).toEqual(['alpha', 'beta']);
    expect(ego.relations.map((r) => r.id)).toEqual(['ab', 'aa']);
  });

  test('includes ties between neighbours', () => {
    const ego = egoNetwork(story, 'gamma');
    expect(ego.actors.map((a) => a.id)).toEqual(['beta', 'gamma', 'delta']);
    expect(ego.relations.map((r) => r.id)).toEqual(['cb', 'cd', 'bd']);
  });

  test('reaches further with a larger depth', () => {
    const ego = egoNetwork(story, 'alpha', 2);
    expect(ego.actors.map((a) => a.id)).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(ego.relations).toHaveLength(5);
  });

  test('is just the actor at depth 0', () => {
    const ego = egoNetwork(story, 'alpha', 0);
    expect(ego.actors.map((a) => a.id)).toEqual(['alpha']);
    expect(ego.relations.map((r) => r.id)).toEqual(['aa']);
  });

  test('is the lone actor when it has no relations', () => {
    const ego = egoNetwork(story, 'epsilon');
    expect(ego.actors.map((a) => a.id)).toEqual(['epsilon']);
    expect(ego.relations).toEqual([]);
  });

  test('is empty for an unknown actor', () => {
    expect(egoNetwork(story, 'omega')).toEqual({ actors: [], relations: [] });
  });

  test('ignores relations to actors that are not in the input', () => {
    const ego = egoNetwork(
      { actors, relations: [...relations, relation('ax', 'alpha', 'omega', 'quotes')] },
      'alpha',
    );
    expect(ego.actors.map((a) => a.id)).toEqual(['alpha', 'beta']);
    expect(ego.relations.map((r) => r.id)).not.toContain('ax');
  });
});
