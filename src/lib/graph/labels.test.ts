import { describe, expect, test } from 'vitest';
import {
  type LabelCandidate,
  labelAt,
  nodeLabelCandidates,
  placeLabels,
  rectCircleOverlapArea,
  rectIntersectsCircle,
  rectOverlapArea,
  rectsOverlap,
  segmentIntersectsRect,
} from './labels.ts';

const box = { x: 0, y: 0, width: 10, height: 10 };

describe('rectsOverlap', () => {
  test('is true for boxes that share area', () => {
    expect(rectsOverlap(box, { x: 5, y: 5, width: 10, height: 10 })).toBe(true);
  });

  test('is false for boxes that only touch', () => {
    expect(rectsOverlap(box, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
  });

  test('is false for disjoint boxes', () => {
    expect(rectsOverlap(box, { x: 0, y: 20, width: 10, height: 10 })).toBe(false);
  });

  test('is true when one box contains the other', () => {
    expect(rectsOverlap(box, { x: 2, y: 2, width: 2, height: 2 })).toBe(true);
  });
});

describe('rectOverlapArea', () => {
  test('measures the shared area', () => {
    expect(rectOverlapArea(box, { x: 5, y: 8, width: 10, height: 10 })).toBe(10);
  });

  test('is 0 for disjoint boxes', () => {
    expect(rectOverlapArea(box, { x: 11, y: 0, width: 1, height: 1 })).toBe(0);
  });
});

describe('rectIntersectsCircle', () => {
  test('is true when the circle reaches into the box', () => {
    expect(rectIntersectsCircle(box, { x: 14, y: 5, r: 5 })).toBe(true);
  });

  test('is false when only the bounding boxes overlap, near a corner', () => {
    // The circle's bounding box covers the corner (10, 10), but the circle is 1.4 r away from it.
    expect(rectIntersectsCircle(box, { x: 14, y: 14, r: 5 })).toBe(false);
    expect(rectCircleOverlapArea(box, { x: 14, y: 14, r: 5 })).toBe(0);
  });

  test('is true when the circle centre is inside the box', () => {
    expect(rectIntersectsCircle(box, { x: 5, y: 5, r: 1 })).toBe(true);
    expect(rectCircleOverlapArea(box, { x: 5, y: 5, r: 1 })).toBe(4);
  });
});

describe('segmentIntersectsRect', () => {
  test('is true for a segment passing straight through', () => {
    expect(segmentIntersectsRect({ a: { x: -5, y: 5 }, b: { x: 15, y: 5 } }, box)).toBe(true);
  });

  test('is true for a segment ending inside', () => {
    expect(segmentIntersectsRect({ a: { x: -5, y: 5 }, b: { x: 5, y: 5 } }, box)).toBe(true);
  });

  test('is false for a segment that only grazes a corner', () => {
    expect(segmentIntersectsRect({ a: { x: 8, y: -2 }, b: { x: 12, y: 2 } }, box)).toBe(false);
  });

  test('is false for a segment passing beside the box', () => {
    expect(segmentIntersectsRect({ a: { x: -5, y: 12 }, b: { x: 15, y: 30 } }, box)).toBe(false);
  });

  test('is true for a diagonal crossing a corner', () => {
    expect(segmentIntersectsRect({ a: { x: 6, y: -2 }, b: { x: 12, y: 4 } }, box)).toBe(true);
  });
});

describe('labelAt', () => {
  test('puts the box to the right of a start anchor and centres it vertically', () => {
    expect(labelAt(10, 20, 30, 8, 'start').rect).toEqual({ x: 10, y: 16, width: 30, height: 8 });
  });

  test('puts the box to the left of an end anchor', () => {
    expect(labelAt(10, 20, 30, 8, 'end').rect.x).toBe(-20);
  });

  test('centres the box on a middle anchor', () => {
    expect(labelAt(10, 20, 30, 8, 'middle').rect.x).toBe(-5);
  });
});

describe('nodeLabelCandidates', () => {
  const node = { x: 100, y: 100, r: 10 };
  const candidates = nodeLabelCandidates(node, 40, 12, 3);

  test('offers below, above, right and left before the diagonals', () => {
    expect(candidates).toHaveLength(8);
    const [below, above, right, left] = candidates;
    expect(below).toMatchObject({ anchor: 'middle', x: 100, y: 119 });
    expect(above).toMatchObject({ anchor: 'middle', x: 100, y: 81 });
    expect(right).toMatchObject({ anchor: 'start', x: 113, y: 100 });
    expect(left).toMatchObject({ anchor: 'end', x: 87, y: 100 });
  });

  test('never overlaps its own circle', () => {
    for (const c of candidates) expect(rectIntersectsCircle(c.rect, node)).toBe(false);
  });
});

describe('placeLabels', () => {
  const at = (x: number, y: number): LabelCandidate => labelAt(x, y, 10, 10, 'middle');

  test('takes the first candidate when it is free', () => {
    const [chosen] = placeLabels([[at(0, 0), at(50, 0)]], { circles: [] }, { allowOverlap: true });
    expect(chosen).toMatchObject({ x: 0, y: 0 });
  });

  test('moves a label away from one placed before it', () => {
    const result = placeLabels(
      [[at(0, 0)], [at(2, 0), at(30, 0)]],
      { circles: [] },
      { allowOverlap: true },
    );
    expect(result.map((c) => c?.x)).toEqual([0, 30]);
  });

  test('avoids circles', () => {
    const [chosen] = placeLabels(
      [[at(0, 0), at(0, 40)]],
      { circles: [{ x: 3, y: 3, r: 4 }] },
      { allowOverlap: true },
    );
    expect(chosen?.y).toBe(40);
  });

  test('avoids obstacle boxes', () => {
    const [chosen] = placeLabels(
      [[at(0, 0), at(0, 40)]],
      { circles: [], rects: [{ x: -2, y: -2, width: 4, height: 4 }] },
      { allowOverlap: true },
    );
    expect(chosen?.y).toBe(40);
  });

  test('prefers a spot crossed by fewer edge lines', () => {
    const [chosen] = placeLabels(
      [[at(0, 0), at(0, 40)]],
      { circles: [], segments: [{ a: { x: -20, y: 0 }, b: { x: 20, y: 0 } }] },
      { allowOverlap: true },
    );
    expect(chosen?.y).toBe(40);
  });

  test('prefers crossing a line to covering a circle', () => {
    const [chosen] = placeLabels(
      [[at(0, 0), at(0, 40)]],
      {
        circles: [{ x: 0, y: 0, r: 3 }],
        segments: [{ a: { x: -20, y: 40 }, b: { x: 20, y: 40 } }],
      },
      { allowOverlap: true },
    );
    expect(chosen?.y).toBe(40);
  });

  test('keeps the least-bad candidate when overlap is allowed', () => {
    const [chosen] = placeLabels(
      [[at(0, 0), at(8, 0)]],
      { circles: [], rects: [{ x: -10, y: -10, width: 14, height: 20 }] },
      { allowOverlap: true },
    );
    expect(chosen?.x).toBe(8);
  });

  test('gives up on a label with no free candidate when overlap is not allowed', () => {
    const result = placeLabels([[at(0, 0)], [at(1, 1)]], { circles: [] }, { allowOverlap: false });
    expect(result[0]).toBeDefined();
    expect(result[1]).toBeUndefined();
  });

  test('does not let a label it gave up on block later ones', () => {
    const result = placeLabels(
      [[at(0, 0)], [at(8, 0)], [at(16, 0)]],
      { circles: [] },
      { allowOverlap: false },
    );
    expect(result.map((c) => c?.x)).toEqual([0, undefined, 16]);
  });
});
