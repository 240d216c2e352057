// A readable layout from ELK (elkjs), loaded only when a plan needs one: VPCs arranged by the
// links between them (peerings, CCN, IDC links), subnets packed inside their VPC, resources
// inside their subnet, clusters and gateways beside the subnets, all compact enough that a
// fitted plan's text can be read. Children are placed relative to their parent, as the plan's
// layout is.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { NODE_SIZES, type NodeKind } from '../domain/model/node-kinds';
import type { LayoutBox, Plan, Vpc } from '../domain/model/plan';
import { shelfPack, type Item } from './shelf-pack';

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | undefined;

/**
 * ELK runs in a Web Worker in the browser, so laying out a large plan never freezes the page;
 * where there are no workers (the unit tests in Node) it runs in-process.
 */
async function loadElk(): Promise<Elk> {
  elk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then((m) => new m.default() as unknown as Elk)
      : Promise.all([
          import('elkjs/lib/elk-api.js'),
          import('elkjs/lib/elk-worker.min.js?worker'),
        ]).then(
          ([api, worker]) =>
            new api.default({ workerFactory: () => new worker.default() }) as unknown as Elk,
        );
  return elk;
}

/**
 * The room an object takes on the canvas. Leaves size themselves to their text, and text grows
 * as the canvas zooms out (semantic zoom): these are their sizes at the zoom a fitted plan is
 * shown at, a little above the declared ones.
 */
const SIZES: Readonly<Record<NodeKind, { width: number; height: number }>> = {
  ...NODE_SIZES,
  cluster: { width: 230, height: 120 },
  resource: { width: 190, height: 60 },
  nat: { width: 160, height: 60 },
  idc: { width: 210, height: 80 },
  ccn: { width: 160, height: 64 },
  /** An empty subnet: its name and CIDR, with room to drop something in. */
  subnet: { width: 230, height: 120 },
};

const box = (kind: keyof typeof SIZES) => ({
  width: SIZES[kind].width,
  height: SIZES[kind].height,
});

/** The canvas's shape (width over height) a layout is made for: 1440x900 less the panels. */
const CANVAS_ASPECT = 1.5;

/** About the width of a character of a name or a CIDR in a header at fitted zoom. */
const CHAR_PX = 9.5;

/** A VPC wide enough for its header: icon, name, CIDR chip and some of its region. */
function vpcMinWidth(v: Vpc): number {
  const name = (v.name ?? v.id).length;
  return Math.max(
    NODE_SIZES.vpc.width / 2,
    Math.round(110 + CHAR_PX * (name + v.cidr.length) + 14),
  );
}

/** Subnets hold their resources side by side rather than in a column. */
const SUBNET_ASPECT = 3;
/** Shapes tried for the VPCs: the best one depends on what sits beside them. */
const VPC_ASPECTS = [0.8, 1, 1.25, 1.5, 2];

const SUBNET_PACK = {
  gap: 12,
  // Below the subnet's name and its CIDR, zone and route table, which wrap when narrow.
  padding: { top: 84, right: 14, bottom: 14, left: 14 },
  aspect: SUBNET_ASPECT,
};
const VPC_PACK = {
  gap: 24,
  padding: { top: 60, right: 20, bottom: 20, left: 20 },
};

/**
 * A VPC's inside: resources packed in their subnets, then the subnets, clusters and gateways in
 * the VPC. Positions are relative to the parent; returns the VPC's size.
 */
function packVpc(
  plan: Plan,
  v: Vpc,
  aspect: number,
  out: Record<string, LayoutBox>,
): { width: number; height: number } {
  const children: Item[] = [];
  for (const sn of plan.subnets.filter((s) => s.vpc === v.id)) {
    const resources = plan.resources
      .filter((r) => r.subnet === sn.id)
      .map((r) => ({ id: r.id, ...box('resource') }));
    if (resources.length === 0) {
      children.push({ id: sn.id, ...box('subnet') });
      continue;
    }
    const p = shelfPack(resources, { ...SUBNET_PACK, minWidth: box('subnet').width });
    for (const [id, at] of p.at) out[id] = { x: Math.round(at.x), y: Math.round(at.y) };
    children.push({ id: sn.id, width: p.width, height: p.height });
  }
  for (const c of plan.clusters.filter((c) => c.vpc === v.id))
    children.push({ id: c.id, ...box('cluster') });
  for (const n of plan.natGateways.filter((n) => n.vpc === v.id))
    children.push({ id: n.id, ...box('nat') });
  if (children.length === 0) return box('vpc');
  const p = shelfPack(children, { ...VPC_PACK, aspect, minWidth: vpcMinWidth(v) });
  const sized = new Map(children.map((c) => [c.id, c]));
  for (const [id, at] of p.at) {
    const c = sized.get(id)!;
    out[id] = plan.subnets.some((s) => s.id === id)
      ? { x: Math.round(at.x), y: Math.round(at.y), width: c.width, height: c.height }
      : { x: Math.round(at.x), y: Math.round(at.y) };
  }
  return { width: p.width, height: p.height };
}

/**
 * The ELK graph of the plan's top level: VPCs (at the sizes their contents gave them), IDCs,
 * CCNs and the internet, arranged by the links between them.
 */
export function topGraph(
  plan: Plan,
  vpcSizes: ReadonlyMap<string, { width: number; height: number }>,
  direction: 'RIGHT' | 'DOWN',
): ElkNode {
  const top: ElkNode[] = [
    ...plan.vpcs.map((v) => ({ id: v.id, ...(vpcSizes.get(v.id) ?? box('vpc')) })),
    ...plan.idcs.map((d) => ({ id: d.id, ...box('idc') })),
    ...plan.ccns.map((c) => ({ id: c.id, ...box('ccn') })),
    { id: 'internet', ...box('internet') },
  ];
  const ids = new Set(top.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [];
  const link = (id: string, a: string, b: string) => {
    if (ids.has(a) && ids.has(b) && a !== b) edges.push({ id, sources: [a], targets: [b] });
  };
  for (const p of plan.peerings) link(p.id, p.vpcs[0], p.vpcs[1]);
  for (const d of plan.idcs) if (d.vpc) link(`idc:${d.id}`, d.vpc, d.id);
  for (const c of plan.ccns) for (const a of c.attachments) link(`ccn:${c.id}:${a}`, c.id, a);
  // From the VPC to the internet: the internet then sits beside peers and IDCs rather than in a
  // column of its own before every VPC.
  for (const n of plan.natGateways) link(`nat:${n.id}`, n.vpc, 'internet');
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': '50',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '60',
      'elk.aspectRatio': String(CANVAS_ASPECT),
    },
    children: top,
    edges,
  };
}

/** How large a layout of this size is drawn when fitted to a canvas of CANVAS_ASPECT. */
function fitScale(g: ElkNode): number {
  const w = g.width ?? 1;
  const h = g.height ?? 1;
  return Math.min(CANVAS_ASPECT / w, 1 / h);
}

/**
 * A complete layout for the plan: every object placed, children inside their parents. Each VPC
 * is packed in rows first, at least wide enough for its header; then ELK arranges the VPCs and
 * what lies outside them, across or down. Of the VPC shapes tried, the one whose whole layout
 * shows largest on the canvas wins.
 */
export async function autoLayout(plan: Plan): Promise<Record<string, LayoutBox>> {
  const engine = await loadElk();
  let best: { out: Record<string, LayoutBox>; scale: number } | undefined;
  for (const aspect of VPC_ASPECTS) {
    const out: Record<string, LayoutBox> = {};
    const sizes = new Map<string, { width: number; height: number }>();
    for (const v of plan.vpcs) sizes.set(v.id, packVpc(plan, v, aspect, out));
    for (const direction of ['RIGHT', 'DOWN'] as const) {
      const laid = await engine.layout(topGraph(plan, sizes, direction));
      const scale = fitScale(laid);
      if (best && scale <= best.scale + 1e-12) continue;
      const placed = { ...out };
      for (const c of laid.children ?? []) {
        placed[c.id] = {
          x: Math.round(c.x ?? 0),
          y: Math.round(c.y ?? 0),
          ...(sizes.get(c.id) ?? {}),
        };
      }
      best = { out: placed, scale };
    }
  }
  return best!.out;
}

/** Whether every object of the plan has a place on the canvas. */
export function hasCompleteLayout(plan: Plan): boolean {
  const l = plan.layout;
  if (!l) return false;
  const all = [
    ...plan.vpcs,
    ...plan.subnets,
    ...plan.clusters,
    ...plan.resources,
    ...plan.natGateways,
    ...plan.idcs,
    ...plan.ccns,
  ];
  return all.every((o) => l[o.id] !== undefined);
}

/** The plan with a place for everything: its own boxes kept, the missing ones from ELK. */
export async function withLayout(plan: Plan): Promise<Plan> {
  if (hasCompleteLayout(plan)) return plan;
  const laid = await autoLayout(plan);
  return { ...plan, layout: { ...laid, ...(plan.layout ?? {}) } };
}
