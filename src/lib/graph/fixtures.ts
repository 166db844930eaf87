/** Made-up actors, kinds and relations for the graph tests (never the real story's ids). */
import type { Actor, ActorKind, Relation, RelationKind } from '../model/types.ts';
import type { GraphInput } from './types.ts';

/** A made-up actor. */
export function actor(id: string, name: string, kind: ActorKind = 'state'): Actor {
  return { id, file: `content/actors/${id}.md`, body: '', name, kind, aliases: [] };
}

/** A made-up relation. */
export function relation(
  id: string,
  from: string,
  to: string,
  kind: string,
  label?: string,
): Relation {
  return {
    id,
    file: `content/relations/${id}.md`,
    body: '',
    from,
    to,
    kind,
    ...(label === undefined ? {} : { label }),
    articles: [],
    evidence: [],
  };
}

/** A small vocabulary covering every category, directed and not. */
export const fixtureKinds: RelationKind[] = [
  {
    id: 'allies',
    label: 'allies with',
    inverse: 'allies with',
    directed: false,
    category: 'cooperation',
  },
  {
    id: 'presses',
    label: 'presses',
    inverse: 'is pressed by',
    directed: true,
    category: 'pressure',
  },
  { id: 'fights', label: 'fights', inverse: 'fights', directed: false, category: 'conflict' },
  {
    id: 'quotes',
    label: 'quotes',
    inverse: 'is quoted by',
    directed: true,
    category: 'information',
  },
  { id: 'heads', label: 'heads', inverse: 'is headed by', directed: true, category: 'structure' },
];

/** Three actors, a lone edge, two parallel edges and a self-loop. */
export const tinyGraph: GraphInput = {
  actors: [
    actor('alpha', 'Alpha'),
    actor('beta', 'Beta', 'person'),
    actor('gamma', 'Gamma', 'media'),
  ],
  relations: [
    relation('alpha-presses-beta', 'alpha', 'beta', 'presses'),
    relation('beta-allies-alpha', 'beta', 'alpha', 'allies'),
    relation('gamma-quotes-alpha', 'gamma', 'alpha', 'quotes'),
    relation('gamma-quotes-gamma', 'gamma', 'gamma', 'quotes', 'quotes itself'),
  ],
  kinds: fixtureKinds,
};

const names: [string, string, ActorKind][] = [
  ['alpha', 'Republic of Alpha', 'state'],
  ['beta', 'Beta Federation', 'state'],
  ['gamma', 'Gamma Kingdom', 'state'],
  ['delta', 'Delta Union', 'organization'],
  ['epsilon', 'Epsilon News Agency', 'media'],
  ['zeta', 'Zeta Herald', 'media'],
  ['eta', 'Eta Minister of Foreign Affairs', 'person'],
  ['theta', 'Theta', 'person'],
  ['iota', 'Iota Defence Ministry', 'organization'],
  ['kappa', 'Kappa Republic', 'state'],
  ['lambda', 'Lambda', 'person'],
  ['mu', 'Mu Security Council', 'organization'],
  ['nu', 'Nu', 'state'],
  ['xi', 'Xi Wire Service', 'media'],
  ['omicron', 'Omicron (isolated)', 'person'],
];

const links: [string, string, string, string?][] = [
  ['alpha', 'beta', 'presses', 'urges to consider sanctions'],
  ['alpha', 'beta', 'allies'],
  ['beta', 'alpha', 'quotes'],
  ['alpha', 'gamma', 'fights'],
  ['alpha', 'delta', 'heads'],
  ['beta', 'delta', 'heads'],
  ['gamma', 'delta', 'presses', 'demands withdrawal'],
  ['epsilon', 'alpha', 'quotes'],
  ['epsilon', 'gamma', 'quotes'],
  ['zeta', 'epsilon', 'quotes', 'cites the report of'],
  ['eta', 'beta', 'heads', 'speaks for'],
  ['eta', 'gamma', 'presses'],
  ['theta', 'alpha', 'heads'],
  ['theta', 'eta', 'allies', 'meets'],
  ['iota', 'alpha', 'heads'],
  ['iota', 'gamma', 'fights'],
  ['kappa', 'gamma', 'allies'],
  ['kappa', 'delta', 'presses'],
  ['lambda', 'kappa', 'heads'],
  ['mu', 'alpha', 'presses', 'condemns'],
  ['mu', 'gamma', 'presses'],
  ['mu', 'delta', 'allies'],
  ['nu', 'mu', 'heads', 'chairs'],
  ['xi', 'zeta', 'quotes'],
  ['xi', 'xi', 'quotes', 'corrects itself'],
  ['gamma', 'alpha', 'presses', 'threatens'],
];

/** A graph of 15 actors (one isolated) and 26 relations, with parallel edges both ways and a self-loop. */
export const mediumGraph: GraphInput = {
  actors: names.map(([id, name, kind]) => actor(id, name, kind)),
  relations: links.map(([from, to, kind, label], i) =>
    relation(`r${String(i).padStart(2, '0')}-${from}-${to}`, from, to, kind, label),
  ),
  kinds: fixtureKinds,
};
