// What the screen needs to know of each kind of object, keyed by the domain's kind
// (src/domain/model/kinds.ts holds the rest): its word, its node on the canvas (which is also the
// key of its default size) and its icon. The canvas, the ghosts, the palette and the inspector
// read this instead of keeping their own tables.
import type { LucideIcon } from 'lucide-react';
import { kindTitle } from '../domain/model/kinds';
import type { ObjectKind } from '../domain/model/plan';
import { NODE_KIND_OF, NODE_SIZES, type NodeKind, type Size } from '../domain/model/node-kinds';
import type { PaletteKind } from '../domain/ops/create';
import { KIND_ICONS, RESOURCE_ICONS } from './icons';

/** The kinds of node the canvas draws: one per drawn kind of object, and the internet. */
export type CanvasKind = NodeKind;

export interface UiKind {
  /** Its name on screen, at the start of a label: "NAT gateway". */
  readonly title: string;
  /** Its node on the canvas; absent for peerings and route tables, drawn as lines or not at all. */
  readonly canvas?: Exclude<CanvasKind, 'internet'>;
  /** Its icon (a resource's own kind has its own: RESOURCE_ICONS). */
  readonly icon: LucideIcon;
}

const ui = (kind: ObjectKind, icon: LucideIcon): UiKind => {
  const canvas = NODE_KIND_OF[kind];
  return { title: kindTitle(kind), icon, ...(canvas ? { canvas } : {}) };
};

export const UI_KINDS: Readonly<Record<ObjectKind, UiKind>> = {
  vpc: ui('vpc', KIND_ICONS.vpc),
  subnet: ui('subnet', KIND_ICONS.subnet),
  cluster: ui('cluster', KIND_ICONS.cluster),
  resource: ui('resource', RESOURCE_ICONS.other),
  natGateway: ui('natGateway', KIND_ICONS.nat),
  peering: ui('peering', KIND_ICONS.ccn),
  ccn: ui('ccn', KIND_ICONS.ccn),
  idc: ui('idc', KIND_ICONS.idc),
  routeTable: ui('routeTable', KIND_ICONS.subnet),
};

/** The canvas node of a kind of object, for the kinds drawn as nodes. */
export const CANVAS_KIND: Readonly<Partial<Record<string, CanvasKind>>> = Object.fromEntries(
  Object.entries(UI_KINDS).flatMap(([k, u]) => (u.canvas ? [[k, u.canvas]] : [])),
);

/** The kind of object a canvas node draws: CANVAS_KIND read backwards. */
export const OBJECT_KIND_OF_CANVAS = Object.fromEntries(
  Object.entries(CANVAS_KIND).map(([objectKind, canvasKind]) => [canvasKind, objectKind]),
) as Readonly<Record<Exclude<CanvasKind, 'internet'>, ObjectKind>>;

const resource = (k: keyof typeof RESOURCE_ICONS) => ({
  canvas: 'resource' as const,
  icon: RESOURCE_ICONS[k],
});

/** What the palette shows for each thing it offers, and the node it becomes. */
export const PALETTE_KINDS: Readonly<
  Record<PaletteKind, { readonly canvas: CanvasKind; readonly icon: LucideIcon }>
> = {
  vpc: { canvas: 'vpc', icon: UI_KINDS.vpc.icon },
  subnet: { canvas: 'subnet', icon: UI_KINDS.subnet.icon },
  cluster: { canvas: 'cluster', icon: UI_KINDS.cluster.icon },
  'vpc-cni-cluster': { canvas: 'cluster', icon: UI_KINDS.cluster.icon },
  nat: { canvas: 'nat', icon: UI_KINDS.natGateway.icon },
  idc: { canvas: 'idc', icon: UI_KINDS.idc.icon },
  ccn: { canvas: 'ccn', icon: UI_KINDS.ccn.icon },
  cdb: resource('cdb'),
  redis: resource('redis'),
  memcached: resource('memcached'),
  cvm: resource('cvm'),
  clb: resource('clb'),
  other: resource('other'),
};

/** The size a node of this kind is drawn at when its layout gives none. */
export function nodeSize(kind: CanvasKind): Size {
  return NODE_SIZES[kind];
}
