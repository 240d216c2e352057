// A realistic enterprise plan of a given size, the same for the same seed: many VPCs with
// subnets, GlobalRouter and VPC-CNI clusters, databases and CVMs, route tables, NAT gateways,
// peerings, one CCN across most VPCs and a few IDCs; and about one deliberate conflict per
// thousand objects, so that the validator has something to report.
//
// Address pools never overlap each other, so only the deliberate conflicts are findings:
//   VPC primary CIDRs   /16s of 10.0.0.0/9, 10.128.0.0/10 and 172.16.0.0/13 (200 VPCs at most)
//   VPC secondary CIDRs /20s of 192.168.0.0/17
//   container, service  10.192.0.0/10 and 172.24.0.0/13, except SPARE_CONTAINER_CIDR
//   IDC ranges          /22s of 192.168.128.0/17
//   appliance routes    /24s of 100.64.0.0/10 (routes to a CVM next hop)
// Subnets use the lower three quarters of their VPC's /16; the top quarter stays free.
import { formatV4, parseCidr } from '../src/domain/ip/cidr';
import {
  PLAN_FORMAT,
  PLAN_VERSION,
  type Ccn,
  type Collection,
  type Cluster,
  type Idc,
  type NatGateway,
  type Peering,
  type Plan,
  type Resource,
  type ResourceKind,
  type Route,
  type RouteTable,
  type Subnet,
  type Vpc,
} from '../src/domain/model/plan';

/** A container CIDR no generated object uses: the benchmark's edits move a cluster there. */
export const SPARE_CONTAINER_CIDR = '172.31.240.0/20';

/** mulberry32: a tiny, fast, seeded PRNG with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addr = (a: number, b: number, c = 0, d = 0) => ((a * 256 + b) * 256 + c) * 256 + d;
const cidr = (lo: number, prefix: number) => `${formatV4(lo)}/${prefix}`;
const size = (prefix: number) => 2 ** (32 - prefix);
/** First address and prefix of a CIDR this file wrote (parseCidr, not the memoised cidrOf: no warm cache). */
function block(text: string): { lo: number; prefix: number } {
  const r = parseCidr(text);
  if (!r.ok || r.cidr.family !== 4) throw new Error(`not an IPv4 CIDR: ${text}`);
  return { lo: r.cidr.lo, prefix: r.cidr.prefix };
}

/** Hands out aligned blocks from a list of [start, end) ranges, in order. */
class Pool {
  private at: number;
  private range = 0;
  constructor(private readonly ranges: ReadonlyArray<readonly [number, number]>) {
    this.at = ranges[0]![0];
  }
  take(prefix: number): number {
    for (;;) {
      const s = size(prefix);
      const lo = Math.ceil(this.at / s) * s;
      const range = this.ranges[this.range];
      if (!range) throw new Error(`address pool exhausted (/${prefix})`);
      if (lo + s <= range[1]) {
        this.at = lo + s;
        return lo;
      }
      this.range++;
      if (this.ranges[this.range]) this.at = this.ranges[this.range]![0];
    }
  }
}

const REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-beijing', 'ap-chengdu', 'ap-nanjing'];
const ENVS = ['prod', 'staging', 'dev', 'shared', 'data', 'edge'];
const KINDS: ReadonlyArray<[ResourceKind, string, number]> = [
  ['cvm', 'ins', 0.55],
  ['cdb', 'cdb', 0.2],
  ['redis', 'crs', 0.2],
  ['clb', 'lb', 0.05],
];

interface Mutable {
  vpcs: Vpc[];
  subnets: Subnet[];
  clusters: Cluster[];
  resources: Resource[];
  natGateways: NatGateway[];
  peerings: Peering[];
  ccns: Ccn[];
  idcs: Idc[];
  routeTables: RouteTable[];
}

/** Objects in a plan, counting each route as one. */
export function countObjects(plan: Pick<Plan, Collection>): number {
  return (
    plan.vpcs.length +
    plan.subnets.length +
    plan.clusters.length +
    plan.resources.length +
    plan.natGateways.length +
    plan.peerings.length +
    plan.ccns.length +
    plan.idcs.length +
    plan.routeTables.reduce((n, t) => n + 1 + t.routes.length, 0)
  );
}

export function generatePlan(objects: number, seed: number): Plan {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const p: Mutable = {
    vpcs: [],
    subnets: [],
    clusters: [],
    resources: [],
    natGateways: [],
    peerings: [],
    ccns: [],
    idcs: [],
    routeTables: [],
  };
  const containers = new Pool([
    [addr(10, 192), addr(11, 0)],
    [addr(172, 24), addr(172, 31, 240)],
  ]);
  const idcPool = new Pool([[addr(192, 168, 128), addr(192, 169)]]);
  const appliancePool = new Pool([[addr(100, 64), addr(100, 128)]]);
  const vpcBases = [
    ...Array.from({ length: 192 }, (_, i) => addr(10, i)),
    ...Array.from({ length: 8 }, (_, i) => addr(172, 16 + i)),
  ];
  let serial = 0;
  const id = (prefix: string) => `${prefix}-${(serial++).toString(36).padStart(6, '0')}`;

  // VPCs, peerings, the CCN and the IDCs first: route tables refer to them.
  const vpcCount = Math.min(200, Math.max(4, Math.round(0.6 * Math.sqrt(objects))));
  const zonesOf = new Map<string, string[]>();
  for (let i = 0; i < vpcCount; i++) {
    const region = pick(REGIONS);
    const v: Vpc = {
      id: `vpc-${i.toString(36).padStart(4, '0')}`,
      name: `${pick(ENVS)}-${region.slice(3)}-${i}`,
      region,
      cidr: cidr(vpcBases[i]!, 16),
      ...(i % 25 === 3
        ? { secondaryCidrs: [cidr(addr(192, 168, Math.floor(i / 25) * 16), 20)] }
        : {}),
    };
    p.vpcs.push(v);
    const zones = [1, 2, 3, 4, 5, 6].filter(() => chance(0.5)).slice(0, 3);
    zonesOf.set(
      v.id,
      (zones.length ? zones : [3]).map((z) => `${region}-${z}`),
    );
  }
  const peers = new Map<string, Peering[]>();
  const paired = new Set<string>();
  for (let k = 0; k < Math.round(vpcCount * 0.6); k++) {
    const a = int(0, vpcCount - 1);
    const b = int(0, vpcCount - 1);
    const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
    if (a === b || paired.has(key)) continue;
    paired.add(key);
    const pc: Peering = { id: id('pcx'), name: `${a}-${b}`, vpcs: [p.vpcs[a]!.id, p.vpcs[b]!.id] };
    p.peerings.push(pc);
    for (const v of pc.vpcs) peers.set(v, [...(peers.get(v) ?? []), pc]);
  }
  const idcOf = new Map<string, Idc>();
  for (let k = 0; k < Math.min(16, Math.max(2, Math.round(vpcCount / 15))); k++) {
    const vpc = pick(p.vpcs);
    if (idcOf.has(vpc.id)) continue;
    const ranges = Array.from({ length: int(1, 2) }, () => cidr(idcPool.take(22), 22));
    const d: Idc = {
      id: id('idc'),
      name: `dc-${k}`,
      cidrs: ranges,
      vpc: vpc.id,
      link: chance(0.5) ? 'vpn' : 'direct-connect',
    };
    p.idcs.push(d);
    idcOf.set(vpc.id, d);
  }
  const ccn: Ccn & { attachments: string[] } = {
    id: 'ccn-backbone',
    name: 'backbone',
    attachments: [],
  };
  p.ccns.push(ccn);

  // The rest, VPC by VPC, with budgets of different sizes that add up to the requested count.
  const fixed = p.vpcs.length + p.peerings.length + p.idcs.length + p.ccns.length;
  const weights = p.vpcs.map(() => 0.5 + rnd());
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < vpcCount; i++) {
    const v = p.vpcs[i]!;
    const budget = ((objects - fixed) * weights[i]!) / total;
    const start = countObjects(p);
    const zones = zonesOf.get(v.id)!;
    const onCcn = chance(0.7);
    if (onCcn) ccn.attachments.push(v.id);

    const nat: NatGateway | undefined = chance(0.85) ? { id: id('nat'), vpc: v.id } : undefined;
    if (nat) p.natGateways.push(nat);

    // Subnets: mostly /24s, some /22s, in the lower 192 /24s of the VPC (and a few in its secondary).
    const tables: RouteTable[] = Array.from(
      { length: Math.max(1, Math.round(budget / 60)) },
      () => ({
        id: id('rtb'),
        name: 'rtb',
        vpc: v.id,
        routes: [],
      }),
    );
    p.routeTables.push(...tables);
    const subnets: Subnet[] = [];
    const base = vpcBases[i]!;
    let at = 0; // in /24s
    const wanted = Math.max(3, Math.round(budget * 0.22));
    const addSubnet = (lo: number, prefix: number) => {
      const s: Subnet = {
        id: id('subnet'),
        name: `sn-${subnets.length}`,
        vpc: v.id,
        cidr: cidr(lo, prefix),
        zone: pick(zones),
        ...(chance(0.85) ? { routeTable: pick(tables).id } : {}),
      };
      subnets.push(s);
    };
    while (subnets.length < wanted) {
      const prefix = chance(0.06) ? 22 : 24;
      if (prefix === 22) at = Math.ceil(at / 4) * 4;
      if (at + size(prefix) / 256 > 192) break;
      addSubnet(base + at * 256, prefix);
      at += size(prefix) / 256;
    }
    for (const sec of v.secondaryCidrs ?? []) {
      for (let k = 0; k < 3; k++) addSubnet(block(sec).lo + k * 256, 24);
    }
    p.subnets.push(...subnets);

    // Clusters: GlobalRouter with a container CIDR from its own pool; one in eight VPC-CNI, with pod
    // subnets of its own (one per zone of its node subnets) and a service CIDR.
    const podOnly = new Set<string>();
    const nodeUsed = new Set<string>();
    const clusterCount = Math.max(1, Math.round(budget * 0.006));
    for (let k = 0; k < clusterCount; k++) {
      const nodes = [...new Set([pick(subnets), pick(subnets)])]
        .filter((s) => !podOnly.has(s.id))
        .slice(0, int(1, 2));
      if (nodes.length === 0) continue;
      for (const s of nodes) nodeUsed.add(s.id);
      const name = `${v.name}-tke-${k}`;
      if (p.clusters.length % 8 === 3) {
        const free = subnets.filter((s) => !podOnly.has(s.id) && !nodeUsed.has(s.id));
        const nodeZones = [...new Set(nodes.map((n) => n.zone))];
        const chosen = nodeZones.map((z) => free.find((s) => s.zone === z));
        if (chosen.every((s): s is Subnet => s !== undefined)) {
          for (const s of chosen) podOnly.add(s.id);
          p.clusters.push({
            id: id('cls'),
            name,
            vpc: v.id,
            mode: 'vpc-cni',
            nodeSubnets: nodes.map((s) => s.id),
            podSubnets: chosen.map((s) => s.id),
            nodeCount: int(2, 30),
            serviceCidr: cidr(containers.take(22), 22),
          });
          continue;
        }
      }
      const prefix = pick([19, 20, 20, 21, 21]);
      const maxPodsPerNode = pick([32, 64, 64, 128]);
      const maxServices = pick([128, 256, 256, 512]);
      const explicitService = chance(0.2);
      const maxNodes = Math.floor(
        (size(prefix) - (explicitService ? 0 : maxServices)) / maxPodsPerNode,
      );
      const c: Cluster = {
        id: id('cls'),
        name,
        vpc: v.id,
        mode: 'global-router',
        nodeSubnets: nodes.map((s) => s.id),
        nodeCount: int(2, Math.max(2, Math.min(150, Math.floor(maxNodes * 0.6)))),
        containerCidr: cidr(containers.take(prefix), prefix),
        maxPodsPerNode,
        maxServices,
        ...(explicitService ? { serviceCidr: cidr(containers.take(24), 24) } : {}),
      };
      p.clusters.push(c);
      if (onCcn && chance(0.3)) ccn.attachments.push(c.id);
    }

    // Resources (CVMs, databases, load balancers) at .10 onwards of a subnet that is no pod subnet.
    const cvms: Resource[] = [];
    const hosts = subnets.filter((x) => !podOnly.has(x.id));
    const used = new Map<string, number>();
    const addResource = (kind: ResourceKind, prefix: string) => {
      const s = pick(hosts);
      const { lo, prefix: bits } = block(s.cidr);
      const next = used.get(s.id) ?? 10;
      if (next >= size(bits) - 1) return;
      used.set(s.id, next + 1);
      const r: Resource = {
        id: id(prefix),
        name: `${kind}-${next}`,
        kind,
        subnet: s.id,
        ip: formatV4(lo + next),
      };
      p.resources.push(r);
      if (kind === 'cvm') cvms.push(r);
    };
    addResource('cvm', 'ins');

    // Routes: a NAT default route, one per peering and IDC, and some to appliance CVMs.
    const routesWanted = Math.round(budget * 0.08);
    let routes = 0;
    for (const t of tables) {
      const rs = t.routes as Route[];
      if (nat) rs.push({ destination: '0.0.0.0/0', target: nat.id });
      for (const pc of peers.get(v.id) ?? []) {
        const other = pc.vpcs[0] === v.id ? pc.vpcs[1] : pc.vpcs[0];
        rs.push({ destination: p.vpcs.find((x) => x.id === other)!.cidr, target: pc.id });
      }
      const d = idcOf.get(v.id);
      for (const r of d?.cidrs ?? []) rs.push({ destination: r, target: d!.id });
      routes += rs.length;
    }
    while (routes < routesWanted && cvms.length > 0) {
      const t = pick(tables);
      (t.routes as Route[]).push({
        destination: cidr(appliancePool.take(24), 24),
        target: pick(cvms).id,
      });
      routes++;
    }

    // Resources fill the rest of the budget.
    const left = Math.round(budget) - (countObjects(p) - start);
    for (let k = 0; k < left; k++) {
      const x = rnd();
      let acc = 0;
      const kind = KINDS.find(([, , w]) => (acc += w) > x) ?? KINDS[0]!;
      addResource(kind[0], kind[1]);
    }
  }

  addConflicts(p, Math.max(1, Math.round(objects * 0.001)), rnd, id);
  return { format: PLAN_FORMAT, version: PLAN_VERSION, name: `bench-${objects}-${seed}`, ...p };
}

/** Deliberate mistakes, in turn: a subnet overlapping a sibling, a container CIDR inside its VPC, a route into a container CIDR. */
function addConflicts(
  p: Mutable,
  count: number,
  rnd: () => number,
  id: (prefix: string) => string,
): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const grs = () => p.clusters.filter((c) => c.containerCidr);
  const movedVpcs = new Set<string>();
  for (let k = 0; k < count; k++) {
    if (k % 3 === 0) {
      const s = pick(p.subnets.filter((x) => x.cidr.endsWith('/24')));
      p.subnets.push({
        id: id('subnet'),
        name: 'overlapping',
        vpc: s.vpc,
        cidr: s.cidr.replace('/24', '/26'),
        zone: s.zone,
      });
    } else if (k % 3 === 1) {
      const candidates = grs().filter((c) => !movedVpcs.has(c.vpc) && !c.serviceCidr);
      if (candidates.length === 0) continue;
      const c = pick(candidates);
      movedVpcs.add(c.vpc);
      const v = p.vpcs.find((x) => x.id === c.vpc)!;
      const prefix = c.containerCidr!.split('/')[1]!;
      const [a, b] = v.cidr.split('.');
      p.clusters[p.clusters.indexOf(c)] = { ...c, containerCidr: `${a}.${b}.224.0/${prefix}` };
    } else {
      const c = pick(grs());
      const nat = p.natGateways.find((n) => n.vpc === c.vpc);
      const t = p.routeTables.find((x) => x.vpc === c.vpc);
      if (!nat || !t) continue;
      (t.routes as Route[]).push({
        destination: c.containerCidr!.replace(/\/\d+$/, '/24'),
        target: nat.id,
      });
    }
  }
}

/** Every address range such a plan allocates: VPC, subnet, container, service and IDC CIDRs. */
export function generateCidrs(objects: number, seed: number): string[] {
  return planCidrs(generatePlan(objects, seed));
}

/**
 * Every range of a plan that a validator compares: VPC, subnet, container, service and IDC
 * CIDRs, each resource's address (as a /32) and each route's destination. This is what a
 * pairwise tool has to compare to find the same conflicts (an address outside its subnet, a
 * route into a container network, overlapping subnets): about one range per object.
 */
export function planCidrs(plan: Plan): string[] {
  const out: string[] = [];
  for (const v of plan.vpcs) out.push(v.cidr, ...(v.secondaryCidrs ?? []));
  for (const s of plan.subnets) out.push(s.cidr);
  for (const c of plan.clusters) {
    if (c.containerCidr) out.push(c.containerCidr);
    if (c.serviceCidr) out.push(c.serviceCidr);
  }
  for (const d of plan.idcs) out.push(...d.cidrs);
  for (const r of plan.resources) if (r.ip && !r.ip.includes(':')) out.push(`${r.ip}/32`);
  // Default routes overlap everything and find nothing: left out.
  for (const t of plan.routeTables)
    for (const r of t.routes) if (!r.destination.endsWith('/0')) out.push(r.destination);
  return out;
}
