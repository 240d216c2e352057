// A picture of a plan from its stored layout, without a browser: objects where the layout puts
// them (children relative to their parents, as the canvas places them), at the size the layout
// or the canvas's defaults give, and the lines the canvas would draw between them.
import type { Analysis } from '../../../domain/analyze';
import type { ClusterCapacity } from '../../../domain/capacity/capacity';
import { NODE_SIZES } from '../../../domain/model/node-kinds';
import type { LayoutBox, Plan } from '../../../domain/model/plan';
import type { PathResult } from '../../../domain/routing/paths';
import { pathKey } from '../../../domain/incremental/delta';
import type { Box } from './geometry';
import { textWidth } from './text';
import {
  pathLabel,
  planNames,
  type LinkKind,
  type Picture,
  type PictureEdge,
  type PictureNode,
  type PictureNodeKind,
} from './picture';

export const INTERNET_ID = 'internet';
/** Above this many path edges the canvas bundles the paths to one subnet's resources; so does the picture. */
export const BUNDLE_ABOVE = 40;

export class NoLayoutError extends Error {}

/** A link between two objects of the plan (not a communication path). */
export type PlanLink = PictureEdge & { readonly kind: LinkKind };

/** The links the canvas draws: node and pod subnet ties, peerings, CCN attachments, IDC links. */
export function planLinks(
  plan: Pick<Plan, 'clusters' | 'peerings' | 'ccns' | 'idcs'>,
  drawn: ReadonlySet<string>,
): PlanLink[] {
  const out: PlanLink[] = [];
  const link = (id: string, source: string, target: string, kind: LinkKind, label?: string) => {
    if (drawn.has(source) && drawn.has(target))
      out.push({ id, source, target, kind, ...(label ? { label } : {}) });
  };
  for (const c of plan.clusters) {
    for (const s of c.nodeSubnets ?? []) link(`tie:${c.id}:${s}`, c.id, s, 'node-subnet');
    for (const s of c.podSubnets ?? []) link(`pod:${c.id}:${s}`, c.id, s, 'pod-subnet');
  }
  for (const p of plan.peerings) link(p.id, p.vpcs[0], p.vpcs[1], 'peering', p.name ?? p.id);
  for (const c of plan.ccns)
    for (const m of new Set(c.attachments)) link(`ccn:${c.id}:${m}`, c.id, m, 'ccn');
  for (const d of plan.idcs)
    if (d.vpc !== undefined)
      link(
        `idc:${d.id}`,
        d.id,
        d.vpc,
        'idc',
        d.link === 'direct-connect' ? 'Direct Connect' : 'VPN',
      );
  return out;
}

/** The path edges the canvas draws: one per path, or one per cluster, subnet and verdict beyond BUNDLE_ABOVE. */
export function planPathEdges(
  paths: readonly PathResult[],
  drawn: ReadonlySet<string>,
  subnetOf: (id: string) => string | undefined,
  names?: ReadonlyMap<string, string>,
): PictureEdge[] {
  const shown = paths.filter((p) => drawn.has(p.from) && drawn.has(p.to) && p.from !== p.to);
  const edge = (p: PathResult, target = p.to, count = 1): PictureEdge => {
    const label = pathLabel(p, count, names);
    return {
      id: count > 1 ? `paths:${p.from}->${target}:${p.verdict}` : `path:${pathKey(p)}`,
      kind: p.verdict,
      source: p.from,
      target,
      ...(label ? { label } : {}),
    };
  };
  if (shown.length <= BUNDLE_ABOVE) return shown.map((p) => edge(p));
  const out: PictureEdge[] = [];
  const bundles = new Map<string, PathResult[]>();
  for (const p of shown) {
    const subnet = subnetOf(p.to);
    if (!subnet || !drawn.has(subnet)) out.push(edge(p));
    else {
      const key = `${p.from}->${subnet}:${p.verdict}:${p.reason ?? ''}`;
      const list = bundles.get(key);
      if (list) list.push(p);
      else bundles.set(key, [p]);
    }
  }
  for (const list of bundles.values()) {
    const first = list[0]!;
    out.push(list.length === 1 ? edge(first) : edge(first, subnetOf(first.to), list.length));
  }
  return out;
}

/**
 * The size the canvas draws an object at. Containers take theirs from the layout; leaves size
 * themselves to their text in the browser, which the numbers here follow (measured on the
 * sample: a resource is 170 × 45, a cluster with three rows 210 × 90).
 */
function sized(
  kind: PictureNodeKind,
  obj: unknown,
  box: LayoutBox,
  at: { x: number; y: number },
  cap: ClusterCapacity | undefined,
): Box {
  const d = NODE_SIZES[kind];
  const o = (obj ?? {}) as {
    name?: string;
    id?: string;
    containerCidr?: string;
    cidrs?: string[];
    attachments?: string[];
  };
  let w = box.width ?? d.width;
  let h = box.height ?? d.height;
  if (kind === 'cluster')
    h = 42 + 16 * (1 + (o.containerCidr ? 1 : 0) + (cap?.maxNodes != null ? 1 : 0));
  else if (kind === 'resource' || kind === 'nat') h = 46;
  else if (kind === 'idc') h = 30 + 15 * Math.max(1, o.cidrs?.length ?? 0);
  else if (kind === 'internet') h = 40;
  else if (kind === 'ccn') {
    const text = Math.max(
      textWidth(o.name ?? o.id ?? '', 12, false, true),
      textWidth(`CCN · ${o.attachments?.length ?? 0} attached`, 11),
    );
    w = Math.min(220, Math.max(d.width, Math.ceil(text) + 60));
    h = 56;
  }
  return { x: at.x, y: at.y, w, h };
}

/**
 * The picture of a plan as its stored layout places it. Throws NoLayoutError naming the objects
 * that have no place: the picture would not be the one the designer shows.
 */
export function pictureFromPlan(plan: Plan, analysis: Analysis): Picture {
  const layout = plan.layout ?? {};
  const missing = [
    ...plan.vpcs,
    ...plan.subnets,
    ...plan.clusters,
    ...plan.resources,
    ...plan.natGateways,
    ...plan.idcs,
    ...plan.ccns,
  ]
    .map((o) => o.id)
    .filter((id) => !layout[id]);
  if (missing.length > 0) {
    const some = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
    throw new NoLayoutError(
      `the plan needs a layout to be drawn: ${missing.length} object${missing.length === 1 ? ' has' : 's have'} no place in "layout" (${some}). Open it in CIDR Canvas, arrange it and export it again, or export the picture from there.`,
    );
  }
  const status: Record<string, 'error' | 'warning'> = {};
  const count: Record<string, number> = {};
  for (const f of analysis.findings)
    for (const id of f.objects) {
      count[id] = (count[id] ?? 0) + 1;
      if (f.severity === 'error') status[id] = 'error';
      else if (f.severity === 'warning' && status[id] !== 'error') status[id] = 'warning';
    }
  const capacity = new Map(analysis.capacity.map((c) => [c.cluster, c]));
  const nodes: PictureNode[] = [];
  const boxes = new Map<string, Box>();
  const add = (id: string, kind: PictureNodeKind, obj: unknown, parent?: string) => {
    const box = layout[id] ?? { x: 880, y: -160 };
    const origin = parent ? boxes.get(parent) : { x: 0, y: 0, w: 0, h: 0 };
    if (!origin) return;
    const cap = capacity.get(id);
    const b = sized(kind, obj, box, { x: origin.x + box.x, y: origin.y + box.y }, cap);
    boxes.set(id, b);
    const st = status[id];
    nodes.push({
      id,
      kind,
      ...(obj !== undefined ? { obj } : {}),
      box: b,
      ...(st ? { status: st, findings: count[id] ?? 0 } : {}),
      ...(cap ? { capacity: cap } : {}),
    });
  };
  for (const v of plan.vpcs) add(v.id, 'vpc', v);
  for (const s of plan.subnets) add(s.id, 'subnet', s, s.vpc);
  for (const c of plan.clusters) add(c.id, 'cluster', c, c.vpc);
  for (const g of plan.natGateways) add(g.id, 'nat', g, g.vpc);
  for (const r of plan.resources) add(r.id, 'resource', r, r.subnet);
  for (const d of plan.idcs) add(d.id, 'idc', d);
  for (const c of plan.ccns) add(c.id, 'ccn', c);
  add(INTERNET_ID, 'internet', undefined);
  const drawn = new Set(boxes.keys());
  const subnetOf = new Map(plan.resources.map((r) => [r.id, r.subnet]));
  const names = planNames(plan);
  return {
    title: plan.name ?? 'CIDR Canvas plan',
    names,
    nodes,
    edges: [
      ...planLinks(plan, drawn),
      ...planPathEdges(analysis.paths, drawn, (id) => subnetOf.get(id), names),
    ],
  };
}
