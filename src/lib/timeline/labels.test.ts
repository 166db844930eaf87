import { describe, expect, test } from 'vitest';
import { type FitOptions, type FittedLabel, fitLabels, type LabelRequest } from './labels.ts';

const OPTIONS: FitOptions = { gap: 10, edge: 6, minWidth: 36 };

function point(lane: number, x: number, wanted: number): LabelRequest {
  return { lane, markStart: x - 5, markEnd: x + 5, wanted };
}

/** `[start, end]` of a placed label. */
function extent(label: FittedLabel): [number, number] {
  return label.side === 'right'
    ? [label.x, label.x + label.width]
    : [label.x - label.width, label.x];
}

function expectNoOverlap(requests: LabelRequest[], labels: FittedLabel[], view: [number, number]) {
  labels.forEach((a, i) => {
    if (a.width === 0) return;
    const [a0, a1] = extent(a);
    expect(a0).toBeGreaterThanOrEqual(view[0] + OPTIONS.edge - 1e-9);
    expect(a1).toBeLessThanOrEqual(view[1] - OPTIONS.edge + 1e-9);
    labels.forEach((b, j) => {
      if (j <= i || b.width === 0 || requests[i]?.lane !== requests[j]?.lane) return;
      const [b0, b1] = extent(b);
      expect(a1 + OPTIONS.gap <= b0 || b1 + OPTIONS.gap <= a0).toBe(true);
    });
  });
}

describe('fitLabels', () => {
  test('runs labels right at full width when there is room', () => {
    const requests = [point(0, 100, 80), point(0, 300, 80), point(1, 110, 80)];
    const labels = fitLabels(requests, [0, 1000], OPTIONS);
    expect(labels.map((l) => [l.side, l.x, l.width])).toEqual([
      ['right', 95, 80],
      ['right', 295, 80],
      ['right', 105, 80],
    ]);
  });

  test('runs a label left when the next mark is close but there is room behind', () => {
    const requests = [point(0, 100, 40), point(0, 300, 150), point(0, 360, 40)];
    const labels = fitLabels(requests, [0, 1000], OPTIONS);
    expect(labels[1]).toEqual({ side: 'left', x: 305, width: 150 });
    expectNoOverlap(requests, labels, [0, 1000]);
  });

  test('shortens or drops labels in a crowded lane, never overlapping', () => {
    const requests = Array.from({ length: 40 }, (_, i) =>
      point(i % 3, 20 + i * 23, 60 + (i % 5) * 30),
    );
    const view: [number, number] = [0, 1000];
    const labels = fitLabels(requests, view, OPTIONS);
    expectNoOverlap(requests, labels, view);
    expect(labels.some((l) => l.width > 0 && l.width < 60)).toBe(true);
    expect(labels.every((l) => l.width === 0 || l.width >= OPTIONS.minWidth)).toBe(true);
  });

  test('gives more labels their full width as the view zooms in', () => {
    const at = (k: number) => Array.from({ length: 20 }, (_, i) => point(0, 20 + i * 40 * k, 120));
    const fitted = (k: number) => fitLabels(at(k), [0, 100_000], OPTIONS);
    const total = (k: number) => fitted(k).reduce((sum, l) => sum + l.width, 0);
    expect(total(1)).toBeLessThan(total(2));
    expect(fitted(4).every((l) => l.width === 120)).toBe(true);
  });

  test('labels nothing outside the view and keeps labels inside it', () => {
    const requests = [point(0, -200, 80), point(0, 50, 200), point(0, 990, 80), point(0, 1500, 80)];
    const view: [number, number] = [0, 1000];
    const labels = fitLabels(requests, view, OPTIONS);
    expect(labels[0]?.width).toBe(0);
    expect(labels[3]?.width).toBe(0);
    expect(labels[2]).toEqual({ side: 'left', x: 994, width: 80 });
    expectNoOverlap(requests, labels, view);
  });

  test('shortens a span’s label under the span rather than running it left of its start', () => {
    const span: LabelRequest = {
      lane: 0,
      markStart: 900,
      markEnd: 1100,
      wanted: 200,
      sticky: true,
    };
    const [label] = fitLabels([span], [0, 1000], OPTIONS);
    expect(label).toEqual({ side: 'right', x: 900, width: 94 });
  });

  test('keeps a long span’s label in view when its start scrolls off', () => {
    const span: LabelRequest = {
      lane: 0,
      markStart: -500,
      markEnd: 800,
      wanted: 120,
      sticky: true,
    };
    const [label] = fitLabels([span], [0, 1000], OPTIONS);
    expect(label).toEqual({ side: 'right', x: 6, width: 120 });
  });
});
