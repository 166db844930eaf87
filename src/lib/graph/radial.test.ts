import { describe, expect, test } from 'vitest';
import {
  type PairLink,
  ringPositions,
  ringRadius,
  type Spoke,
  spokeAngle,
  starCentre,
} from './radial.ts';

const link = (source: string, target: string, distance = 80): PairLink => ({
  source,
  target,
  distance,
});
const none = new Map<string, number>();

describe('starCentre', () => {
  test('finds the actor every link touches and every other actor is linked to', () => {
    const links = [link('b', 'hub'), link('c', 'hub'), link('hub', 'd')];
    expect(starCentre(['b', 'c', 'd', 'hub'], links, none)).toBe('hub');
  });

  test('ignores loops, on the centre or elsewhere', () => {
    const links = [link('a', 'hub'), link('hub', 'b'), link('a', 'a'), link('hub', 'hub')];
    expect(starCentre(['a', 'b', 'hub'], links, none)).toBe('hub');
  });

  test('is undefined when two non-centre actors are linked, or an actor is left out', () => {
    const triangle = [link('a', 'hub'), link('b', 'hub'), link('a', 'b')];
    expect(starCentre(['a', 'b', 'hub'], triangle, none)).toBeUndefined();
    const isolated = [link('a', 'hub'), link('b', 'hub')];
    expect(starCentre(['a', 'b', 'hub', 'lone'], isolated, none)).toBeUndefined();
    const chain = [link('a', 'b'), link('b', 'c'), link('c', 'd')];
    expect(starCentre(['a', 'b', 'c', 'd'], chain, none)).toBeUndefined();
  });

  test('is undefined below two actors', () => {
    expect(starCentre([], [], none)).toBeUndefined();
    expect(starCentre(['a'], [link('a', 'a')], none)).toBeUndefined();
  });

  test('settles a pair by the preferred actor, then by more relations, then by id', () => {
    const pair = [link('a', 'b')];
    expect(starCentre(['a', 'b'], pair, none, 'b')).toBe('b');
    expect(starCentre(['a', 'b'], pair, none, 'elsewhere')).toBe('a');
    expect(starCentre(['a', 'b'], pair, new Map([['b', 3]]))).toBe('b');
    // A preferred actor that is not a centre does not make one.
    const star = [link('a', 'hub'), link('b', 'hub')];
    expect(starCentre(['a', 'b', 'hub'], star, none, 'a')).toBe('hub');
  });
});

describe('spokeAngle', () => {
  test('one spoke points right, two lie left and right', () => {
    expect(spokeAngle(0, 1)).toBe(0);
    expect(spokeAngle(0, 2)).toBeCloseTo(0);
    expect(Math.abs(spokeAngle(1, 2))).toBeCloseTo(Math.PI);
  });

  test('spreads spokes evenly and leaves the middle of a gap straight above the centre', () => {
    for (let n = 2; n <= 12; n += 1) {
      const angles = Array.from({ length: n }, (_, i) => spokeAngle(i, n));
      for (let i = 1; i < n; i += 1) {
        expect((angles[i] ?? 0) - (angles[i - 1] ?? 0)).toBeCloseTo((2 * Math.PI) / n);
      }
      // Straight up is −π/2 (y points down); the nearest spoke is half a step away on either side.
      const up = -Math.PI / 2;
      const nearest = Math.min(
        ...angles.map((a) => {
          const d = Math.abs((((a - up) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI));
          return Math.min(d, 2 * Math.PI - d);
        }),
      );
      expect(nearest).toBeCloseTo(Math.PI / n);
    }
  });
});

const spoke = (id: string, distance: number, collide: number, order = ''): Spoke => ({
  id,
  distance,
  collide,
  order,
});

describe('ringRadius', () => {
  test('is at least the longest link and clears the centre', () => {
    expect(ringRadius([spoke('a', 90, 10), spoke('b', 140, 10)], 20)).toBe(140);
    expect(ringRadius([spoke('a', 50, 40)], 70)).toBe(110);
  });

  test('grows so that neighbours on the ring do not overlap', () => {
    const many = Array.from({ length: 20 }, (_, i) => spoke(`s${i}`, 80, 30));
    const r = ringRadius(many, 0);
    const chord = 2 * r * Math.sin(Math.PI / 20);
    expect(chord).toBeCloseTo(60);
    expect(r).toBeGreaterThan(80);
  });
});

describe('ringPositions', () => {
  const spokes = [
    spoke('z', 100, 30, 'conflict'),
    spoke('y', 120, 45, 'cooperation'),
    spoke('x', 90, 60, 'conflict'),
    spoke('w', 110, 20, 'structure'),
    spoke('v', 100, 35, 'cooperation'),
  ];
  const at = ringPositions('hub', 40, spokes);

  test('puts the centre at the origin and every spoke on one ring', () => {
    expect(at.get('hub')).toEqual({ x: 0, y: 0 });
    const radius = ringRadius(spokes, 40);
    for (const s of spokes) {
      const p = at.get(s.id);
      expect(Math.hypot(p?.x ?? 0, p?.y ?? 0)).toBeCloseTo(radius);
    }
  });

  test('goes round the ring by order key, then id', () => {
    const byAngle = spokes
      .map((s) => ({ id: s.id, angle: Math.atan2(at.get(s.id)?.y ?? 0, at.get(s.id)?.x ?? 0) }))
      .map(({ id, angle }) => ({ id, turn: (angle + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI) }))
      .sort((a, b) => a.turn - b.turn)
      .map((s) => s.id);
    expect(byAngle).toEqual(['x', 'z', 'v', 'y', 'w']);
  });

  test('keeps every pair of footprints apart, the centre included', () => {
    const all = [...spokes, spoke('hub', 0, 40)];
    for (const a of all) {
      for (const b of all) {
        if (a.id >= b.id) continue;
        const pa = at.get(a.id);
        const pb = at.get(b.id);
        const gap = Math.hypot((pa?.x ?? 0) - (pb?.x ?? 0), (pa?.y ?? 0) - (pb?.y ?? 0));
        expect(gap).toBeGreaterThanOrEqual(a.collide + b.collide - 1e-9);
      }
    }
  });

  test('does not depend on the order of the spokes given', () => {
    expect(ringPositions('hub', 40, [...spokes].reverse())).toEqual(at);
  });
});
