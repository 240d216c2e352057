// The VPC's own address plan: its CIDRs, its subnets and the resources placed in them.
import { freeSubnetCidr } from '../allocate';
import {
  cidrOf,
  contains,
  formatRange,
  ipOf,
  ipv4Number,
  overlaps,
  reservedAddresses,
  equals,
  type Cidr,
  type Cidr4,
} from '../ip/cidr';
import { forEachOverlap } from '../ip/overlap-index';
import { label } from '../model/defaults';
import { isZoneOfRegion, regionOfZone, zonesOf } from '../model/regions';
import type { PlanIndex } from '../model/plan-index';
import type { Resource, Subnet, Vpc } from '../model/plan';
import type { FindingList } from './findings';

const TEN = cidrOf('10.0.0.0/8');
const ONE72 = cidrOf('172.16.0.0/12');
const ONE92 = cidrOf('192.168.0.0/16');

/** Tencent Cloud's VPC ranges: 10/8 and 172.16/12 with masks /12../28, 192.168/16 with /16../28. */
export function isAllowedVpcCidr(c: Cidr): boolean {
  if (c.family !== 4 || c.prefix > 28) return false;
  if (contains(TEN, c) || contains(ONE72, c)) return c.prefix >= 12;
  return contains(ONE92, c) && c.prefix >= 16;
}

function checkVpcCidrs(ix: PlanIndex, v: Vpc, out: FindingList): void {
  const name = label(v);
  const texts = [v.cidr, ...(v.secondaryCidrs ?? [])];
  for (const t of texts) {
    if (!isAllowedVpcCidr(cidrOf(t))) {
      out.add(
        'VPC_CIDR_RANGE',
        [v.id],
        [t],
        `VPC ${name} has CIDR ${t}, which Tencent Cloud does not allow: use a block inside ` +
          `10.0.0.0/8 or 172.16.0.0/12 with a mask from /12 to /28, or inside 192.168.0.0/16 ` +
          `with a mask from /16 to /28`,
      );
    }
  }
  if (v.ipv6Cidr && cidrOf(v.ipv6Cidr).prefix !== 56) {
    out.add(
      'VPC_CIDR_RANGE',
      [v.id],
      [v.ipv6Cidr],
      `VPC ${name} has IPv6 CIDR ${v.ipv6Cidr}; Tencent Cloud gives a VPC a /56`,
    );
  }
  const secondaries = v.secondaryCidrs ?? [];
  for (let i = 0; i < secondaries.length; i++) {
    const s = secondaries[i]!;
    const sc = cidrOf(s);
    const earlier = [v.cidr, ...secondaries.slice(0, i)];
    const hit = earlier.find((e) => overlaps(cidrOf(e), sc));
    if (hit !== undefined) {
      out.add(
        'VPC_CIDR_OVERLAP',
        [v.id],
        [s, hit],
        `VPC ${name}: secondary CIDR ${s} overlaps ${hit === v.cidr ? 'its primary CIDR' : 'its secondary CIDR'} ${hit}; ` +
          `remove it or choose a block apart from the VPC's other CIDRs`,
      );
    }
  }
}

function checkSubnet(
  ix: PlanIndex,
  v: Vpc,
  s: Subnet,
  sc: Cidr,
  vpcRanges: readonly Cidr[],
  out: FindingList,
): void {
  const name = label(s);
  if (sc.prefix > 29) {
    out.add(
      'SUBNET_MASK_RANGE',
      [s.id],
      [s.cidr],
      `Subnet ${name} (${s.cidr}) is smaller than a /29, the smallest subnet Tencent Cloud allows`,
    );
  }
  if (s.ipv6Cidr && cidrOf(s.ipv6Cidr).prefix !== 64) {
    out.add(
      'SUBNET_MASK_RANGE',
      [s.id],
      [s.ipv6Cidr],
      `Subnet ${name} has IPv6 CIDR ${s.ipv6Cidr}; a subnet's IPv6 range must be a /64`,
    );
  }
  let inside = false;
  for (let i = 0; i < vpcRanges.length && !inside; i++)
    inside = vpcRanges[i]!.family === 4 && contains(vpcRanges[i]!, sc);
  if (!inside) {
    const fix = freeSubnetCidr(ix, v.id, Math.max(sc.prefix, 16), s.id);
    out.add(
      'SUBNET_OUTSIDE_VPC',
      [s.id, v.id],
      [s.cidr, v.cidr],
      `Subnet ${name} (${s.cidr}) is not inside VPC ${label(v)} (${[v.cidr, ...(v.secondaryCidrs ?? [])].join(', ')})` +
        (fix
          ? `; a free block there is ${fix}`
          : '; add a secondary CIDR to the VPC that holds it'),
      { suggestion: fix ? { object: s.id, field: 'cidr', value: fix } : undefined },
    );
  }
  if (s.zone !== undefined && v.region !== undefined && !isZoneOfRegion(s.zone, v.region)) {
    const zones = zonesOf(v.region);
    // Keep the zone's number where the region has a zone of that number.
    const num =
      regionOfZone(s.zone) === undefined ? undefined : s.zone.slice(s.zone.lastIndexOf('-') + 1);
    const fix = zones.find((z) => z === `${v.region}-${num}`) ?? zones[0];
    out.add(
      'SUBNET_ZONE_REGION_MISMATCH',
      [s.id, v.id],
      [s.cidr, v.cidr],
      `Subnet ${name} is in zone ${s.zone}, which is not a zone of VPC ${label(v)}'s region ${v.region}: ` +
        `a subnet lives in a zone of its VPC's region${fix ? `, such as ${fix}` : ` (${v.region}-1, ${v.region}-2, ...)`}`,
      { suggestion: fix ? { object: s.id, field: 'zone', value: fix } : undefined },
    );
  }
  if (s.ipv6Cidr) {
    const v6 = cidrOf(s.ipv6Cidr);
    if (!v.ipv6Cidr || !contains(cidrOf(v.ipv6Cidr), v6)) {
      out.add(
        'SUBNET_OUTSIDE_VPC',
        [s.id, v.id],
        [s.ipv6Cidr, v.ipv6Cidr ?? v.cidr],
        v.ipv6Cidr
          ? `Subnet ${name}'s IPv6 CIDR ${s.ipv6Cidr} is not inside VPC ${label(v)}'s ${v.ipv6Cidr}`
          : `Subnet ${name} has IPv6 CIDR ${s.ipv6Cidr} but VPC ${label(v)} has no IPv6 range: give the VPC one`,
      );
    }
  }
}

function checkSubnetOverlaps(
  ix: PlanIndex,
  v: Vpc,
  subnets: readonly Subnet[],
  ranges: readonly Cidr[],
  out: FindingList,
): void {
  const cidrs: Cidr[] = [];
  const owners: Subnet[] = [];
  const places: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < subnets.length; i++) {
    const s = subnets[i]!;
    cidrs.push(ranges[i]!);
    owners.push(s);
    places.push(i);
    texts.push(s.cidr);
    if (s.ipv6Cidr) {
      cidrs.push(cidrOf(s.ipv6Cidr));
      owners.push(s);
      places.push(i);
      texts.push(s.ipv6Cidr);
    }
  }
  forEachOverlap(cidrs, (a, b) => {
    const sa = owners[a]!;
    const sb = owners[b]!;
    if (sa === sb) return;
    // The VPC's subnets are listed in plan order, so their places say which came later without
    // asking the index for positions (which it works out, for all subnets, when first asked).
    // A subnet that is not the index's object for its id (an invalid plan repeats ids) is
    // ordered by the index as before.
    const own = sa.id !== sb.id && ix.subnet(sa.id) === sa && ix.subnet(sb.id) === sb;
    const [later, earlier, lt, et] = (
      own ? places[a]! > places[b]! : ix.order(sa.id) > ix.order(sb.id)
    )
      ? [sa, sb, texts[a]!, texts[b]!]
      : [sb, sa, texts[b]!, texts[a]!];
    const fix = freeSubnetCidr(ix, v.id, cidrOf(later.cidr).prefix, later.id);
    out.add(
      'SUBNET_OVERLAP',
      [later.id, earlier.id],
      [lt, et],
      `Subnet ${label(later)} (${lt}) overlaps subnet ${label(earlier)} (${et}) in VPC ${label(v)}` +
        (fix ? `; ${fix} is free` : ''),
      {
        suggestion:
          fix && lt === later.cidr ? { object: later.id, field: 'cidr', value: fix } : undefined,
      },
    );
  });
}

/** A key per address: the number itself for IPv4 (no string to build), the text for IPv6. */
function ipKey(c: Cidr): number | string {
  return c.family === 4 ? c.lo : `6:${c.lo}`;
}

function checkResources(
  ix: PlanIndex,
  v: Vpc,
  subnets: readonly Subnet[],
  ranges: readonly Cidr[],
  out: FindingList,
): void {
  const seen = new Map<number | string, string>();
  for (let i = 0; i < subnets.length; i++) {
    const s = subnets[i]!;
    const sc = ranges[i]!;
    const s6 = s.ipv6Cidr ? cidrOf(s.ipv6Cidr) : undefined;
    for (const r of ix.resourcesIn(s.id)) {
      if (r.ip === undefined) continue;
      // IPv4, nearly every resource: the address as a number, nothing parsed into an object.
      const n = ipv4Number(r.ip);
      if (n >= 0 && sc.family === 4 && sc.lo <= n && n <= sc.hi) {
        if (isReserved4(sc, n)) reservedIp(s, r, out);
        const first = seen.get(n);
        if (first === undefined) seen.set(n, r.id);
        else duplicateIp(ix, v, r, first, out);
        continue;
      }
      const ip = ipOf(r.ip);
      const home = ip.family === 4 ? sc : s6;
      if (!home || !contains(home, ip)) {
        out.add(
          'RESOURCE_IP_OUTSIDE_SUBNET',
          [r.id, s.id],
          [r.ip, home ? formatRange(home) : s.cidr],
          `${label(r)}'s IP ${r.ip} is not inside its subnet ${label(s)} (${home ? formatRange(home) : `no IPv${ip.family} range`}): ` +
            `move it into the subnet or change its IP`,
        );
      } else if (reservedAddresses(home).some((x) => equals(x, ip))) {
        reservedIp(s, r, out);
      }
      const key = ipKey(ip);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r.id);
      else duplicateIp(ix, v, r, first, out);
    }
  }
}

/** `reservedAddresses(range)` holds the address `n`, without building the list. */
function isReserved4(range: Cidr4, n: number): boolean {
  return (
    n === range.lo ||
    (range.hi > range.lo && n === range.lo + 1) ||
    (range.hi > range.lo + 1 && n === range.hi)
  );
}

function reservedIp(s: Subnet, r: Resource, out: FindingList): void {
  out.add(
    'RESOURCE_IP_RESERVED',
    [r.id, s.id],
    [r.ip!, s.cidr],
    `${label(r)}'s IP ${r.ip} is reserved in subnet ${label(s)} (${s.cidr}): the first two ` +
      `addresses and the last are the network, gateway and broadcast addresses`,
  );
}

function duplicateIp(ix: PlanIndex, v: Vpc, r: Resource, first: string, out: FindingList): void {
  out.add(
    'RESOURCE_IP_DUPLICATE',
    [r.id, first],
    [r.ip!, r.ip!],
    `${label(r)} and ${label(ix.resource(first))} both use ${r.ip} in VPC ${label(v)}: give one another address`,
  );
}

/** Every address-plan rule that concerns one VPC alone. */
export function checkVpcAddressPlan(ix: PlanIndex, v: Vpc, out: FindingList): void {
  checkVpcCidrs(ix, v, out);
  const subnets = ix.subnetsOf(v.id);
  const ranges = ix.vpcCidrs(v.id);
  // Each subnet's range parsed once for the three checks: a 100k plan has some 20,000 subnets,
  // and every `cidrOf` is a lookup in a cache too large for the processor's.
  const subnetRanges = subnets.map((s) => cidrOf(s.cidr));
  for (let i = 0; i < subnets.length; i++)
    checkSubnet(ix, v, subnets[i]!, subnetRanges[i]!, ranges, out);
  checkSubnetOverlaps(ix, v, subnets, subnetRanges, out);
  checkResources(ix, v, subnets, subnetRanges, out);
}
