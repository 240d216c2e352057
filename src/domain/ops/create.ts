// New objects as a designer creates them: dropped from the palette into a container, given an id
// and ranges that conflict with nothing, or refused with a sentence that says where they can go.
import { freeContainerCidr, freeVpcCidr, nextSubnetCidr } from '../allocate';
import { cidrOf, formatV4, ipOf, type Cidr4 } from '../ip/cidr';
import { firstFreeBlock } from '../ip/free-blocks';
import { label } from '../model/defaults';
import { PlanIndex } from '../model/plan-index';
import { KINDS } from '../model/kinds';
import { NODE_SIZES, type NodeKind } from '../model/node-kinds';
import {
  COLLECTIONS,
  type Cluster,
  type LayoutBox,
  type ObjectKind,
  type Plan,
  type PlanObject,
  type ResourceKind,
} from '../model/plan';
import type { PlanOp } from './ops';

export type PaletteKind =
  'vpc' | 'subnet' | 'cluster' | 'vpc-cni-cluster' | ResourceKind | 'nat' | 'idc' | 'ccn';

export const RESOURCE_KIND_NAMES: Readonly<Record<ResourceKind, string>> = {
  cdb: 'database',
  redis: 'Redis cache',
  memcached: 'Memcached cache',
  cvm: 'CVM',
  clb: 'load balancer',
  other: 'resource',
};

export type Created = { ok: true; ops: PlanOp[]; id: string } | { ok: false; message: string };

/** The first unused id of the form `prefix-N`. */
export function newId(plan: Plan, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const ids = new Set<string>(taken);
  for (const list of [
    ...COLLECTIONS.map((c) => plan[c]),
    plan.reservations ?? [],
    plan.comments ?? [],
  ]) {
    for (const o of list) ids.add(o.id);
  }
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!ids.has(id)) return id;
  }
}

/** The first unused id for a new object of this kind, from the kind's prefix in the registry. */
export function newIdOf(
  plan: Plan,
  kind: Exclude<ObjectKind, 'resource'>,
  taken?: ReadonlySet<string>,
): string {
  return newId(plan, KINDS[kind].idPrefix, taken);
}

/** The first usable address of a subnet that no resource holds yet. */
export function nextFreeIp(ix: PlanIndex, subnetId: string): string | undefined {
  const s = ix.subnet(subnetId);
  if (!s) return undefined;
  const c = cidrOf(s.cidr) as Cidr4;
  const used = new Set<number>();
  for (const r of ix.resourcesIn(subnetId)) {
    if (r.ip) {
      const ip = ipOf(r.ip);
      if (ip.family === 4) used.add(ip.lo);
    }
  }
  // The network address and the gateway come first; the broadcast address is last.
  for (let a = c.lo + 2; a < c.hi; a++) if (!used.has(a)) return formatV4(a);
  return undefined;
}

function box(kind: NodeKind, at: { x: number; y: number }, sized: boolean): LayoutBox {
  const size = NODE_SIZES[kind];
  return sized
    ? { x: Math.round(at.x), y: Math.round(at.y), ...size }
    : { x: Math.round(at.x), y: Math.round(at.y) };
}

function insert(
  collection: Parameters<typeof insertOp>[0],
  object: PlanObject,
  layout: LayoutBox,
): PlanOp[] {
  return [insertOp(collection, object), { op: 'layout', id: object.id, box: layout }];
}

function insertOp(
  collection: 'vpcs' | 'subnets' | 'clusters' | 'resources' | 'natGateways' | 'idcs' | 'ccns',
  object: PlanObject,
): PlanOp {
  return { op: 'insert', collection, object };
}

/**
 * Creates an object of `kind` dropped at `at` (relative to `parent`, the VPC or subnet it was
 * dropped on, if any). `nearVpc` is the VPC nearest the drop, for IDCs that link to one.
 */
export function createObject(
  plan: Plan,
  kind: PaletteKind,
  at: { x: number; y: number },
  parent?: string,
  nearVpc?: string,
): Created {
  const ix = new PlanIndex(plan);
  const parentKind = parent ? ix.kindOf(parent) : undefined;
  const vpcId =
    parentKind === 'vpc' ? parent : parentKind === 'subnet' ? ix.subnet(parent)!.vpc : undefined;
  switch (kind) {
    case 'vpc': {
      const cidr = freeVpcCidr(ix, 16) ?? freeVpcCidr(ix, 20);
      if (!cidr) return { ok: false, message: 'No private range is left for another VPC' };
      const id = newIdOf(plan, 'vpc');
      return {
        ok: true,
        id,
        ops: insert(
          'vpcs',
          { id, name: id, region: plan.vpcs[0]?.region ?? 'ap-guangzhou', cidr },
          box('vpc', at, true),
        ),
      };
    }
    case 'subnet': {
      if (!vpcId) return { ok: false, message: 'A subnet lives inside a VPC: drop it onto one' };
      const cidr = nextSubnetCidr(ix, vpcId);
      if (!cidr)
        return {
          ok: false,
          message: `VPC ${label(ix.vpc(vpcId))} has no free range left for a subnet`,
        };
      const id = newIdOf(plan, 'subnet');
      const zone = ix.subnetsOf(vpcId).find((s) => s.zone)?.zone;
      const local = parentKind === 'subnet' ? offsetInVpc(plan, parent!, at) : at;
      return {
        ok: true,
        id,
        ops: insert(
          'subnets',
          { id, name: id, vpc: vpcId, cidr, ...(zone ? { zone } : {}) },
          box('subnet', local, true),
        ),
      };
    }
    case 'cluster':
    case 'vpc-cni-cluster': {
      if (!vpcId) return { ok: false, message: 'A cluster lives inside a VPC: drop it onto one' };
      const id = newIdOf(plan, 'cluster');
      const used = new Set(
        plan.clusters.flatMap((c) => [...(c.nodeSubnets ?? []), ...(c.podSubnets ?? [])]),
      );
      const nodeSubnet =
        parentKind === 'subnet'
          ? parent!
          : ix.subnetsOf(vpcId).find((s) => !used.has(s.id) && ix.resourcesIn(s.id).length === 0)
              ?.id;
      const local = parentKind === 'subnet' ? offsetInVpc(plan, parent!, at) : at;
      // Only the pod network differs by mode: VPC-CNI pods take subnet addresses and need a
      // service range alone; GlobalRouter pods need a container network of their own.
      const common = { id, name: id, vpc: vpcId };
      const nodeSubnets = nodeSubnet ? [nodeSubnet] : [];
      let cluster: Cluster;
      if (kind === 'vpc-cni-cluster') {
        const serviceCidr = freeContainerCidr(ix, vpcId, 20);
        cluster = {
          ...common,
          mode: 'vpc-cni',
          nodeSubnets,
          podSubnets: [],
          ...(serviceCidr ? { serviceCidr } : {}),
        };
      } else {
        const containerCidr = freeContainerCidr(ix, vpcId, 16);
        if (!containerCidr)
          return { ok: false, message: 'No private /16 is free for a container network here' };
        cluster = {
          ...common,
          mode: 'global-router',
          nodeSubnets,
          containerCidr,
          maxPodsPerNode: 64,
          maxServices: 1024,
        };
      }
      return { ok: true, id, ops: insert('clusters', cluster, box('cluster', local, false)) };
    }
    case 'nat': {
      if (!vpcId)
        return { ok: false, message: 'A NAT gateway lives inside a VPC: drop it onto one' };
      const id = newIdOf(plan, 'natGateway');
      const local = parentKind === 'subnet' ? offsetInVpc(plan, parent!, at) : at;
      return {
        ok: true,
        id,
        ops: insert('natGateways', { id, name: id, vpc: vpcId }, box('nat', local, false)),
      };
    }
    case 'idc': {
      // With no VPC to link to, the IDC waits for a CCN to be attached to.
      const link = vpcId ?? nearVpc ?? plan.vpcs[0]?.id;
      const taken = [
        ...plan.vpcs.flatMap((v) => ix.vpcCidrs(v.id)),
        ...plan.clusters.flatMap((c) => (c.containerCidr ? [cidrOf(c.containerCidr)] : [])),
        ...plan.idcs.flatMap((i) => i.cidrs.map(cidrOf)),
      ];
      const range =
        firstFreeBlock(cidrOf('192.168.0.0/16'), 20, taken) ??
        firstFreeBlock(cidrOf('10.0.0.0/8'), 16, taken);
      const id = newIdOf(plan, 'idc');
      const cidrs = range ? [`${formatV4(Number(range.lo))}/${range.prefix}`] : [];
      const absolute = parent ? absolutePosition(plan, parent, at) : at;
      return {
        ok: true,
        id,
        ops: insert(
          'idcs',
          { id, name: id, ...(link ? { vpc: link } : {}), link: 'vpn', cidrs },
          box('idc', absolute, false),
        ),
      };
    }
    case 'ccn': {
      const id = newIdOf(plan, 'ccn');
      const absolute = parent ? absolutePosition(plan, parent, at) : at;
      return {
        ok: true,
        id,
        ops: insert('ccns', { id, name: id, attachments: [] }, box('ccn', absolute, false)),
      };
    }
    default: {
      if (parentKind !== 'subnet') {
        return {
          ok: false,
          message: `A ${RESOURCE_KIND_NAMES[kind]} lives in a subnet: drop it onto one`,
        };
      }
      const id = newId(plan, kind === 'cdb' ? 'db' : kind);
      const ip = nextFreeIp(ix, parent!);
      return {
        ok: true,
        id,
        ops: insert(
          'resources',
          { id, name: id, kind, subnet: parent!, ...(ip ? { ip } : {}) },
          box('resource', at, false),
        ),
      };
    }
  }
}

/** A position inside a subnet, as a position inside its VPC. */
function offsetInVpc(
  plan: Plan,
  subnetId: string,
  at: { x: number; y: number },
): { x: number; y: number } {
  const b = plan.layout?.[subnetId];
  return b ? { x: b.x + at.x, y: b.y + at.y } : at;
}

/** A position relative to `parent`, on the canvas. */
export function absolutePosition(
  plan: Plan,
  parent: string,
  at: { x: number; y: number },
): { x: number; y: number } {
  const ix = new PlanIndex(plan);
  let x = at.x;
  let y = at.y;
  let current: string | undefined = parent;
  while (current) {
    const b = plan.layout?.[current];
    if (b) {
      x += b.x;
      y += b.y;
    }
    const kind = ix.kindOf(current);
    current =
      kind === 'subnet'
        ? ix.subnet(current)?.vpc
        : kind === 'resource'
          ? ix.resource(current)?.subnet
          : kind === 'cluster' || kind === 'natGateway'
            ? (ix.byId.get(current)?.object as { vpc?: string }).vpc
            : undefined;
  }
  return { x, y };
}

export { connectObjects, type Connected } from './connect';
