// The plan as React Flow nodes and edges. Node objects are reused while nothing they show
// changes, so that React Flow and the memoised node components skip them on every other update.
import type { Edge, Node } from '@xyflow/react';
import { DEFAULT_SIZES } from '../domain/ops/create';
import type { LayoutBox, Plan } from '../domain/model/plan';
import type { PathResult } from '../domain/routing/paths';

export type CanvasKind =
  'vpc' | 'subnet' | 'cluster' | 'resource' | 'nat' | 'idc' | 'ccn' | 'internet';

/** The plan object travels in the node's data: a node changes exactly when its object does. */
export type ObjectNode = Node<{ kind: CanvasKind; obj: unknown }, CanvasKind>;

export const INTERNET_ID = 'internet';

interface Inputs {
  readonly obj: unknown;
  readonly box: LayoutBox | undefined;
  readonly selected: boolean;
  readonly status: string;
  readonly index: number;
}

function sizeOf(kind: CanvasKind): { width: number; height: number } {
  return DEFAULT_SIZES[kind === 'nat' ? 'nat' : kind]!;
}

/** Where an object without a layout box goes: a grid inside its parent. */
export function fallbackPosition(kind: CanvasKind, index: number): { x: number; y: number } {
  switch (kind) {
    case 'vpc':
      return { x: 40 + index * 840, y: 40 };
    case 'subnet':
      return { x: 24 + (index % 2) * 330, y: 56 + Math.floor(index / 2) * 200 };
    case 'cluster':
    case 'nat':
      return { x: 700, y: 56 + index * 110 };
    case 'resource':
      return { x: 16 + (index % 2) * 150, y: 52 + Math.floor(index / 2) * 64 };
    case 'idc':
      return { x: 40 + index * 260, y: 620 };
    case 'ccn':
      return { x: 40 + index * 200, y: -160 };
    case 'internet':
      return { x: 880, y: -160 };
  }
}

export class NodeCache {
  private cache = new Map<string, { inputs: Inputs; node: ObjectNode }>();

  build(
    plan: Plan,
    selection: ReadonlySet<string>,
    status: Readonly<Record<string, string>>,
  ): ObjectNode[] {
    const next = new Map<string, { inputs: Inputs; node: ObjectNode }>();
    const out: ObjectNode[] = [];
    const layout = plan.layout ?? {};
    const add = (id: string, kind: CanvasKind, obj: unknown, index: number, parentId?: string) => {
      const box = layout[id];
      const inputs: Inputs = {
        obj,
        box,
        selected: selection.has(id),
        status: status[id] ?? 'ok',
        index,
      };
      const prev = this.cache.get(id);
      let node = prev?.node;
      const same =
        prev &&
        prev.inputs.obj === obj &&
        prev.inputs.box === box &&
        prev.inputs.selected === inputs.selected &&
        prev.inputs.status === inputs.status &&
        (box !== undefined || prev.inputs.index === index) &&
        node?.parentId === parentId;
      if (!same || !node) {
        const resizable = kind === 'vpc' || kind === 'subnet';
        const size = sizeOf(kind);
        node = {
          id,
          type: kind,
          position: box ? { x: box.x, y: box.y } : fallbackPosition(kind, index),
          data: { kind, obj },
          selected: inputs.selected,
          ...(parentId ? { parentId } : {}),
          ...(resizable
            ? { width: box?.width ?? size.width, height: box?.height ?? size.height }
            : {}),
          domAttributes: { 'data-status': inputs.status, 'data-kind': kind } as Record<
            string,
            string
          >,
          ...(kind === 'vpc' ? { zIndex: 0 } : {}),
        };
      }
      next.set(id, { inputs, node });
      out.push(node);
    };
    const vpcIds = new Set(plan.vpcs.map((v) => v.id));
    const subnetIds = new Set(plan.subnets.map((s) => s.id));
    plan.vpcs.forEach((v, i) => add(v.id, 'vpc', v, i));
    const perParent = new Map<string, number>();
    const nth = (parent: string) => {
      const n = perParent.get(parent) ?? 0;
      perParent.set(parent, n + 1);
      return n;
    };
    for (const s of plan.subnets) if (vpcIds.has(s.vpc)) add(s.id, 'subnet', s, nth(s.vpc), s.vpc);
    for (const c of plan.clusters)
      if (vpcIds.has(c.vpc)) add(c.id, 'cluster', c, nth(`${c.vpc}/side`), c.vpc);
    for (const n of plan.natGateways)
      if (vpcIds.has(n.vpc)) add(n.id, 'nat', n, nth(`${n.vpc}/side`), n.vpc);
    for (const r of plan.resources)
      if (subnetIds.has(r.subnet)) add(r.id, 'resource', r, nth(r.subnet), r.subnet);
    plan.idcs.forEach((d, i) => add(d.id, 'idc', d, i));
    plan.ccns.forEach((c, i) => add(c.id, 'ccn', c, i));
    add(INTERNET_ID, 'internet', INTERNET_ID, 0);
    this.cache = next;
    return out;
  }
}

export type LinkKind = 'peering' | 'ccn' | 'node-subnet' | 'pod-subnet' | 'idc';

export type LinkEdge = Edge<{ kind: LinkKind; label?: string }, 'link'>;
export type PathEdge = Edge<{ path: PathResult; key: string }, 'path'>;

/** Peerings, CCN attachments, IDC links and the ties between clusters and their subnets. */
export function linkEdges(
  plan: Pick<Plan, 'vpcs' | 'subnets' | 'clusters' | 'peerings' | 'ccns' | 'idcs'>,
): LinkEdge[] {
  const edges: LinkEdge[] = [];
  const ids = new Set<string>(
    [...plan.vpcs, ...plan.subnets, ...plan.clusters, ...plan.ccns, ...plan.idcs].map((o) => o.id),
  );
  const link = (id: string, source: string, target: string, kind: LinkKind, label?: string) => {
    if (!ids.has(source) || !ids.has(target)) return;
    edges.push({
      id,
      source,
      target,
      type: 'link',
      data: { kind, ...(label ? { label } : {}) },
      selectable: kind === 'peering',
      focusable: false,
      domAttributes: { 'data-kind': kind } as Record<string, string>,
      zIndex: kind === 'node-subnet' || kind === 'pod-subnet' ? 5 : 1,
    });
  };
  for (const c of plan.clusters) {
    for (const s of c.nodeSubnets ?? []) link(`tie:${c.id}:${s}`, c.id, s, 'node-subnet');
    for (const s of c.podSubnets ?? []) link(`pod:${c.id}:${s}`, c.id, s, 'pod-subnet');
  }
  for (const p of plan.peerings) link(p.id, p.vpcs[0], p.vpcs[1], 'peering', p.name ?? p.id);
  for (const c of plan.ccns)
    for (const m of new Set(c.attachments)) link(`ccn:${c.id}:${m}`, c.id, m, 'ccn');
  for (const d of plan.idcs)
    link(`idc:${d.id}`, d.id, d.vpc, 'idc', d.link === 'direct-connect' ? 'Direct Connect' : 'VPN');
  return edges;
}

export function pathKey(p: { from: string; to: string }): string {
  return `${p.from}->${p.to}`;
}

function samePath(a: PathResult, b: PathResult): boolean {
  return (
    a === b ||
    (a.verdict === b.verdict &&
      a.reason === b.reason &&
      a.message === b.message &&
      a.snatTo === b.snatTo &&
      a.hops.length === b.hops.length &&
      a.hops.every((h, i) => h === b.hops[i]))
  );
}

/**
 * One edge per path whose ends are drawn on the canvas. An edge whose path says the same as
 * before is the same object, so React Flow and the memoised edge skip it: a result that changes
 * two paths out of a hundred re-renders two edges.
 */
export class PathEdgeCache {
  private cache = new Map<string, PathEdge>();

  build(paths: readonly PathResult[], drawn: ReadonlySet<string>): PathEdge[] {
    const next = new Map<string, PathEdge>();
    const out: PathEdge[] = [];
    for (const p of paths) {
      if (!drawn.has(p.from) || !drawn.has(p.to) || p.from === p.to) continue;
      const key = pathKey(p);
      const prev = this.cache.get(key);
      const edge = prev && samePath(prev.data!.path, p) ? prev : pathEdge(p, key);
      next.set(key, edge);
      out.push(edge);
    }
    this.cache = next;
    return out;
  }
}

function pathEdge(p: PathResult, key: string): PathEdge {
  return {
    id: `path:${key}`,
    source: p.from,
    target: p.to,
    type: 'path',
    data: { path: p, key },
    selectable: false,
    focusable: false,
    zIndex: 10,
    domAttributes: { 'data-verdict': p.verdict, 'data-from': p.from, 'data-to': p.to } as Record<
      string,
      string
    >,
  };
}
