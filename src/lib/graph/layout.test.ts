import { describe, expect, test } from 'vitest';
import { actor, fixtureKinds, mediumGraph, relation, tinyGraph } from './fixtures.ts';
import { rectIntersectsCircle, rectsOverlap } from './labels.ts';
import { ARROW_SIZE, edgeLabelBox, layoutGraph, nodeLabelBox, radiusForDegree } from './layout.ts';
import type { GraphInput, GraphLayout } from './types.ts';

/** A deterministic shuffle (Park–Miller), so the test itself is reproducible. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Every number in an SVG path `d`, as [x, y] pairs. */
function pathPoints(d: string): [number, number][] {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2)
    points.push([numbers[i] ?? 0, numbers[i + 1] ?? 0]);
  return points;
}

const medium = layoutGraph(mediumGraph);

describe('layoutGraph', () => {
  test('gives the same layout twice', () => {
    expect(layoutGraph(mediumGraph)).toEqual(medium);
  });

  test('gives the same layout whatever the order of the input', () => {
    const shuffled: GraphInput = {
      actors: shuffle(mediumGraph.actors, 7),
      relations: shuffle(mediumGraph.relations, 11),
      kinds: shuffle(mediumGraph.kinds, 13),
    };
    expect(shuffled.actors.map((a) => a.id)).not.toEqual(mediumGraph.actors.map((a) => a.id));
    expect(layoutGraph(shuffled)).toEqual(medium);
  });

  test('depends on the seed', () => {
    const other = layoutGraph(mediumGraph, { seed: 0.9 });
    expect(other.nodes.map((n) => [n.x, n.y])).not.toEqual(medium.nodes.map((n) => [n.x, n.y]));
  });

  test('does not mutate its input', () => {
    const before = JSON.stringify(mediumGraph);
    layoutGraph(mediumGraph);
    expect(JSON.stringify(mediumGraph)).toBe(before);
  });

  test('lays out every actor and every relation, sorted by id', () => {
    expect(medium.nodes.map((n) => n.id)).toEqual(mediumGraph.actors.map((a) => a.id).sort());
    expect(medium.edges.map((e) => e.id)).toEqual(mediumGraph.relations.map((r) => r.id).sort());
  });

  test('keeps every node, label and edge inside the viewBox', () => {
    const inside = (x: number, y: number) =>
      x >= 0 && x <= medium.width && y >= 0 && y <= medium.height;
    for (const n of medium.nodes) {
      expect(inside(n.x - n.r, n.y - n.r) && inside(n.x + n.r, n.y + n.r)).toBe(true);
      const box = nodeLabelBox(n.label);
      expect(inside(box.x, box.y) && inside(box.x + box.width, box.y + box.height)).toBe(true);
    }
    for (const e of medium.edges) {
      for (const [x, y] of pathPoints(e.path)) expect(inside(x, y), `${e.id} ${x},${y}`).toBe(true);
      const box = edgeLabelBox(e.labelPos);
      expect(inside(box.x, box.y) && inside(box.x + box.width, box.y + box.height)).toBe(true);
    }
  });

  test('rounds coordinates to 0.1 px', () => {
    const all = medium.nodes.flatMap((n) => [n.x, n.y, n.label.x, n.label.y]);
    for (const v of all) expect(Math.round(v * 10) / 10).toBe(v);
    for (const e of medium.edges) expect(e.path).not.toMatch(/\.\d\d/);
  });

  test('places node labels so that no two overlap', () => {
    const boxes = medium.nodes.map((n) => ({ id: n.id, box: nodeLabelBox(n.label) }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(rectsOverlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
      }
    }
  });

  test('places node labels clear of every node circle', () => {
    for (const n of medium.nodes) {
      for (const m of medium.nodes) {
        expect(rectIntersectsCircle(nodeLabelBox(n.label), m), `${n.id} on ${m.id}`).toBe(false);
      }
    }
  });

  test('shows an edge label only where it hits no node, node label or other edge label', () => {
    const shown = medium.edges.filter((e) => !e.labelHidden);
    expect(shown.length).toBeGreaterThan(medium.edges.length / 2);
    for (const [i, e] of shown.entries()) {
      const box = edgeLabelBox(e.labelPos);
      for (const n of medium.nodes) {
        expect(rectIntersectsCircle(box, n), `${e.id} on ${n.id}`).toBe(false);
        expect(rectsOverlap(box, nodeLabelBox(n.label)), `${e.id} on ${n.id}'s label`).toBe(false);
      }
      for (const f of shown.slice(i + 1)) {
        expect(rectsOverlap(box, edgeLabelBox(f.labelPos)), `${e.id} / ${f.id}`).toBe(false);
      }
    }
  });

  test('draws parallel relations between one pair as distinct curves', () => {
    const pair = medium.edges.filter(
      (e) => (e.from === 'alpha' && e.to === 'beta') || (e.from === 'beta' && e.to === 'alpha'),
    );
    expect(pair).toHaveLength(3);
    expect(new Set(pair.map((e) => e.path)).size).toBe(3);
    expect(pair.filter((e) => e.path.includes('Q'))).toHaveLength(2);
  });

  test('draws a lone relation as a straight line', () => {
    const lone = medium.edges.find((e) => e.from === 'lambda' && e.to === 'kappa');
    expect(lone?.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  test('draws a self-relation as a loop that starts and ends at its node', () => {
    const loop = medium.edges.find((e) => e.from === 'xi' && e.to === 'xi');
    const xi = medium.nodes.find((n) => n.id === 'xi');
    expect(loop?.path).toContain('C');
    const points = pathPoints(loop?.path ?? '');
    const [first, last] = [points[0], points[points.length - 1]];
    if (!xi || !first || !last) throw new Error('missing loop');
    expect(Math.hypot(first[0] - xi.x, first[1] - xi.y)).toBeLessThan(xi.r + 3);
    expect(Math.hypot(last[0] - xi.x, last[1] - xi.y)).toBeLessThan(xi.r + ARROW_SIZE + 3);
  });

  test('ends a directed edge an arrowhead short of the target border', () => {
    const edge = medium.edges.find((e) => e.from === 'lambda' && e.to === 'kappa');
    const kappa = medium.nodes.find((n) => n.id === 'kappa');
    const end = pathPoints(edge?.path ?? '').at(-1);
    if (!kappa || !end) throw new Error('missing edge');
    const gap = Math.hypot(end[0] - kappa.x, end[1] - kappa.y) - kappa.r;
    expect(gap).toBeGreaterThanOrEqual(ARROW_SIZE);
    expect(gap).toBeLessThan(ARROW_SIZE + 4);
  });

  test('copies direction and category from the relation kind', () => {
    const allies = medium.edges.filter((e) => e.kind === 'allies');
    expect(allies.length).toBeGreaterThan(0);
    for (const e of allies) expect(e).toMatchObject({ directed: false, category: 'cooperation' });
    for (const e of medium.edges.filter((e) => e.kind === 'presses')) {
      expect(e).toMatchObject({ directed: true, category: 'pressure' });
    }
  });

  test("labels an edge with the relation's label, else its kind's", () => {
    const byLabel = medium.edges.find((e) => e.from === 'mu' && e.to === 'alpha');
    const byKind = medium.edges.find((e) => e.from === 'mu' && e.to === 'gamma');
    expect(byLabel?.label).toBe('condemns');
    expect(byKind?.label).toBe('presses');
  });

  test('shortens long labels with an ellipsis but keeps the full edge label', () => {
    const edge = medium.edges.find((e) => e.label === 'urges to consider sanctions');
    expect(edge?.labelPos.text).toMatch(/…$/);
    const eta = medium.nodes.find((n) => n.id === 'eta');
    expect(eta?.name).toBe('Eta Minister of Foreign Affairs');
    expect(eta?.label.text).toMatch(/…$/);
  });

  test('sizes nodes by degree', () => {
    const byId = new Map(medium.nodes.map((n) => [n.id, n]));
    expect(byId.get('alpha')?.degree).toBe(10);
    expect(byId.get('alpha')?.r).toBe(radiusForDegree(10));
    expect(byId.get('omicron')?.degree).toBe(0);
    expect((byId.get('alpha')?.r ?? 0) > (byId.get('omicron')?.r ?? 0)).toBe(true);
  });

  test('keeps an isolated actor near the others', () => {
    const omicron = medium.nodes.find((n) => n.id === 'omicron');
    expect(omicron).toBeDefined();
    expect(medium.width).toBeLessThan(1000);
    expect(medium.height).toBeLessThan(1000);
  });

  test('skips relations whose ends are not among the actors', () => {
    const layout = layoutGraph({
      actors: [actor('alpha', 'Alpha'), actor('beta', 'Beta')],
      relations: [
        relation('ab', 'alpha', 'beta', 'presses'),
        relation('ax', 'alpha', 'omega', 'presses'),
      ],
      kinds: fixtureKinds,
    });
    expect(layout.edges.map((e) => e.id)).toEqual(['ab']);
  });

  test('returns an empty drawing of the minimum size for an empty graph', () => {
    const layout = layoutGraph(
      { actors: [], relations: [], kinds: [] },
      { minWidth: 300, minHeight: 150 },
    );
    expect(layout).toEqual({ nodes: [], edges: [], width: 300, height: 150 });
  });

  test('does not blow a tiny graph up: the viewBox keeps its minimum width', () => {
    const layout = layoutGraph({ actors: [actor('alpha', 'Alpha')], relations: [], kinds: [] });
    expect(layout.width).toBe(320);
    expect(layout.nodes[0]?.x).toBe(160);
  });
});

/** Renders a layout as a bare SVG, numbers rounded to whole px so float noise cannot break the snapshot. */
function snapshotSvg(layout: GraphLayout, title: string): string {
  const r = (s: string | number) =>
    String(s).replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n))));
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `  <title>${title}</title>`,
  ];
  for (const e of layout.edges) {
    lines.push(
      `  <path data-relation="${e.id}" data-category="${e.category}" d="${r(e.path)}"${e.directed ? ' marker-end="url(#arrow)"' : ''}/>`,
      `  <text x="${r(e.labelPos.x)}" y="${r(e.labelPos.y)}"${e.labelHidden ? ' visibility="hidden"' : ''}>${e.labelPos.text}</text>`,
    );
  }
  for (const n of layout.nodes) {
    lines.push(
      `  <circle data-actor="${n.id}" cx="${r(n.x)}" cy="${r(n.y)}" r="${n.r}"/>`,
      `  <text x="${r(n.label.x)}" y="${r(n.label.y)}" text-anchor="${n.label.anchor}">${n.label.text}</text>`,
    );
  }
  lines.push('</svg>', '');
  return lines.join('\n');
}

describe('layoutGraph on a star (an ego network)', () => {
  const spokes = ['b', 'c', 'd', 'e', 'f', 'g'];
  const star: GraphInput = {
    actors: [actor('hub', 'Hub Republic'), ...spokes.map((id) => actor(id, `Actor ${id}`))],
    relations: [
      ...spokes.map((id, i) =>
        relation(`${id}-hub`, i % 2 ? id : 'hub', i % 2 ? 'hub' : id, i % 3 ? 'presses' : 'allies'),
      ),
      relation('hub-quotes-b', 'hub', 'b', 'quotes'),
      relation('hub-self', 'hub', 'hub', 'quotes', 'quotes itself'),
    ],
    kinds: fixtureKinds,
  };
  const layout = layoutGraph(star);
  const at = new Map(layout.nodes.map((n) => [n.id, n]));

  test('puts the centre in the middle and the others on one ring around it', () => {
    const hub = at.get('hub');
    const distances = spokes.map((id) =>
      Math.hypot((at.get(id)?.x ?? 0) - (hub?.x ?? 0), (at.get(id)?.y ?? 0) - (hub?.y ?? 0)),
    );
    for (const d of distances) expect(d).toBeCloseTo(distances[0] ?? 0, 0);
    const cx = layout.nodes.reduce((sum, n) => sum + n.x, 0) / layout.nodes.length;
    const cy = layout.nodes.reduce((sum, n) => sum + n.y, 0) / layout.nodes.length;
    expect(Math.hypot(cx - (hub?.x ?? 0), cy - (hub?.y ?? 0))).toBeLessThan(1);
  });

  test('keeps node labels apart and every label off every circle', () => {
    const boxes = layout.nodes.map((n) => nodeLabelBox(n.label));
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
      for (const n of layout.nodes) expect(rectIntersectsCircle(a, n)).toBe(false);
    });
  });

  test('does not change with the seed, and does not depend on input order', () => {
    expect(layoutGraph(star, { seed: 0.9 })).toEqual(layout);
    const shuffled = {
      ...star,
      actors: shuffle(star.actors, 5),
      relations: shuffle(star.relations, 3),
    };
    expect(layoutGraph(shuffled)).toEqual(layout);
  });

  test('puts the preferred actor in the middle of a pair, on the left', () => {
    const pair: GraphInput = {
      actors: [actor('a', 'Alpha'), actor('b', 'Beta')],
      relations: [relation('a-b', 'a', 'b', 'presses')],
      kinds: fixtureKinds,
    };
    const left = (l: GraphLayout) => [...l.nodes].sort((m, n) => m.x - n.x)[0]?.id;
    expect(left(layoutGraph(pair, { centre: 'b' }))).toBe('b');
    expect(left(layoutGraph(pair, { centre: 'a' }))).toBe('a');
    const [first, second] = layoutGraph(pair).nodes;
    expect(first?.y).toBe(second?.y);
  });
});

describe('layoutGraph snapshot', () => {
  test('draws the tiny graph as before', async () => {
    await expect(snapshotSvg(layoutGraph(tinyGraph), 'Tiny graph')).toMatchFileSnapshot(
      './__snapshots__/tiny-graph.svg',
    );
  });
});
