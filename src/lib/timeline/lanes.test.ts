import { describe, expect, test } from 'vitest';
import {
  boxExtent,
  type LaneBox,
  type LanePlacement,
  type PackOptions,
  packLanes,
  preferredLabel,
} from './lanes.ts';

const OPTIONS: PackOptions = { maxLanes: 3, gap: 10, minLabelWidth: 30 };
const DRAWING = 1000;

/** A mark from `x` to `x + markWidth` whose label wants `label` px, in a drawing `drawing` px wide. */
function box(x: number, label: number, markWidth = 10, drawing = DRAWING): LaneBox {
  return {
    markStart: x,
    markEnd: x + markWidth,
    labelWidth: label,
    right: { anchor: x, room: drawing - x },
    left: { anchor: x + markWidth, room: x + markWidth },
  };
}

/** Label boxes `[start, end]` as finally placed, per lane. */
function labelsByLane(boxes: LaneBox[], placements: LanePlacement[]): Map<number, number[][]> {
  const lanes = new Map<number, number[][]>();
  boxes.forEach((b, i) => {
    const p = placements[i] as LanePlacement;
    if (p.labelWidth === 0) return;
    const anchor = b[p.side].anchor;
    const start = p.side === 'right' ? anchor : anchor - p.labelWidth;
    const list = lanes.get(p.lane) ?? [];
    list.push([start, start + p.labelWidth]);
    lanes.set(p.lane, list);
  });
  return lanes;
}

function expectNoLabelOverlap(boxes: LaneBox[], placements: LanePlacement[]) {
  for (const labels of labelsByLane(boxes, placements).values()) {
    const sorted = [...labels].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]?.[0]).toBeGreaterThanOrEqual(sorted[i - 1]?.[1] ?? 0);
    }
  }
}

describe('boxExtent', () => {
  test('covers the mark and a label running right', () => {
    expect(boxExtent(box(100, 80), 'right', 80)).toEqual([100, 180]);
  });

  test('covers a label running left of its anchor', () => {
    expect(boxExtent(box(100, 80), 'left', 80)).toEqual([30, 110]);
  });
});

describe('preferredLabel', () => {
  test('runs right when the label fits', () => {
    expect(preferredLabel(box(100, 80))).toEqual({ side: 'right', labelWidth: 80 });
  });

  test('runs left near the right edge', () => {
    expect(preferredLabel(box(950, 80))).toEqual({ side: 'left', labelWidth: 80 });
  });

  test('takes the roomier side, shortened, when neither side is wide enough', () => {
    expect(preferredLabel(box(60, 200, 10, 200))).toEqual({ side: 'right', labelWidth: 140 });
    expect(preferredLabel(box(120, 200, 10, 200))).toEqual({ side: 'left', labelWidth: 130 });
  });
});

describe('packLanes', () => {
  test('keeps items in one lane when they do not overlap', () => {
    const placements = packLanes([box(0, 50), box(100, 50), box(200, 50)], OPTIONS);
    expect(placements).toEqual([
      { lane: 0, side: 'right', labelWidth: 50 },
      { lane: 0, side: 'right', labelWidth: 50 },
      { lane: 0, side: 'right', labelWidth: 50 },
    ]);
  });

  test('opens a new lane when a label would run into the next mark', () => {
    const placements = packLanes([box(0, 120), box(100, 50), box(200, 50)], OPTIONS);
    expect(placements.map((p) => p.lane)).toEqual([0, 1, 0]);
  });

  test('uses the first lane with room, not the last one opened', () => {
    const placements = packLanes([box(0, 150), box(20, 40), box(70, 40)], OPTIONS);
    expect(placements.map((p) => p.lane)).toEqual([0, 1, 1]);
  });

  test('keeps the gap between neighbours', () => {
    expect(packLanes([box(0, 50), box(55, 50)], OPTIONS).map((p) => p.lane)).toEqual([0, 1]);
    expect(packLanes([box(0, 50), box(60, 50)], OPTIONS).map((p) => p.lane)).toEqual([0, 0]);
  });

  test('never opens more lanes than the cap and shortens a label instead', () => {
    const boxes = [box(0, 200), box(20, 200), box(40, 200), box(100, 200)];
    const placements = packLanes(boxes, OPTIONS);
    expect(Math.max(...placements.map((p) => p.lane))).toBe(2);
    // The fourth item takes lane 0, whose first label is cut to end before it.
    expect(placements[3]).toEqual({ lane: 0, side: 'right', labelWidth: 200 });
    expect(placements[0]).toEqual({ lane: 0, side: 'right', labelWidth: 90 });
    expectNoLabelOverlap(boxes, placements);
  });

  test('past the cap, turns a label the other way when that keeps more of it', () => {
    const one = { ...OPTIONS, maxLanes: 1 };
    const span = box(0, 100, 215, 300);
    const late = box(250, 100, 10, 300); // 50 px to the right edge, so it would rather run left
    expect(preferredLabel(late).side).toBe('left');
    const placements = packLanes([span, late], one);
    expect(placements[1]).toEqual({ lane: 0, side: 'right', labelWidth: 50 });
    expectNoLabelOverlap([span, late], placements);
  });

  test('past the cap, shrinks a left-running label to start after the lane content', () => {
    const one = { ...OPTIONS, maxLanes: 1 };
    const first = box(0, 100);
    const edge = box(200, 150, 10, 220);
    const placements = packLanes([first, edge], one);
    expect(placements[1]).toEqual({ lane: 0, side: 'left', labelWidth: 100 });
    expectNoLabelOverlap([first, edge], placements);
  });

  test('drops the label of an item that finds no room even by shortening', () => {
    // Four long marks overlap everywhere: the fourth cannot fit beside any of them.
    const boxes = [0, 5, 10, 15].map((x) => box(x, 60, 300));
    const placements = packLanes(boxes, OPTIONS);
    expect(placements.map((p) => p.lane)).toEqual([0, 1, 2, 0]);
    expect(placements[3]?.labelWidth).toBe(0);
    expectNoLabelOverlap(boxes, placements);
  });

  test('keeps labels apart in a crowded, capped timeline', () => {
    const boxes = Array.from({ length: 60 }, (_, i) =>
      box((i * 37) % 400, 40 + ((i * 53) % 120), 10, 420),
    );
    boxes.sort((a, b) => a.markStart - b.markStart);
    const placements = packLanes(boxes, OPTIONS);
    expect(Math.max(...placements.map((p) => p.lane))).toBeLessThan(OPTIONS.maxLanes);
    expect(placements.some((p, i) => p.labelWidth < (boxes[i]?.labelWidth ?? 0))).toBe(true);
    expectNoLabelOverlap(boxes, placements);
  });

  test('is deterministic', () => {
    const boxes = Array.from({ length: 30 }, (_, i) => box((i * 29) % 300, 30 + ((i * 17) % 90)));
    expect(packLanes(boxes, OPTIONS)).toEqual(packLanes(boxes, OPTIONS));
  });

  test('returns nothing for no boxes', () => {
    expect(packLanes([], OPTIONS)).toEqual([]);
  });
});
