/**
 * Keyboard movement between the diagram's nodes: which node an arrow key
 * goes to, and the order Tab visits them in. Pure; runs in the browser.
 */

/** A node's id and where it is drawn. */
export interface PlacedNode {
  id: string;
  x: number;
  y: number;
}

/** The four arrow keys. */
export type Direction = 'left' | 'right' | 'up' | 'down';

const STEP: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/** The arrow key's direction, or undefined for any other key. */
export function directionOfKey(key: string): Direction | undefined {
  const map: Record<string, Direction> = {
    ArrowLeft: 'left',
    ArrowRight: 'right',
    ArrowUp: 'up',
    ArrowDown: 'down',
  };
  return map[key];
}

/**
 * The node an arrow key moves to from `from`: the nearest node in the
 * arrow's half-plane, preferring those within 45° of the arrow (so → on a
 * row goes along the row, not to a node just below). Undefined when nothing
 * lies that way.
 */
export function nodeInDirection(
  from: PlacedNode,
  nodes: readonly PlacedNode[],
  direction: Direction,
): string | undefined {
  const step = STEP[direction];
  let best: { id: string; inCone: boolean; distance: number } | undefined;
  for (const node of nodes) {
    if (node.id === from.id) continue;
    const dx = node.x - from.x;
    const dy = node.y - from.y;
    const along = dx * step.x + dy * step.y;
    if (along <= 0) continue;
    const across = Math.abs(dx * step.y - dy * step.x);
    const candidate = { id: node.id, inCone: across <= along, distance: Math.hypot(dx, dy) };
    if (
      !best ||
      (candidate.inCone && !best.inCone) ||
      (candidate.inCone === best.inCone && candidate.distance < best.distance)
    ) {
      best = candidate;
    }
  }
  return best?.id;
}

/** Nodes in Tab order: left to right, then top to bottom; ties by id so the order is stable. */
export function tabOrder<T extends PlacedNode>(nodes: readonly T[]): T[] {
  return [...nodes].sort(
    (a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
