import { describe, expect, test } from 'vitest';
import { moveOfKey, stepEvent } from './keyboard.ts';

const ORDER = ['early', 'middle', 'late', 'latest'];

describe('moveOfKey', () => {
  test('maps arrows, Home and End, and nothing else', () => {
    expect(['ArrowRight', 'ArrowLeft', 'Home', 'End', 'Enter'].map(moveOfKey)).toEqual([
      'next',
      'previous',
      'first',
      'last',
      undefined,
    ]);
  });
});

describe('stepEvent', () => {
  test('moves forward and back in time order and stops at the ends', () => {
    expect(stepEvent(ORDER, 'early', 'next')).toBe('middle');
    expect(stepEvent(ORDER, 'late', 'previous')).toBe('middle');
    expect(stepEvent(ORDER, 'latest', 'next')).toBe('latest');
    expect(stepEvent(ORDER, 'early', 'previous')).toBe('early');
  });

  test('jumps to the first and last', () => {
    expect(stepEvent(ORDER, 'middle', 'first')).toBe('early');
    expect(stepEvent(ORDER, 'middle', 'last')).toBe('latest');
  });

  test('starts at the first (next) or last (previous) without a current event', () => {
    expect(stepEvent(ORDER, undefined, 'next')).toBe('early');
    expect(stepEvent(ORDER, undefined, 'previous')).toBe('latest');
    expect(stepEvent(ORDER, 'unknown', 'next')).toBe('early');
  });

  test('skips hidden events, also from a hidden current one', () => {
    const hidden = new Set(['middle', 'latest']);
    const skip = (id: string) => hidden.has(id);
    expect(stepEvent(ORDER, 'early', 'next', skip)).toBe('late');
    expect(stepEvent(ORDER, 'late', 'next', skip)).toBe('late');
    expect(stepEvent(ORDER, undefined, 'last', skip)).toBe('late');
    expect(stepEvent(ORDER, 'middle', 'next', skip)).toBe('late');
    expect(stepEvent(ORDER, 'latest', 'next', skip)).toBe('late');
    expect(stepEvent(ORDER, 'early', 'next', () => true)).toBeUndefined();
  });
});
