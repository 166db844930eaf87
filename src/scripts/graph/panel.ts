/**
 * The detail panel's contents: an actor (name, role, kind, its relations in
 * and out in words with dates, quotes and sources, a link to its page) or a
 * relation (its sentence, dates, explanation, quotes). Built with
 * createElement and text nodes only.
 */
import type { GraphEdgeData, GraphNodeData } from '../../lib/graph/interaction/payload.ts';
import {
  countRelations,
  relationPlain,
  type SentenceParts,
} from '../../lib/graph/interaction/text.ts';
import { type Child, el, present } from './dom.ts';

/** What the panel needs from the diagram. */
export interface PanelContext {
  nodes: ReadonlyMap<string, GraphNodeData>;
  edges: readonly GraphEdgeData[];
  /** Relations hidden right now by a filter or the time window. */
  filtered: ReadonlySet<string>;
  selectActor(id: string): void;
  selectRelation(id: string): void;
}

/** The words of a relation, with actor names. */
export function sentenceParts(
  edge: GraphEdgeData,
  nodes: ReadonlyMap<string, GraphNodeData>,
): SentenceParts {
  return {
    from: nodes.get(edge.from)?.name ?? edge.from,
    label: edge.label,
    to: nodes.get(edge.to)?.name ?? edge.to,
    directed: edge.directed,
  };
}

/** Author text isolated from what surrounds it, so a right-to-left name does not reorder the sentence around it. */
export function isolated(text: string): HTMLElement {
  return el('span', { dir: 'auto' }, text);
}

/** `relationSentence` as nodes, each name and the label isolated: "A — label → B". */
export function sentenceNodes({
  from,
  label,
  to,
  directed,
}: SentenceParts): (HTMLElement | string)[] {
  return [isolated(from), ' — ', isolated(label), directed ? ' → ' : ' — ', isolated(to)];
}

/** Items joined by `separator`, each isolated. */
function isolatedList(items: readonly string[], separator: string): Child[] {
  return items.flatMap((item, i) => (i === 0 ? [isolated(item)] : [separator, isolated(item)]));
}

/** Quotes and sources of a relation, each linked to its article. */
function evidenceList(edge: GraphEdgeData): HTMLElement | undefined {
  if (edge.evidence.length === 0 && edge.sources.length === 0) return undefined;
  return el(
    'ul',
    { class: 'evidence' },
    ...edge.evidence.map((e) =>
      el(
        'li',
        {},
        el('q', { dir: 'auto' }, e.quote),
        ' — ',
        el('a', { href: e.href }, el('cite', { dir: 'auto' }, e.title)),
      ),
    ),
    ...edge.sources.map((s) =>
      el('li', {}, 'Source: ', el('a', { href: s.href }, el('cite', { dir: 'auto' }, s.title))),
    ),
  );
}

function whenLine(edge: GraphEdgeData, hidden: boolean): HTMLElement | undefined {
  const parts = [
    edge.when,
    hidden ? 'hidden by the current filter or time window' : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? el('p', { class: 'when' }, parts.join(' · ')) : undefined;
}

/** The panel body for an actor. */
export function actorDetails(ctx: PanelContext, node: GraphNodeData): HTMLElement[] {
  const own = ctx.edges.filter((e) => e.from === node.id || e.to === node.id);
  // Relations out first, then in; each group in the diagram's order.
  const ordered = [
    ...own.filter((e) => e.from === node.id),
    ...own.filter((e) => e.from !== node.id),
  ];
  const meta: Child[] = node.role ? [isolated(node.role), ' · ', node.kindLabel] : [node.kindLabel];
  const list = el(
    'ul',
    { class: 'relations' },
    ...ordered.map((edge) => {
      const parts = sentenceParts(edge, ctx.nodes);
      const button = el(
        'button',
        { type: 'button', class: 'sentence', 'aria-label': relationPlain(parts) },
        ...sentenceNodes(parts),
      );
      button.addEventListener('click', () => ctx.selectRelation(edge.id));
      const hidden = ctx.filtered.has(edge.id);
      return el('li', { 'data-muted': hidden }, button, whenLine(edge, hidden), evidenceList(edge));
    }),
  );
  return present(
    el('p', { class: 'meta' }, ...meta),
    node.aliases.length > 0 &&
      el('p', { class: 'meta' }, 'Also called ', ...isolatedList(node.aliases, ', ')),
    el('p', { class: 'count' }, countRelations(own.length)),
    list,
    el('p', {}, el('a', { href: node.href }, 'All about ', isolated(node.name), ' →')),
  );
}

/** The panel body for a relation. */
export function relationDetails(ctx: PanelContext, edge: GraphEdgeData): HTMLElement[] {
  const ends = [edge.from, edge.to].filter((id, i, all) => all.indexOf(id) === i);
  const endButtons = ends.flatMap((id, i) => {
    const name = ctx.nodes.get(id)?.name ?? id;
    const button = el('button', { type: 'button', class: 'sentence', dir: 'auto' }, name);
    button.addEventListener('click', () => ctx.selectActor(id));
    return i === 0 ? [button] : [' · ', button];
  });
  return present(
    el('p', { class: 'meta' }, `${edge.categoryLabel} · `, isolated(edge.kindLabel)),
    whenLine(edge, ctx.filtered.has(edge.id)),
    ...edge.text.map((paragraph) => el('p', { dir: 'auto' }, paragraph)),
    evidenceList(edge),
    el('p', { class: 'ends' }, 'Actors: ', ...endButtons),
  );
}
