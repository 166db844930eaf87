import { describe, expect, test } from 'vitest';
import { directionOfKey, nodeInDirection, type PlacedNode, tabOrder } from './direction.ts';

//   a(0,0)      b(100,0)
//   c(0,100)    d(100,10)   e(30,-200)
const nodes: PlacedNode[] = [
  { id: 'a', x: 0, y: 0 },
  { id: 'b', x: 100, y: 0 },
  { id: 'c', x: 0, y: 100 },
  { id: 'd', x: 100, y: 10 },
  { id: 'e', x: 30, y: -200 },
];
const a = nodes[0] as PlacedNode;

describe('nodeInDirection', () => {
  test('goes to the nearest node along the arrow', () => {
    expect(nodeInDirection(a, nodes, 'right')).toBe('b');
    expect(nodeInDirection(a, nodes, 'down')).toBe('c');
    expect(nodeInDirection(a, nodes, 'up')).toBe('e');
  });

  test('prefers a node within 45° of the arrow to a nearer one off to the side', () => {
    const from = { id: 'o', x: 0, y: 0 };
    const side = { id: 'side', x: 10, y: 40 };
    const ahead = { id: 'ahead', x: 90, y: 5 };
    expect(nodeInDirection(from, [from, side, ahead], 'right')).toBe('ahead');
  });

  test('falls back to the half-plane when nothing is within 45°', () => {
    const from = { id: 'o', x: 0, y: 0 };
    const side = { id: 'side', x: 10, y: 40 };
    expect(nodeInDirection(from, [from, side], 'right')).toBe('side');
  });

  test('returns undefined when nothing lies that way', () => {
    expect(nodeInDirection(a, nodes, 'left')).toBeUndefined();
    expect(nodeInDirection(a, [a], 'right')).toBeUndefined();
  });
});

describe('directionOfKey', () => {
  test('maps arrow keys and ignores others', () => {
    expect(directionOfKey('ArrowUp')).toBe('up');
    expect(directionOfKey('ArrowLeft')).toBe('left');
    expect(directionOfKey('Enter')).toBeUndefined();
  });
});

describe('tabOrder', () => {
  test('orders left to right, then top to bottom', () => {
    expect(tabOrder(nodes).map((n) => n.id)).toEqual(['a', 'c', 'e', 'b', 'd']);
  });
});
