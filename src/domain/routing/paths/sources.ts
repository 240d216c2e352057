// The source's side: a cluster's pods (kept pod IP or SNAT to the node, per node or pod subnet)
// or a resource, each leg evaluated and the worst verdict kept.
import { cidrOf, contains, ipOf, V4_ALL } from '../../ip/cidr';
import { clusterMode, label } from '../../model/defaults';
import type { Cluster, Resource, Subnet } from '../../model/plan';
import { finish } from './finish';
import {
  legName,
  verbFor,
  RANK,
  result,
  type Leg,
  type PathContext,
  type PathResult,
  type RangeLeg,
} from './types';

/** Unreachable from `from` before any hop: the source or the destination has nothing to route. */
function noRoute(base: { from: string; to: string }, message: string): PathResult {
  return result(base, { verdict: 'unreachable', hops: [base.from], reason: 'NO_ROUTE', message });
}

/**
 * The worst verdict over a flow's legs (its addresses, or the internet) and origins. The first
 * unreachable result is final: nothing ranks above it, and a later one never replaces an equal
 * one, so the legs and origins after it are not evaluated (what they would read cannot change
 * the answer, so an edit there need not find this path either).
 */
class Worst {
  result: PathResult | undefined = undefined;

  /** Keeps `r` when it is worse than what was seen; true once nothing can be worse. */
  take(r: PathResult): boolean {
    const w = this.result;
    if (!w || RANK[r.verdict] > RANK[w.verdict]) {
      this.result = r;
      return r.verdict === 'unreachable';
    }
    return w.verdict === 'unreachable';
  }
}

export function fromCluster(cx: PathContext, c: Cluster, to: string, legs: Leg[]): PathResult {
  const ix = cx.ix;
  const nodeSubnets = (c.nodeSubnets ?? [])
    .map((id) => ix.subnet(id))
    .filter((s) => s !== undefined);
  const base = { from: c.id, to };
  if (nodeSubnets.length === 0)
    return noRoute(base, `${label(c)} has no node subnet, so its pods have no network`);
  if (legs.length === 0) return noRoute(base, `${to} has no address to reach`);
  const worst = new Worst();
  for (const leg of legs) if (clusterLeg(cx, c, nodeSubnets, to, leg, worst)) break;
  return worst.result!;
}

function keepsPodIp(cx: PathContext, c: Cluster, leg: RangeLeg): string | undefined {
  const ix = cx.ix;
  if (leg.cidr.family !== 4) return undefined;
  if (leg.kind === 'pods' && leg.cluster.id === c.id) return 'a pod of the same cluster';
  if (leg.kind === 'address' && c.containerCidr && contains(cidrOf(c.containerCidr), leg.cidr)) {
    return 'a pod of the same cluster';
  }
  for (const id of c.podSubnets ?? []) {
    const s = ix.subnet(id);
    if (s && contains(cidrOf(s.cidr), leg.cidr)) return 'a pod of the same cluster';
  }
  for (const id of c.nodeSubnets ?? []) {
    const s = ix.subnet(id);
    if (s && contains(cidrOf(s.cidr), leg.cidr))
      return `a node of the cluster (node subnet ${label(s)})`;
  }
  const vpc = ix.vpc(c.vpc);
  for (const { cidr, text: t } of cx.caches.masq(c).ranges) {
    if (contains(cidr, leg.cidr)) {
      const what =
        t === vpc?.cidr && !c.nonMasqueradeCidrs ? `VPC ${label(vpc)}'s primary CIDR ${t}` : t;
      return `inside ${what}, a non-masquerade range`;
    }
  }
  return undefined;
}

/** The cluster's pods leaving from one subnet (a pod subnet, or a node subnet with or without SNAT). */
function fromSubnet(
  cx: PathContext,
  base: { from: string; to: string },
  c: Cluster,
  origin: Subnet,
  addressText: string,
  address: ReturnType<typeof cidrOf>,
  isContainer: boolean,
  leg: RangeLeg,
  verdict: 'direct' | 'snat',
  why: string,
): PathResult {
  const src = {
    id: c.id,
    vpc: origin.vpc,
    origin,
    address,
    addressText,
    isContainer,
    cluster: c.id,
  };
  return finish(cx, base, c.id, src, leg, verdict, why);
}

/** One leg from each origin of the cluster's pods into `worst`; true once it is final. */
function clusterLeg(
  cx: PathContext,
  c: Cluster,
  nodeSubnets: Subnet[],
  to: string,
  leg: Leg,
  worst: Worst,
): boolean {
  const ix = cx.ix;
  const base = { from: c.id, to };
  if (leg.kind === 'internet') {
    for (const n of nodeSubnets) if (worst.take(internetLeg(cx, c, n, base))) return true;
    return false;
  }
  const keep = keepsPodIp(cx, c, leg);
  if (keep) {
    const podSubnets =
      clusterMode(c) === 'vpc-cni'
        ? (c.podSubnets ?? []).map((id) => ix.subnet(id)).filter((s) => s !== undefined)
        : [];
    if (podSubnets.length > 0) {
      for (const p of podSubnets) {
        const r = fromSubnet(cx, base, c, p, p.cidr, cidrOf(p.cidr), false, leg, 'direct', keep);
        if (worst.take(r)) return true;
      }
      return false;
    }
    if (!c.containerCidr) {
      return worst.take(
        result(base, {
          verdict: 'unreachable',
          hops: [c.id],
          reason: 'NO_ROUTE',
          message: `${label(c)} has no container CIDR, so its pods have no addresses`,
        }),
      );
    }
    const address = cidrOf(c.containerCidr);
    for (const n of nodeSubnets) {
      const r = fromSubnet(cx, base, c, n, c.containerCidr, address, true, leg, 'direct', keep);
      if (worst.take(r)) return true;
    }
    return false;
  }
  // The ranges themselves are left out: they change with the container CIDR, and every
  // path would have to be told again.
  const why = `${legName(leg)} ${verbFor(leg)} outside the cluster's non-masquerade ranges`;
  for (const n of nodeSubnets) {
    const addressText = leg.cidr.family === 6 ? n.ipv6Cidr : n.cidr;
    if (!addressText) {
      const r = result(base, {
        verdict: 'unreachable',
        hops: [c.id, n.id],
        reason: 'NO_ROUTE',
        message: `Node subnet ${label(n)} has no IPv6 range, so pods cannot reach ${leg.text}`,
      });
      if (worst.take(r)) return true;
      continue;
    }
    const r = fromSubnet(cx, base, c, n, addressText, cidrOf(addressText), false, leg, 'snat', why);
    if (worst.take(r)) return true;
  }
  return false;
}

/** The pods' way to the internet from one node subnet. */
function internetLeg(
  cx: PathContext,
  c: Cluster,
  n: Subnet,
  base: { from: string; to: string },
): PathResult {
  cx.router.reads.range(V4_ALL);
  const nat = cx.router.natDefault(n.vpc, n.routeTable);
  if (nat) {
    return result(base, {
      verdict: 'snat' as const,
      hops: [c.id, n.id, nat, 'internet'],
      reason: null,
      message: `Pods are SNATed to their node's IP in ${label(n)} (${n.cidr}), then leave through NAT gateway ${label(cx.ix.nat(nat))}, the default route of ${label(n)}`,
      snatTo: nat,
    });
  }
  if (c.nodePublicIp) {
    return result(base, {
      verdict: 'snat' as const,
      hops: [c.id, n.id, 'internet'],
      reason: null,
      message: `Pods are SNATed to their node's IP in ${label(n)} (${n.cidr}) and leave through the nodes' public IPs`,
      snatTo: n.cidr,
    });
  }
  return result(base, {
    verdict: 'unreachable' as const,
    hops: [c.id, n.id],
    reason: 'NO_INTERNET_EGRESS' as const,
    message: `Node subnet ${label(n)} has no default route to a NAT gateway and the nodes have no public IP: add a NAT gateway and a 0.0.0.0/0 route to it, or give the nodes public IPs`,
  });
}

export function fromResource(cx: PathContext, r: Resource, to: string, legs: Leg[]): PathResult {
  const ix = cx.ix;
  const s = ix.subnet(r.subnet);
  const base = { from: r.id, to };
  if (!s || legs.length === 0) return noRoute(base, `${to} has no address to reach`);
  const worst = new Worst();
  for (const leg of legs) if (worst.take(resourceLeg(cx, r, s, base, leg))) break;
  return worst.result!;
}

/** One leg from a resource: to the internet through its subnet's NAT, or from its own address. */
function resourceLeg(
  cx: PathContext,
  r: Resource,
  s: Subnet,
  base: { from: string; to: string },
  leg: Leg,
): PathResult {
  if (leg.kind === 'internet') {
    cx.router.reads.range(V4_ALL);
    const nat = cx.router.natDefault(s.vpc, s.routeTable);
    return nat
      ? result(base, {
          verdict: 'snat',
          hops: [r.id, s.id, nat, 'internet'],
          reason: null,
          message: `${label(r)} reaches the internet through NAT gateway ${label(cx.ix.nat(nat))}, the default route of ${label(s)}`,
          snatTo: nat,
        })
      : result(base, {
          verdict: 'unreachable',
          hops: [r.id, s.id],
          reason: 'NO_INTERNET_EGRESS',
          message: `Subnet ${label(s)} has no default route to a NAT gateway: add a NAT gateway and a 0.0.0.0/0 route to it`,
        });
  }
  const own = r.ip ? ipOf(r.ip) : undefined;
  const addressText =
    own && own.family === leg.cidr.family ? r.ip! : leg.cidr.family === 6 ? s.ipv6Cidr : s.cidr;
  if (!addressText) {
    return result(base, {
      verdict: 'unreachable',
      hops: [r.id, s.id],
      reason: 'NO_ROUTE',
      message: `Subnet ${label(s)} has no IPv6 range`,
    });
  }
  const address = addressText === r.ip ? own! : cidrOf(addressText);
  return finish(
    cx,
    base,
    r.id,
    { id: r.id, vpc: s.vpc, origin: s, address, addressText, isContainer: false },
    leg,
    'direct',
    `${label(r)} keeps its own address ${addressText}`,
  );
}
