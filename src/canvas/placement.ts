// Where things land on the canvas: which container is under a point, and what a finished drag
// means for the plan (a resource moved to another subnet; a subnet dragged out of its VPC
// goes back, with a sentence that says why).
import { nextSubnetCidr } from '../domain/allocate';
import { newIdOf, nextFreeIp } from '../domain/ops/create';
import { applyOps, type PlanOp } from '../domain/ops/ops';
import { label } from '../domain/model/defaults';
import { containerOf } from '../domain/model/node-kinds';
import type { PlanIndex } from '../domain/model/plan-index';
import { planIndexOf } from '../domain/model/plan-index';
import type { LayoutBox, Plan } from '../domain/model/plan';
import { CANVAS_KIND, nodeSize, type CanvasKind } from '../ui/kinds';

export interface Rect {
  readonly id: string;
  readonly kind: CanvasKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function inside(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

function centre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** The innermost subnet or VPC under a point. */
export function containerAt(rects: readonly Rect[], p: { x: number; y: number }): Rect | undefined {
  return (
    rects.find((r) => r.kind === 'subnet' && inside(r, p)) ??
    rects.find((r) => r.kind === 'vpc' && inside(r, p))
  );
}

export interface MoveResult {
  readonly ops: PlanOp[];
  /** Set when the move cannot stand: the whole drag is undone. */
  readonly refused?: string;
  readonly message?: string;
}

export function moveOps(
  plan: Plan,
  dragged: readonly string[],
  rects: readonly Rect[],
): MoveResult {
  const ix = planIndexOf(plan);
  const byId = new Map(rects.map((r) => [r.id, r]));
  const moving = new Set(dragged);
  const ops: PlanOp[] = [];
  const messages: string[] = [];
  for (const id of dragged) {
    const r = byId.get(id);
    if (!r) continue;
    const kind = ix.kindOf(id);
    if (kind === 'subnet' || kind === 'cluster' || kind === 'natGateway') {
      const vpcId = (ix.byId.get(id)!.object as { vpc: string }).vpc;
      if (moving.has(vpcId)) continue;
      const v = byId.get(vpcId);
      if (v && !inside(v, centre(r))) {
        const what =
          kind === 'subnet' ? 'A subnet' : kind === 'cluster' ? 'A cluster' : 'A NAT gateway';
        return {
          ops: [],
          refused: `${what} stays in its VPC (${label(ix.vpc(vpcId))}): it went back`,
        };
      }
    } else if (kind === 'resource') {
      const res = ix.resource(id)!;
      if (moving.has(res.subnet)) continue;
      const home = ix.subnet(res.subnet)!;
      const target = rects.find(
        (x) => x.kind === 'subnet' && inside(x, centre(r)) && ix.subnet(x.id)?.vpc === home.vpc,
      );
      if (!target) {
        return {
          ops: [],
          refused: `${label(res)} must sit in a subnet of VPC ${label(ix.vpc(home.vpc))}: it went back`,
        };
      }
      if (target.id !== res.subnet) {
        const ip = nextFreeIp(ix, target.id);
        ops.push({
          op: 'update',
          collection: 'resources',
          id,
          set: ip ? { subnet: target.id, ip } : { subnet: target.id },
          ...(ip ? {} : { unset: ['ip' as const] }),
        });
        const box = plan.layout?.[id];
        ops.push({
          op: 'layout',
          id,
          box: { ...(box ?? {}), x: Math.round(r.x - target.x), y: Math.round(r.y - target.y) },
        });
        messages.push(
          `${label(res)} moved to subnet ${label(ix.subnet(target.id))}${ip ? ` with IP ${ip}` : ''}`,
        );
      }
    }
  }
  return { ops, ...(messages.length > 0 ? { message: messages.join('; ') } : {}) };
}

// ---- Containment and free spots -----------------------------------------------------------------
// A container (VPC, subnet) always holds its children whole: it grows when one is placed or
// dropped near its edge, and cannot be resized smaller than what it holds. New objects land
// where nothing else is.

/** Room a container keeps around its children: its header above, a margin elsewhere. */
const INSET: Readonly<Record<'vpc' | 'subnet', { top: number; side: number }>> = {
  vpc: { top: 56, side: 16 },
  subnet: { top: 64, side: 12 },
};
const GAP = 16;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The canvas kind (and size key) of each kind of plan object that is drawn as a box. */
export { CANVAS_KIND };

/** The container an object sits in on the canvas (its layout box is relative to it). */
export function parentOf(ix: PlanIndex, id: string): string | undefined {
  const entry = ix.byId.get(id);
  return entry ? containerOf(entry.kind, entry.object) : undefined;
}

/**
 * Leaves size themselves to their text, which grows as the canvas zooms out (semantic zoom): the
 * room they take at a fitted zoom, a little over their declared sizes.
 */
const LEAF_ROOM: Readonly<Record<string, { width: number; height: number }>> = {
  cluster: { width: 250, height: 140 },
  resource: { width: 190, height: 64 },
  nat: { width: 170, height: 64 },
};

/** An object's box relative to its container: its own size, or its kind's usual one. */
function boxOf(plan: Plan, ix: PlanIndex, id: string): Box | undefined {
  const l = plan.layout?.[id];
  if (!l) return undefined;
  const key = CANVAS_KIND[ix.kindOf(id) ?? ''] ?? 'resource';
  const d = LEAF_ROOM[key] ?? nodeSize(key);
  return { x: l.x, y: l.y, w: l.width ?? d.width, h: l.height ?? d.height };
}

function childrenOf(ix: PlanIndex, containerId: string): string[] {
  if (ix.kindOf(containerId) === 'subnet') return ix.resourcesIn(containerId).map((r) => r.id);
  return [
    ...ix.subnetsOf(containerId).map((s) => s.id),
    ...ix.clustersOf(containerId).map((c) => c.id),
    ...ix.natsOf(containerId).map((n) => n.id),
  ];
}

/** The smallest size a container can have and still hold all its children. */
export function contentExtent(
  plan: Plan,
  containerId: string,
  ix: PlanIndex = planIndexOf(plan),
): { width: number; height: number } {
  const kind = ix.kindOf(containerId) === 'subnet' ? 'subnet' : 'vpc';
  let width = 0;
  let height = 0;
  for (const id of childrenOf(ix, containerId)) {
    const b = boxOf(plan, ix, id);
    if (!b) continue;
    width = Math.max(width, b.x + b.w + INSET[kind].side);
    height = Math.max(height, b.y + b.h + INSET[kind].side);
  }
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/**
 * Ops that grow the containers of `ids` (and theirs, up to the VPC) so each holds its children
 * whole; a child left or above its container's edge is moved in.
 */
export function containOps(plan: Plan, ids: readonly string[]): PlanOp[] {
  const ix = planIndexOf(plan);
  const layout: Record<string, LayoutBox> = { ...(plan.layout ?? {}) };
  const changed = new Set<string>();
  const pending = [...ids];
  while (pending.length > 0) {
    const id = pending.shift()!;
    const parent = parentOf(ix, id);
    const own = layout[id];
    if (!parent || !own || !layout[parent]) continue;
    const kind = ix.kindOf(parent) === 'subnet' ? 'subnet' : 'vpc';
    const inset = INSET[kind];
    if (own.x < inset.side || own.y < inset.top) {
      layout[id] = {
        ...own,
        x: Math.max(own.x, inset.side),
        y: Math.max(own.y, inset.top),
      };
      changed.add(id);
    }
    const need = contentExtent({ ...plan, layout }, parent, ix);
    const p = layout[parent];
    const width = p.width ?? nodeSize(kind).width;
    const height = p.height ?? nodeSize(kind).height;
    if (need.width > width || need.height > height) {
      layout[parent] = {
        ...p,
        width: Math.max(width, need.width),
        height: Math.max(height, need.height),
      };
      changed.add(parent);
      pending.push(parent);
    }
  }
  return [...changed].map((id) => ({ op: 'layout', id, box: layout[id]! }));
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP
  );
}

/**
 * The spot nearest `want` where a box of its size overlaps none of `others`: first within
 * `area` (a container's inside), else below everything.
 */
export function freeSpot(
  want: Box,
  others: readonly Box[],
  area?: { x0: number; y0: number; x1: number; y1: number },
): { x: number; y: number } {
  if (!others.some((o) => overlaps(want, o))) return { x: want.x, y: want.y };
  const step = 10;
  const candidates: { x: number; y: number; d: number }[] = [];
  const x0 = area ? area.x0 : want.x - 1500;
  const y0 = area ? area.y0 : want.y - 1500;
  const x1 = area ? area.x1 - want.w : want.x + 1500;
  const y1 = area ? area.y1 - want.h : want.y + 1500;
  for (let x = x0; x <= x1; x += step)
    for (let y = y0; y <= y1; y += step)
      candidates.push({ x, y, d: Math.hypot(x - want.x, y - want.y) });
  candidates.sort((a, b) => a.d - b.d);
  for (const c of candidates)
    if (!others.some((o) => overlaps({ ...want, x: c.x, y: c.y }, o))) return { x: c.x, y: c.y };
  const bottom = Math.max(...others.map((o) => o.y + o.h));
  return { x: area ? area.x0 : want.x, y: bottom + GAP * 2 };
}

/**
 * Where a new object goes once created: off any sibling it was dropped on, then its containers
 * grown to hold it. `plan` already holds the object.
 */
export function settleNewOps(plan: Plan, id: string): PlanOp[] {
  const ix = planIndexOf(plan);
  const own = boxOf(plan, ix, id);
  if (!own) return [];
  const parent = parentOf(ix, id);
  // A VPC, IDC or CCN goes where it was dropped, in view: moved off a neighbour it could land
  // out of sight.
  if (!parent) return [];
  const siblings = childrenOf(ix, parent)
    .filter((s) => s !== id)
    .flatMap((s) => {
      const b = boxOf(plan, ix, s);
      return b ? [b] : [];
    });
  const p = boxOf(plan, ix, parent);
  const inset = INSET[ix.kindOf(parent) === 'subnet' ? 'subnet' : 'vpc'];
  const area = p
    ? { x0: inset.side, y0: inset.top, x1: p.w - inset.side, y1: p.h - inset.side }
    : undefined;
  const spot = freeSpot(own, siblings, area);
  const layout = plan.layout![id]!;
  const moved =
    spot.x !== own.x || spot.y !== own.y
      ? [{ op: 'layout' as const, id, box: { ...layout, x: spot.x, y: spot.y } }]
      : [];
  const next = moved.length > 0 ? applyOps(plan, moved).plan : plan;
  const grown = containOps(next, [id]);
  // The object's own box last: containOps may have moved it in from an edge.
  return [...moved.filter(() => !grown.some((g) => g.op === 'layout' && g.id === id)), ...grown];
}

/**
 * A cluster created without a node subnet gets the first subnet of its VPC that no other cluster
 * uses for nodes or pods, as the first cluster did; when there is none, a new subnet with the
 * VPC's next free range, so a second cluster does not start with NODE_SUBNET_MISSING.
 */
export function nodeSubnetOps(plan: Plan, clusterId: string): PlanOp[] {
  const ix = planIndexOf(plan);
  const c = ix.cluster(clusterId);
  if (!c || (c.nodeSubnets ?? []).length > 0) return [];
  const used = new Set(
    plan.clusters
      .filter((o) => o.id !== clusterId)
      .flatMap((o) => [...(o.nodeSubnets ?? []), ...(o.podSubnets ?? [])]),
  );
  const free =
    ix.subnetsOf(c.vpc).find((s) => !used.has(s.id) && ix.resourcesIn(s.id).length === 0) ??
    ix.subnetsOf(c.vpc).find((s) => !used.has(s.id));
  if (free)
    return [
      { op: 'update', collection: 'clusters', id: clusterId, set: { nodeSubnets: [free.id] } },
    ];
  const cidr = nextSubnetCidr(ix, c.vpc);
  if (!cidr) return [];
  const id = newIdOf(plan, 'subnet');
  const zone = ix.subnetsOf(c.vpc).find((s) => s.zone)?.zone;
  const near = plan.layout?.[clusterId];
  const size = nodeSize('subnet');
  const insertOps: PlanOp[] = [
    {
      op: 'insert',
      collection: 'subnets',
      object: { id, name: id, vpc: c.vpc, cidr, ...(zone ? { zone } : {}) },
    },
    {
      op: 'layout',
      id,
      box: { x: (near?.x ?? 20) + 240, y: near?.y ?? 60, width: size.width, height: size.height },
    },
    { op: 'update', collection: 'clusters', id: clusterId, set: { nodeSubnets: [id] } },
  ];
  const next = applyOps(plan, insertOps).plan;
  return [...insertOps, ...settleNewOps(next, id)];
}

/**
 * The ops that create an object, completed for the canvas: a cluster's node subnet, a spot of its
 * own, and containers grown to hold it.
 */
export function placedCreationOps(plan: Plan, ops: readonly PlanOp[], id: string): PlanOp[] {
  const all: PlanOp[] = [...ops];
  let next = applyOps(plan, all).plan;
  const step = (more: PlanOp[]) => {
    if (more.length === 0) return;
    all.push(...more);
    next = applyOps(next, more).plan;
  };
  step(settleNewOps(next, id));
  step(nodeSubnetOps(next, id));
  return all;
}
