/** Keyboard movement between events in time order. */

/** A key's move: to the next or previous event in time, or the first or last. */
export type StepMove = 'next' | 'previous' | 'first' | 'last';

/** The move of a key (`ArrowRight`, `ArrowLeft`, `Home`, `End`), or undefined for other keys. */
export function moveOfKey(key: string): StepMove | undefined {
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return undefined;
}

/**
 * The event to move to from `current` in `order` (time order), skipping ids `isSkipped` says are
 * hidden. Without a current event, next/previous start at the first/last. At either end the
 * current event stays. Undefined only when every event is skipped.
 */
export function stepEvent(
  order: readonly string[],
  current: string | undefined,
  move: StepMove,
  isSkipped: (id: string) => boolean = () => false,
): string | undefined {
  const visible = (i: number) => i >= 0 && i < order.length && !isSkipped(order[i] as string);
  const scan = (from: number, step: 1 | -1): string | undefined => {
    for (let i = from; i >= 0 && i < order.length; i += step) {
      if (visible(i)) return order[i];
    }
    return undefined;
  };
  const at = current === undefined ? -1 : order.indexOf(current);
  if (move === 'first' || (move === 'next' && at < 0)) return scan(0, 1);
  if (move === 'last' || (move === 'previous' && at < 0)) return scan(order.length - 1, -1);
  const step = move === 'next' ? 1 : -1;
  return scan(at + step, step) ?? (visible(at) ? current : scan(at, -step as 1 | -1));
}
