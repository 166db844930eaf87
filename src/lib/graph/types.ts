import type { Actor, ActorKind, Relation, RelationCategory, RelationKind } from '../model/types.ts';
import type { TextAnchor } from './labels.ts';

/** What the diagram is drawn from: actors, the relations between them and the relation vocabulary. */
export interface GraphInput {
  actors: readonly Actor[];
  relations: readonly Relation[];
  kinds: readonly RelationKind[];
}

/** Tuning knobs of `layoutGraph`; every one has a sensible default. */
export interface LayoutOptions {
  /** Seed in [0, 1) for the starting positions and the simulation; try another when a layout reads badly. */
  seed?: number;
  /** Simulation steps to run; the cooling schedule is fitted to them. 300 by default, fewer for large graphs. */
  ticks?: number;
  /** Collision-resolving passes per step: 2 by default, 1 for large graphs. */
  collideIterations?: number;
  /** Space between the drawing and the viewBox edge, px. */
  padding?: number;
  /** Smallest viewBox width, so that a tiny graph is not blown up when the SVG fills its column. */
  minWidth?: number;
  /** Smallest viewBox height. */
  minHeight?: number;
  /** Preferred width/height ratio: > 1 squeezes the layout vertically. */
  aspect?: number;
  /**
   * Actor to put in the middle when the graph is a star around it (its ego
   * network). Stars are drawn as a ring whatever this says; it only settles
   * which of two linked actors is the middle one.
   */
  centre?: string;
}

/** A node's label: where its `<text>` is anchored (vertical middle) and what it shows. */
export interface NodeLabel {
  x: number;
  y: number;
  anchor: TextAnchor;
  /** Shown text: the actor's name, shortened with an ellipsis when too long. */
  text: string;
  /** Estimated width of `text`, px. */
  width: number;
}

/** One actor, placed. */
export interface LayoutNode {
  id: string;
  name: string;
  kind: ActorKind;
  x: number;
  y: number;
  r: number;
  /** Number of relations that touch the actor. */
  degree: number;
  label: NodeLabel;
}

/** Where an edge's label goes (anchored at its middle, `text-anchor: middle`). */
export interface EdgeLabelPosition {
  x: number;
  y: number;
  /** Rotation in degrees; absent for horizontal labels (all of them for now). */
  angle?: number;
  /** Shown text, shortened with an ellipsis when too long. */
  text: string;
  /** Estimated width of `text`, px. */
  width: number;
}

/** One relation, drawn. */
export interface LayoutEdge {
  /** The relation id. */
  id: string;
  from: string;
  to: string;
  /** Relation kind id. */
  kind: string;
  category: RelationCategory;
  directed: boolean;
  /** The relation's own label, else its kind's label. */
  label: string;
  /** SVG path `d`; ends short of the target's border so an arrowhead fits. */
  path: string;
  labelPos: EdgeLabelPosition;
  /** True when the label would collide with something: draw it only on hover or focus. */
  labelHidden: boolean;
}

/** The computed diagram: everything in viewBox coordinates `0 0 width height`. */
export interface GraphLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
}
