// The boxes a plan's layout places: one per kind of object drawn as a box (peerings and route
// tables are lines or nothing), and the internet. The canvas, the exported pictures, the import's
// layout and new objects all size and name their boxes from here, so a box's kind is spelled once.
import type { ObjectKind } from './plan';

export type NodeKind =
  'vpc' | 'subnet' | 'cluster' | 'resource' | 'nat' | 'idc' | 'ccn' | 'internet';

/** The box an object of each drawn kind is, keyed by the model's kind. */
export const NODE_KIND_OF: Readonly<Partial<Record<ObjectKind, Exclude<NodeKind, 'internet'>>>> = {
  vpc: 'vpc',
  subnet: 'subnet',
  cluster: 'cluster',
  resource: 'resource',
  natGateway: 'nat',
  idc: 'idc',
  ccn: 'ccn',
};

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * The size a box is drawn at when its layout gives none; containers (VPCs and subnets) are given
 * it when created. Leaves size themselves to their text in the browser.
 */
export const NODE_SIZES: Readonly<Record<NodeKind, Size>> = {
  vpc: { width: 760, height: 460 },
  subnet: { width: 300, height: 170 },
  cluster: { width: 210, height: 96 },
  resource: { width: 170, height: 54 },
  nat: { width: 150, height: 54 },
  idc: { width: 200, height: 80 },
  ccn: { width: 150, height: 64 },
  internet: { width: 150, height: 64 },
};

/**
 * The field naming the box an object is drawn inside (its layout is relative to that box). IDCs
 * name a VPC too but are drawn beside it, linked.
 */
export const CONTAINER_FIELD: Readonly<Partial<Record<ObjectKind, 'vpc' | 'subnet'>>> = {
  subnet: 'vpc',
  cluster: 'vpc',
  natGateway: 'vpc',
  resource: 'subnet',
};

/** The kinds whose boxes hold others. */
export const CONTAINER_KINDS: ReadonlySet<ObjectKind> = new Set(Object.values(CONTAINER_FIELD));

/** Kinds drawn as boxes, each container before what it holds (React Flow wants parents first). */
export const DRAW_ORDER: readonly ObjectKind[] = [
  'vpc',
  'subnet',
  'cluster',
  'natGateway',
  'resource',
  'idc',
  'ccn',
];

/** The id of the box `object` (of `kind`) is drawn inside, if any. */
export function containerOf(kind: ObjectKind, object: object): string | undefined {
  const field = CONTAINER_FIELD[kind];
  const id = field ? (object as Readonly<Record<string, unknown>>)[field] : undefined;
  return typeof id === 'string' ? id : undefined;
}
