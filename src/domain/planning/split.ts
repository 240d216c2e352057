// Splitting a VPC's free space into subnets and joining empty subnets back: the math (which
// blocks are free, which blocks a split makes, whether subnets form one block) and the ops that
// do it in one undo step. The free space of a VPC is what a new subnet may take: its CIDRs less
// its subnets, its clusters' container CIDRs and the reservations that apply (planning/avoid.ts).
import { blockAt, cidrOf, formatCidr, type Cidr4 } from '../ip/cidr';
import { label } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { LayoutBox, Plan, Subnet } from '../model/plan';
import { removeObjects } from '../ops/cascade';
import { newIdOf } from '../ops/create';
import type { PlanOp } from '../ops/ops';
import { subnetRangesToAvoid } from './avoid';

/** A subnet mask is /29 at the longest (rules.md, SUBNET_MASK_RANGE). */
export const SUBNET_PREFIX_MAX = 29;

/** The largest aligned blocks covering [lo, hi] exactly, in address order. */
export function blocksOfRange(lo: number, hi: number): Cidr4[] {
  const out: Cidr4[] = [];
  let at = lo;
  while (at <= hi) {
    // The largest block that starts at `at` (alignment) and ends by `hi`.
    let bits = 0;
    while (bits < 32) {
      const size = 2 ** (bits + 1);
      if (at % size !== 0 || at + size - 1 > hi) break;
      bits++;
    }
    out.push(blockAt(4, at, 32 - bits) as Cidr4);
    at += 2 ** bits;
  }
  return out;
}

/**
 * The free aligned blocks of a VPC's IPv4 CIDRs, in address order: every address no subnet,
 * container CIDR or reservation of the VPC holds, in as few blocks as alignment allows.
 */
export function vpcFreeBlocks(ix: PlanIndex, vpcId: string): Cidr4[] {
  const taken = subnetRangesToAvoid(ix, vpcId)
    .map((r) => r.cidr)
    .filter((c): c is Cidr4 => c.family === 4)
    .sort((a, b) => a.lo - b.lo);
  const out: Cidr4[] = [];
  for (const within of ix.vpcCidrs(vpcId)) {
    if (within.family !== 4) continue;
    let at = within.lo;
    for (const t of taken) {
      if (t.hi < at || t.lo > within.hi) continue;
      if (t.lo > at) out.push(...blocksOfRange(at, t.lo - 1));
      at = Math.max(at, t.hi + 1);
    }
    if (at <= within.hi) out.push(...blocksOfRange(at, within.hi));
  }
  return out.sort((a, b) => a.lo - b.lo);
}

export type SplitPlan = { ok: true; blocks: Cidr4[] } | { ok: false; reason: string };

/** The first `count` blocks of `/prefix` in `block`, in address order. */
export function splitBlock(block: Cidr4, prefix: number, count: number): SplitPlan {
  if (!Number.isInteger(prefix) || prefix > SUBNET_PREFIX_MAX)
    return {
      ok: false,
      reason: `A subnet mask is /${SUBNET_PREFIX_MAX} at the longest, not /${prefix}`,
    };
  if (prefix < block.prefix)
    return { ok: false, reason: `A /${prefix} is larger than ${formatCidr(block)}` };
  const room = 2 ** (prefix - block.prefix);
  if (!Number.isInteger(count) || count < 1)
    return { ok: false, reason: 'Make at least one subnet' };
  if (count > room)
    return {
      ok: false,
      reason: `${formatCidr(block)} holds ${room} × /${prefix}, not ${count}`,
    };
  const size = 2 ** (32 - prefix);
  const blocks: Cidr4[] = [];
  for (let i = 0; i < count; i++) blocks.push(blockAt(4, block.lo + i * size, prefix) as Cidr4);
  return { ok: true, blocks };
}

const ROW_GAP = 20;
const NEW_SUBNET_BOX = { width: 220, height: 110 };

/** Boxes for new subnets of a VPC, in a row under what it already holds, and the VPC grown to fit. */
export function placeInVpc(
  plan: Plan,
  ix: PlanIndex,
  vpcId: string,
  ids: readonly string[],
): PlanOp[] {
  const layout = plan.layout ?? {};
  const vpcBox = layout[vpcId];
  if (!vpcBox) return [];
  let bottom = 40;
  const children = [
    ...ix.subnetsOf(vpcId),
    ...ix.clustersOf(vpcId),
    ...plan.natGateways.filter((n) => n.vpc === vpcId),
  ];
  for (const c of children) {
    const b = layout[c.id];
    if (b) bottom = Math.max(bottom, b.y + (b.height ?? NEW_SUBNET_BOX.height));
  }
  const top = bottom + ROW_GAP;
  // Rows as wide as the VPC already is: growing sideways would run into its neighbours.
  const step = NEW_SUBNET_BOX.width + 16;
  const perRow = Math.max(1, Math.floor(((vpcBox.width ?? 0) - 20) / step));
  const rowStep = NEW_SUBNET_BOX.height + 16;
  const ops: PlanOp[] = ids.map((id, i) => ({
    op: 'layout',
    id,
    box: {
      x: 20 + (i % perRow) * step,
      y: top + Math.floor(i / perRow) * rowStep,
      ...NEW_SUBNET_BOX,
    },
  }));
  const rows = Math.ceil(ids.length / perRow);
  const width = 20 + Math.min(ids.length, perRow) * step + 4;
  const height = top + rows * rowStep - 16 + ROW_GAP;
  const grown: LayoutBox = {
    ...vpcBox,
    width: Math.max(vpcBox.width ?? 0, width),
    height: Math.max(vpcBox.height ?? 0, height),
  };
  if (grown.width !== vpcBox.width || grown.height !== vpcBox.height)
    ops.push({ op: 'layout', id: vpcId, box: grown });
  return ops;
}

export type Edit = { ok: true; ops: PlanOp[]; ids: string[] } | { ok: false; reason: string };

/**
 * Subnets for `count` × `/prefix` of a free block of the VPC, their zones taken in turn from
 * `zones` (none: no zone), named after the VPC.
 */
export function splitOps(
  plan: Plan,
  ix: PlanIndex,
  vpcId: string,
  blockText: string,
  prefix: number,
  count: number,
  zones: readonly string[],
): Edit {
  const vpc = ix.vpc(vpcId);
  if (!vpc) return { ok: false, reason: `No VPC ${vpcId}` };
  const block = cidrOf(blockText);
  if (block.family !== 4) return { ok: false, reason: 'Only IPv4 blocks are split into subnets' };
  const free = vpcFreeBlocks(ix, vpcId);
  if (!free.some((f) => f.lo <= block.lo && block.hi <= f.hi))
    return { ok: false, reason: `${blockText} is not free in VPC ${label(vpc)}` };
  const split = splitBlock(block, prefix, count);
  if (!split.ok) return split;
  const taken = new Set<string>();
  const ids: string[] = [];
  const ops: PlanOp[] = [];
  split.blocks.forEach((b, i) => {
    const id = newIdOf(plan, 'subnet', taken);
    taken.add(id);
    ids.push(id);
    const zone = zones.length > 0 ? zones[i % zones.length] : undefined;
    const object: Subnet = {
      id,
      // Numbered after the VPC's subnets; the zone shows beside the name on the canvas.
      name: `${label(vpc)}-${ix.subnetsOf(vpcId).length + i + 1}`,
      vpc: vpcId,
      cidr: formatCidr(b),
      ...(zone ? { zone } : {}),
    };
    ops.push({ op: 'insert', collection: 'subnets', object });
  });
  ops.push(...placeInVpc(plan, ix, vpcId, ids));
  return { ok: true, ops, ids };
}

export type JoinCheck =
  { ok: true; block: Cidr4; keep: Subnet; others: Subnet[] } | { ok: false; reason: string };

/** Whether a subnet holds nothing: no resource in it, no cluster's nodes or pods. */
function whatIsIn(plan: Plan, ix: PlanIndex, s: Subnet): string | undefined {
  const r = ix.resourcesIn(s.id)[0];
  if (r) return `${label(r)} is in it`;
  const c = plan.clusters.find(
    (x) => x.nodeSubnets?.includes(s.id) || x.podSubnets?.includes(s.id),
  );
  if (c) return `cluster ${label(c)} uses it`;
  return undefined;
}

/**
 * Whether subnets can become one: two or more subnets of one VPC, empty, in one zone and route
 * table, without IPv6, whose CIDRs together are exactly one aligned block.
 */
export function checkJoin(plan: Plan, ix: PlanIndex, ids: readonly string[]): JoinCheck {
  if (new Set(ids).size < 2) return { ok: false, reason: 'Pick two or more subnets to join' };
  const subnets: Subnet[] = [];
  for (const id of new Set(ids)) {
    const s = ix.subnet(id);
    if (!s) return { ok: false, reason: `${label(ix.byId.get(id)?.object, id)} is not a subnet` };
    subnets.push(s);
  }
  const first = subnets[0]!;
  for (const s of subnets) {
    if (s.vpc !== first.vpc)
      return { ok: false, reason: `${label(s)} and ${label(first)} are in different VPCs` };
    const inside = whatIsIn(plan, ix, s);
    if (inside) return { ok: false, reason: `${label(s)} is not empty: ${inside}` };
    if ((s.zone ?? '') !== (first.zone ?? ''))
      return {
        ok: false,
        reason: `${label(s)} and ${label(first)} are in different zones (${s.zone ?? 'none'}, ${first.zone ?? 'none'})`,
      };
    if ((s.routeTable ?? '') !== (first.routeTable ?? ''))
      return { ok: false, reason: `${label(s)} and ${label(first)} use different route tables` };
    if (s.ipv6Cidr) return { ok: false, reason: `${label(s)} has an IPv6 CIDR` };
  }
  const cidrs = subnets.map((s) => cidrOf(s.cidr) as Cidr4).sort((a, b) => a.lo - b.lo);
  for (let i = 1; i < cidrs.length; i++)
    if (cidrs[i]!.lo <= cidrs[i - 1]!.hi)
      return {
        ok: false,
        reason: `${formatCidr(cidrs[i]!)} overlaps ${formatCidr(cidrs[i - 1]!)}`,
      };
  const lo = cidrs[0]!.lo;
  const hi = cidrs.at(-1)!.hi;
  for (let i = 1; i < cidrs.length; i++)
    if (cidrs[i]!.lo !== cidrs[i - 1]!.hi + 1)
      return {
        ok: false,
        reason: `They are not adjacent: ${formatCidr(cidrs[i - 1]!)} and ${formatCidr(cidrs[i]!)} have a gap between them`,
      };
  const cover = blocksOfRange(lo, hi);
  if (cover.length !== 1)
    return {
      ok: false,
      reason: `Together they span ${cover.map(formatCidr).join(' + ')}, not one aligned block`,
    };
  const block = cover[0]!;
  // The lowest subnet keeps its id, name and place; the others go.
  const keep = subnets.find((s) => cidrOf(s.cidr).lo === lo)!;
  return { ok: true, block, keep, others: subnets.filter((s) => s !== keep) };
}

/** Ops that join subnets into the lowest of them, grown to their block. */
export function joinOps(plan: Plan, ix: PlanIndex, ids: readonly string[]): Edit {
  const check = checkJoin(plan, ix, ids);
  if (!check.ok) return check;
  const ops: PlanOp[] = [
    ...removeObjects(
      plan,
      check.others.map((s) => s.id),
    ),
    {
      op: 'update',
      collection: 'subnets',
      id: check.keep.id,
      set: { cidr: formatCidr(check.block) },
    },
  ];
  return { ok: true, ops, ids: [check.keep.id] };
}
