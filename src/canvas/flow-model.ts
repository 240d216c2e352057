// The plan as React Flow nodes and edges. Node objects are reused while nothing they show
// changes, so that React Flow and the memoised node components skip them on every other update.
import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import { label } from '../domain/model/defaults';
import { DEFAULT_SIZES, RESOURCE_KIND_NAMES } from '../domain/ops/create';
import type { LayoutBox, Plan, ResourceKind } from '../domain/model/plan';
import type { PathResult } from '../domain/routing/paths';
import { pathKey, samePath } from '../domain/incremental/delta';

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
  /** Added or changed since the plan compared with, if a comparison is on. */
  readonly mark: string | undefined;
}

function sizeOf(kind: CanvasKind): { width: number; height: number } {
  return DEFAULT_SIZES[kind === 'nat' ? 'nat' : kind]!;
}

/** What a screen reader says for a node: its kind, its name and its address ("subnet nodes-gz4 10.0.2.0/24"). */
export function nodeAriaLabel(kind: CanvasKind, obj: unknown): string {
  if (kind === 'internet') return 'Internet';
  const o = obj as {
    id: string;
    name?: string;
    cidr?: string;
    ip?: string;
    kind?: ResourceKind;
    containerCidr?: string;
    mode?: string;
    cidrs?: readonly string[];
  };
  const name = label(o);
  switch (kind) {
    case 'vpc':
      return `VPC ${name} ${o.cidr ?? ''}`.trim();
    case 'subnet':
      return `subnet ${name} ${o.cidr ?? ''}`.trim();
    case 'cluster':
      return `cluster ${name} ${o.containerCidr ?? (o.mode === 'vpc-cni' ? 'VPC-CNI' : '')}`.trim();
    case 'resource':
      return `${RESOURCE_KIND_NAMES[o.kind ?? 'other'] ?? 'resource'} ${name} ${o.ip ?? ''}`.trim();
    case 'nat':
      return `NAT gateway ${name}`;
    case 'idc':
      return `IDC ${name} ${(o.cidrs ?? []).join(', ')}`.trim();
    case 'ccn':
      return `CCN ${name}`;
  }
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

/**
 * Edges here float (they meet a node's border wherever the line between centres crosses it), so
 * the handles they hang on need no measuring: declaring them keeps React Flow from dropping every
 * edge of a node while it measures the node's handles again after each edit.
 */
const FIXED_HANDLES: NonNullable<ObjectNode['handles']> = [
  { id: 'in', type: 'target', position: Position.Top, x: 0, y: 0, width: 1, height: 1 },
  { id: 'out', type: 'source', position: Position.Bottom, x: 0, y: 0, width: 1, height: 1 },
];
/** Objects a person connects by dragging from the dot on their right edge (see NodeChrome). */
const CONNECTABLE: ReadonlySet<CanvasKind> = new Set(['vpc', 'cluster', 'idc', 'ccn']);

/** Above everything else while dragged (React Flow lifts a node's children above it in turn). */
export const DRAG_Z = 1000;

/**
 * The nodes with the positions of a drag in progress. Only the dragged nodes change; the plan
 * takes the final positions when the drag ends, as one edit. Dragged nodes are lifted to the
 * top: the browser finds what is under the pointer from the top down, and on a large plan a
 * dragged VPC at the bottom costs a walk past every other node on every mouse move.
 */
export function withPositions(
  nodes: ObjectNode[],
  positions: ReadonlyMap<string, { x: number; y: number }> | null,
): ObjectNode[] {
  if (!positions || positions.size === 0) return nodes;
  return nodes.map((n) => {
    const p = positions.get(n.id);
    return p ? { ...n, position: p, zIndex: DRAG_Z } : n;
  });
}

export class NodeCache {
  private cache = new Map<string, { inputs: Inputs; node: ObjectNode }>();
  /**
   * Sizes React Flow measured. A node object handed over without `measured` makes React Flow
   * measure it again, and until then every edge at that node disappears and is mounted anew:
   * so each new node object carries the last measured size.
   */
  private readonly measured = new Map<string, { width: number; height: number }>();

  setMeasured(id: string, size: { width: number; height: number }): void {
    this.measured.set(id, size);
  }

  build(
    plan: Plan,
    selection: ReadonlySet<string>,
    status: Readonly<Record<string, string>>,
    marks: Readonly<Record<string, string>> = {},
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
        mark: marks[id],
      };
      const prev = this.cache.get(id);
      let node = prev?.node;
      const same =
        prev &&
        prev.inputs.obj === obj &&
        prev.inputs.box === box &&
        prev.inputs.selected === inputs.selected &&
        prev.inputs.status === inputs.status &&
        prev.inputs.mark === inputs.mark &&
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
          ariaLabel: nodeAriaLabel(kind, obj),
          selected: inputs.selected,
          ...(parentId ? { parentId } : {}),
          // Leaves size themselves; their initial size lets a large plan's canvas tell which
          // are in view before they are drawn (React Flow takes a zero-sized node as visible).
          ...(resizable
            ? { width: box?.width ?? size.width, height: box?.height ?? size.height }
            : { initialWidth: size.width, initialHeight: size.height }),
          domAttributes: {
            'data-status': inputs.status,
            'data-kind': kind,
            ...(inputs.mark ? { 'data-diff': inputs.mark } : {}),
          } as Record<string, string>,
          handles: CONNECTABLE.has(kind)
            ? [
                ...FIXED_HANDLES,
                {
                  id: 'connect',
                  type: 'source',
                  position: Position.Right,
                  x: box?.width ?? size.width,
                  y: 19,
                  width: 11,
                  height: 11,
                },
              ]
            : FIXED_HANDLES,
          ...(this.measured.has(id) ? { measured: this.measured.get(id)! } : {}),
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
export type PathEdge = Edge<
  {
    /** The path drawn, or the first of a bundle. */
    path: PathResult;
    key: string;
    /** For a bundle: the keys of every path it stands for. */
    keys?: readonly string[];
  },
  'path'
>;

/** Above this many path edges, paths to the resources of one subnet with one verdict become one edge. */
export const BUNDLE_ABOVE = 40;

const LINK_WORDS: Readonly<Record<LinkKind, string>> = {
  peering: 'peering',
  ccn: 'CCN attachment',
  'node-subnet': 'node subnet of',
  'pod-subnet': 'pod subnet of',
  idc: 'IDC link',
};

/** Peerings, CCN attachments, IDC links and the ties between clusters and their subnets. */
export function linkEdges(
  plan: Pick<Plan, 'vpcs' | 'subnets' | 'clusters' | 'peerings' | 'ccns' | 'idcs'>,
): LinkEdge[] {
  const edges: LinkEdge[] = [];
  const ids = new Set<string>(
    [...plan.vpcs, ...plan.subnets, ...plan.clusters, ...plan.ccns, ...plan.idcs].map((o) => o.id),
  );
  const names = new Map<string, string>(
    [...plan.vpcs, ...plan.subnets, ...plan.clusters, ...plan.ccns, ...plan.idcs].map((o) => [
      o.id,
      label(o),
    ]),
  );
  const link = (id: string, source: string, target: string, kind: LinkKind, label?: string) => {
    if (!ids.has(source) || !ids.has(target)) return;
    edges.push({
      id,
      source,
      target,
      type: 'link',
      ariaLabel: `${LINK_WORDS[kind]} ${names.get(source)} to ${names.get(target)}`,
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
    if (d.vpc)
      link(
        `idc:${d.id}`,
        d.id,
        d.vpc,
        'idc',
        d.link === 'direct-connect' ? 'Direct Connect' : 'VPN',
      );
  return edges;
}

const VERDICT_COLORS = { direct: '#059669', snat: '#2563eb', unreachable: '#dc2626' } as const;

export { pathKey };

/**
 * One edge per path whose ends are drawn on the canvas. An edge whose path says the same as
 * before is the same object, so React Flow and the memoised edge skip it: a result that changes
 * two paths out of a hundred re-renders two edges.
 */
export class PathEdgeCache {
  private cache = new Map<string, PathEdge>();

  /**
   * Resources are the ends of most paths; with many on the canvas, a path to each becomes a
   * hairball that tells nothing. Beyond BUNDLE_ABOVE edges, the paths from one cluster to the
   * resources of one subnet that share a verdict and reason are drawn as one edge to the subnet.
   */
  build(
    paths: readonly PathResult[],
    drawn: ReadonlySet<string>,
    subnetOf: (id: string) => string | undefined,
    nameOf: (id: string) => string = (id) => id,
  ): PathEdge[] {
    const next = new Map<string, PathEdge>();
    const out: PathEdge[] = [];
    const shown = paths.filter((p) => drawn.has(p.from) && drawn.has(p.to) && p.from !== p.to);
    const bundles = new Map<string, PathResult[]>();
    const single: PathResult[] = [];
    if (shown.length > BUNDLE_ABOVE) {
      for (const p of shown) {
        const subnet = subnetOf(p.to);
        if (!subnet || !drawn.has(subnet)) {
          single.push(p);
          continue;
        }
        const key = `${p.from}->${subnet}:${p.verdict}:${p.reason ?? ''}`;
        const list = bundles.get(key);
        if (list) list.push(p);
        else bundles.set(key, [p]);
      }
    } else single.push(...shown);
    for (const p of single) {
      const key = pathKey(p);
      const prev = this.cache.get(key);
      const aria = pathAriaLabel(p, nameOf);
      const edge =
        prev && !prev.data!.keys && samePath(prev.data!.path, p) && prev.ariaLabel === aria
          ? prev
          : pathEdge(p, key, aria);
      next.set(key, edge);
      out.push(edge);
    }
    for (const [key, list] of bundles) {
      const first = list[0]!;
      if (list.length === 1) {
        const k = pathKey(first);
        const prev = this.cache.get(k);
        const aria = pathAriaLabel(first, nameOf);
        const edge =
          prev && !prev.data!.keys && samePath(prev.data!.path, first) && prev.ariaLabel === aria
            ? prev
            : pathEdge(first, k, aria);
        next.set(k, edge);
        out.push(edge);
        continue;
      }
      const keys = list.map(pathKey);
      const prev = this.cache.get(key);
      const same =
        prev?.data?.keys?.length === keys.length &&
        prev.data.keys.every((k, i) => k === keys[i]) &&
        samePath(prev.data.path, first);
      const subnet = subnetOf(first.to)!;
      const aria = `${list.length} paths from ${nameOf(first.from)} to resources of ${nameOf(subnet)}: ${VERDICT_WORDS[first.verdict]}`;
      const edge: PathEdge =
        same && prev.ariaLabel === aria
          ? prev
          : {
              ...pathEdge(first, key, aria),
              id: `paths:${key}`,
              target: subnet,
              data: { path: first, key, keys },
              domAttributes: {
                'data-verdict': first.verdict,
                'data-from': first.from,
                'data-to': subnet,
                'data-count': String(list.length),
              } as Record<string, string>,
            };
      next.set(key, edge);
      out.push(edge);
    }
    this.cache = next;
    return out;
  }
}

const VERDICT_WORDS = {
  direct: 'pod IP kept',
  snat: 'SNAT',
  unreachable: 'unreachable',
} as const;

/** Worse verdicts lie on top where lines cross. */
const VERDICT_Z = { direct: 10, snat: 11, unreachable: 12 } as const;

/** What a screen reader says for a path line, in the names people read. */
export function pathAriaLabel(p: PathResult, nameOf: (id: string) => string): string {
  const why = p.verdict === 'unreachable' && p.reason ? ` (${p.reason})` : '';
  return `path ${nameOf(p.from)} to ${nameOf(p.to)}: ${VERDICT_WORDS[p.verdict]}${why}`;
}

function pathEdge(p: PathResult, key: string, ariaLabel: string): PathEdge {
  return {
    id: `path:${key}`,
    ariaLabel,
    source: p.from,
    target: p.to,
    type: 'path',
    data: { path: p, key },
    // React Flow draws these arrowheads inside the viewport, so picture exports keep them.
    markerEnd: {
      type: MarkerType.ArrowClosed,
      color: VERDICT_COLORS[p.verdict],
      width: 14,
      height: 14,
    },
    selectable: false,
    focusable: false,
    zIndex: VERDICT_Z[p.verdict],
    domAttributes: { 'data-verdict': p.verdict, 'data-from': p.from, 'data-to': p.to } as Record<
      string,
      string
    >,
  };
}
