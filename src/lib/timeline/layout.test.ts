import { scaleUtc } from 'd3-scale';
import { describe, expect, test } from 'vitest';
import { parseDate } from '../dates/index.ts';
import type { PartialDate } from '../dates/types.ts';
import type { EventKind, StoryEvent } from '../model/types.ts';
import {
  layoutTimeline,
  MAX_LANES,
  POINT_RADIUS,
  type TimelineItem,
  type TimelineLayout,
} from './layout.ts';

function date(raw: string): PartialDate {
  const result = parseDate(raw);
  if (!result.ok) throw new Error(`bad fixture date ${raw}`);
  return result.date;
}

interface Fixture {
  end?: string;
  approximate?: boolean;
  kind?: EventKind;
}

function event(id: string, title: string, raw: string, fixture: Fixture = {}): StoryEvent {
  return {
    id,
    file: `content/events/${id}.md`,
    body: '',
    title,
    date: date(raw),
    ...(fixture.end ? { end: date(fixture.end) } : {}),
    approximate: fixture.approximate ?? false,
    kind: fixture.kind ?? 'other',
    actors: [],
    articles: [],
    evidence: [],
  };
}

/** The layout's own scale, rebuilt from what it reports. */
function scaleOf(layout: TimelineLayout): (iso: string) => number {
  const scale = scaleUtc().domain(layout.domain).range(layout.range);
  return (iso) => scale(Date.parse(iso));
}

function item(layout: TimelineLayout, id: string): TimelineItem {
  const found = layout.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

/** `[start, end]` of a label box in px. */
function labelBox(i: Pick<TimelineItem, 'label'>): [number, number] {
  const { x, width, anchor } = i.label;
  return anchor === 'start' ? [x, x + width] : [x - width, x];
}

const MIXED = [
  event('harbour-summit', 'Harbour summit', '2021-03-14', { kind: 'meeting' }),
  event('grain-report', 'Grain report published', '2021-05', { kind: 'report' }),
  event('border-drills', 'Border drills', '2021-04-02', { end: '2021-06-20', kind: 'military' }),
  event('tariff-year', 'Tariff year', '2021', { kind: 'sanction', approximate: true }),
  event('midnight-note', 'Midnight note', '2021-08-09T23:10+05:30', { kind: 'statement' }),
];

describe('layoutTimeline', () => {
  test('draws a month-precise event as a span over exactly its month', () => {
    const layout = layoutTimeline(MIXED);
    const x = scaleOf(layout);
    const month = item(layout, 'grain-report');
    expect(month.mark).toBe('span');
    expect(month.within).toBe(true);
    expect(month.x).toBeCloseTo(x('2021-05-01T00:00Z'), 1);
    expect(month.x2).toBeCloseTo(x('2021-06-01T00:00Z'), 1);
  });

  test('draws a year-precise event as a span over exactly its year', () => {
    const layout = layoutTimeline(MIXED);
    const x = scaleOf(layout);
    const year = item(layout, 'tariff-year');
    expect(year.mark).toBe('span');
    expect(year.x).toBeCloseTo(x('2021-01-01T00:00Z'), 1);
    expect(year.x2).toBeCloseTo(x('2022-01-01T00:00Z'), 1);
    expect(year.approximate).toBe(true);
  });

  test('spans an event with an end from its start to the end of its end', () => {
    const layout = layoutTimeline([
      ...MIXED,
      event('long-talks', 'Long talks', '2021-02-10', { end: '2021-07' }),
    ]);
    const x = scaleOf(layout);
    const talks = item(layout, 'long-talks');
    expect(talks.mark).toBe('span');
    expect(talks.within).toBe(false);
    expect(talks.end).toBe('2021-07');
    expect(talks.x).toBeCloseTo(x('2021-02-10T00:00Z'), 1);
    expect(talks.x2).toBeCloseTo(x('2021-08-01T00:00Z'), 1);
  });

  test('draws day- and time-precise events without an end as points', () => {
    const layout = layoutTimeline(MIXED);
    const x = scaleOf(layout);
    const day = item(layout, 'harbour-summit');
    expect(day).toMatchObject({ mark: 'point', precision: 'day', date: '2021-03-14' });
    expect(day.x).toBe(day.x2);
    expect(day.x).toBeCloseTo(x('2021-03-14T00:00Z'), 1);
    const time = item(layout, 'midnight-note');
    expect(time).toMatchObject({ mark: 'point', precision: 'time' });
    expect(time.x).toBeCloseTo(x('2021-08-09T17:40Z'), 1);
  });

  test('keeps the authored date, kind and flags on each item', () => {
    const drills = item(layoutTimeline(MIXED), 'border-drills');
    expect(drills).toMatchObject({
      title: 'Border drills',
      date: '2021-04-02',
      end: '2021-06-20',
      precision: 'day',
      kind: 'military',
      approximate: false,
    });
  });

  test('orders items by start and is deterministic whatever the input order', () => {
    const layout = layoutTimeline(MIXED);
    expect(layout.items.map((i) => i.id)).toEqual([
      'tariff-year',
      'harbour-summit',
      'border-drills',
      'grain-report',
      'midnight-note',
    ]);
    expect(layoutTimeline([...MIXED].reverse())).toEqual(layout);
  });

  test('never lets two labels overlap in a lane, nor a label run into a later mark', () => {
    const crowded = Array.from({ length: 24 }, (_, i) =>
      event(
        `crowd-${i}`,
        `Crowded event number ${i} with a longish title`,
        `2022-03-${String(1 + (i % 20)).padStart(2, '0')}`,
      ),
    );
    const layout = layoutTimeline(crowded, { width: 640 });
    for (let lane = 0; lane < layout.laneCount; lane++) {
      const inLane = layout.items.filter((i) => i.lane === lane && i.label.text !== '');
      const boxes = inLane.map(labelBox).sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < boxes.length; k++) {
        expect(boxes[k]?.[0]).toBeGreaterThan(boxes[k - 1]?.[1] ?? 0);
      }
    }
  });

  test('caps the lanes and elides labels past the cap', () => {
    const pileUp = Array.from({ length: 30 }, (_, i) =>
      event(
        `pile-${String(i).padStart(2, '0')}`,
        `A rather long title for pile-up event ${i}`,
        '2022-06-15',
        {
          end: '2022-06-30',
        },
      ),
    );
    const layout = layoutTimeline(pileUp, { width: 800 });
    expect(layout.laneCount).toBe(MAX_LANES);
    expect(Math.max(...layout.items.map((i) => i.lane))).toBe(MAX_LANES - 1);
    const elided = layout.items.filter((i) => i.label.elided);
    expect(elided.length).toBeGreaterThan(0);
    for (const i of elided) expect(i.label.text === '' || i.label.text.endsWith('…')).toBe(true);
  });

  test('shortens a very long title even when there is room', () => {
    const long = event('long-title', 'A'.repeat(80), '2022-01-10');
    const { label } = item(layoutTimeline([long]), 'long-title');
    expect(label.elided).toBe(true);
    expect(label.text.endsWith('…')).toBe(true);
  });

  test('lets a label under a long span run as long as the span', () => {
    const title = 'A very long title for a season of talks that goes on and on';
    const layout = layoutTimeline([
      event('long-season', title, '2021-01-05', { end: '2021-11-20' }),
      event('short-talk', title, '2021-12-01'),
    ]);
    expect(item(layout, 'long-season').label).toMatchObject({ text: title, elided: false });
    expect(item(layout, 'short-talk').label.elided).toBe(true);
  });

  test('keeps every position inside the drawing', () => {
    const width = 700;
    const layout = layoutTimeline(MIXED, {
      width,
      markers: [{ id: 'published', label: 'Article published', date: date('2021-08-10T09:00Z') }],
    });
    const xs = [
      ...layout.items.flatMap((i) => [i.x, i.x2, ...labelBox(i)]),
      ...layout.axis.ticks.map((t) => t.x),
      ...layout.markers.flatMap((m) => [m.x, ...labelBox({ label: m.text })]),
    ];
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(width);
    }
    for (const i of layout.items) expect(i.y).toBeLessThan(layout.axis.y);
    expect(layout.height).toBeGreaterThan(layout.axis.y);
  });

  test('runs the label of an item at the right edge leftwards from its mark', () => {
    const layout = layoutTimeline([
      event('early-thing', 'Early thing', '2020-01-05'),
      event('late-thing', 'A late thing with a title', '2022-12-20'),
    ]);
    const late = item(layout, 'late-thing');
    expect(late.label.anchor).toBe('end');
    expect(late.label.x).toBeCloseTo(late.x + POINT_RADIUS, 1);
    expect(late.label.elided).toBe(false);
  });

  test('rounds every number to 0.1', () => {
    const layout = layoutTimeline(MIXED, { width: 777 });
    const numbers = layout.items.flatMap((i) => [
      i.x,
      i.x2,
      i.y,
      i.label.x,
      i.label.y,
      i.label.width,
    ]);
    numbers.push(...layout.axis.ticks.map((t) => t.x), layout.axis.y, layout.height);
    for (const n of numbers) expect(Math.round(n * 10) / 10).toBe(n);
  });

  test('places markers at their date, with a rule down to the axis', () => {
    const layout = layoutTimeline(MIXED, {
      markers: [{ id: 'published', label: 'Published', date: date('2021-09-01') }],
    });
    const x = scaleOf(layout);
    const [marker] = layout.markers;
    expect(marker).toMatchObject({ id: 'published', label: 'Published', date: '2021-09-01' });
    expect(marker?.x).toBeCloseTo(x('2021-09-01T00:00Z'), 1);
    expect(marker?.y2).toBe(layout.axis.y);
    expect(marker?.text.text).toBe('Published');
    expect(Math.min(...layout.items.map((i) => i.y))).toBeGreaterThan(marker?.text.y ?? 0);
  });

  test('chooses ticks to the range of the events', () => {
    const weeks = layoutTimeline([
      event('first-day', 'First day', '2022-02-01'),
      event('last-day', 'Last day', '2022-02-12'),
    ]);
    expect(weeks.axis.ticks.some((t) => t.label === '5')).toBe(true);
    const years = layoutTimeline([
      event('first-year', 'First year', '2012'),
      event('last-year', 'Last year', '2021'),
    ]);
    expect(years.axis.ticks.map((t) => t.label)).toContain('2016');
    expect(years.axis.ticks.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
  });

  test('lays out nothing without events', () => {
    const layout = layoutTimeline([]);
    expect(layout.items).toEqual([]);
    expect(layout.laneCount).toBe(0);
    expect(layout.width).toBe(960);
    expect(layout.height).toBeGreaterThan(0);
  });
});
