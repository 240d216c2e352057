// What the designer proposes for a custom route: the target that a new route's destination
// belongs to, and a route narrowed around a container CIDR it should not cover.
import { cidrOf, contains, formatCidr, nthBlock, parseCidr, type Cidr } from '../ip/cidr';
import { isPrivate } from '../ip/private-ranges';
import { vpcCidrTexts } from '../model/plan-index';
import type { Plan } from '../model/plan';

/**
 * The blocks of `outer` that are not in `inner`, widest first: `outer` halved again and again,
 * keeping each half that misses `inner`. Empty when `inner` covers `outer`; `[outer]` when they
 * do not meet.
 */
export function without(outer: Cidr, inner: Cidr): Cidr[] {
  if (outer.family !== inner.family) return [outer];
  if (contains(inner, outer)) return [];
  if (!contains(outer, inner)) return [outer];
  const out: Cidr[] = [];
  let at: Cidr = outer;
  while (at.prefix < inner.prefix) {
    const low = nthBlock(at, at.prefix + 1, 0)!;
    const high = nthBlock(at, at.prefix + 1, 1)!;
    const [keep, next] = contains(low, inner) ? [high, low] : [low, high];
    out.push(keep);
    at = next;
  }
  return out;
}

/** The destinations that replace `destination` so that it no longer covers `containerCidr`. */
export function narrowedDestinations(destination: string, containerCidr: string): string[] {
  return without(cidrOf(destination), cidrOf(containerCidr)).map(formatCidr);
}

interface Holder {
  readonly target: string;
  /** The prefix of the range that holds the destination: the longest one wins. */
  readonly prefix: number;
}

/**
 * The target among `targets` (ids a route of `vpcId` may use) whose range holds `destination`:
 * an IDC's range, the peer VPC of a peering, a VPC or IDC on a CCN, and for a default route or a
 * public address a NAT gateway. Undefined when none does or the destination does not read.
 */
export function targetHolding(
  plan: Plan,
  vpcId: string,
  destination: string,
  targets: readonly string[],
): string | undefined {
  const parsed = parseCidr(destination);
  if (!parsed.ok) return undefined;
  const dest = parsed.cidr;
  const allowed = new Set(targets);
  let best: Holder | undefined;
  const offer = (target: string, ranges: readonly string[]) => {
    if (!allowed.has(target)) return;
    for (const text of ranges) {
      const r = parseCidr(text);
      if (!r.ok || !contains(r.cidr, dest)) continue;
      if (!best || r.cidr.prefix > best.prefix) best = { target, prefix: r.cidr.prefix };
    }
  };
  const vpcRanges = (id: string) => {
    const v = plan.vpcs.find((x) => x.id === id);
    return v ? vpcCidrTexts(v) : [];
  };
  for (const i of plan.idcs) offer(i.id, i.cidrs);
  for (const p of plan.peerings) {
    if (!p.vpcs.includes(vpcId)) continue;
    for (const other of p.vpcs) if (other !== vpcId) offer(p.id, vpcRanges(other));
  }
  for (const c of plan.ccns) {
    if (!c.attachments.includes(vpcId)) continue;
    for (const member of c.attachments) {
      if (member === vpcId) continue;
      offer(c.id, vpcRanges(member));
      const idc = plan.idcs.find((i) => i.id === member);
      if (idc) offer(c.id, idc.cidrs);
    }
  }
  if (best) return best.target;
  if (dest.prefix === 0 || !isPrivate(dest)) {
    return plan.natGateways.find((n) => n.vpc === vpcId && allowed.has(n.id))?.id;
  }
  return undefined;
}
