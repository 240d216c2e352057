// The path rules of docs/spec/rules.md ("Routes" and "Paths"), one small plan per rule. Each
// test names the verdict, the reason and the hops: the cluster (or resource), its subnet, the
// gateways, peerings or CCNs crossed, the destination's subnet, the destination.
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analyze';
import type { Cluster, Plan } from '../model/plan';
import type { PathResult } from './paths';
import {
  basePlan,
  ccn,
  type PlanParts,
  cluster,
  idc,
  nat,
  peering,
  plan,
  resource,
  subnet,
  table,
  vpc,
} from '../../test-support/builders';

type Expected = Pick<PathResult, 'verdict' | 'reason' | 'hops'>;

/** The one path of a flow `from` → `to` in plan `p` (its own flows replaced). */
function pathOf(p: Plan, from: string, to: string): PathResult {
  const { paths } = analyzePlan({ ...p, flows: [{ from, to }] });
  expect(paths).toHaveLength(1);
  const path = paths[0]!;
  expect(path.from).toBe(from);
  expect(path.to).toBe(to);
  expect(typeof path.message).toBe('string');
  expect(path.message.length).toBeGreaterThan(0);
  return path;
}

function expectPath(p: Plan, from: string, to: string, want: Expected): PathResult {
  const path = pathOf(p, from, to);
  expect({ verdict: path.verdict, reason: path.reason, hops: path.hops }).toEqual(want);
  return path;
}

const direct = (hops: string[]): Expected => ({ verdict: 'direct', reason: null, hops });
const snat = (hops: string[]): Expected => ({ verdict: 'snat', reason: null, hops });
const unreachable = (reason: PathResult['reason'], hops: string[]): Expected => ({
  verdict: 'unreachable',
  reason,
  hops,
});

/** The base plan's cls-1 with some fields changed. */
function cls1(extra: Partial<Cluster> = {}): Cluster {
  return cluster('cls-1', 'vpc-a', {
    nodeSubnets: ['sn-node'],
    containerCidr: '172.16.0.0/16',
    maxPodsPerNode: 256,
    maxServices: 256,
    ...extra,
  });
}

const BASE_SUBNETS = basePlan().subnets;

// ---- two VPCs joined by a peering ---------------------------------------------------------------

interface PeerOptions {
  /** Route 10.1.0.0/16 → pcx-1 in the node subnet's table. */
  forward?: boolean;
  /** Routes back in vpc-b's data subnet table (default: the node subnet 10.0.0.0/16). */
  back?: string[];
  cluster?: Partial<Cluster>;
}

/** vpc-a (10.0.0.0/16) peered with vpc-b (10.1.0.0/16), db-b at 10.1.3.7 in sn-b. */
function peered(o: PeerOptions = {}): Plan {
  const forward = o.forward ?? true;
  const back = o.back ?? ['10.0.0.0/16'];
  return basePlan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
      subnet('sn-b', 'vpc-b', '10.1.3.0/24', { routeTable: 'rtb-b' }),
    ],
    clusters: [cls1(o.cluster)],
    resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-b', 'sn-b', '10.1.3.7')],
    peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')],
    routeTables: [
      table('rtb-a', 'vpc-a', forward ? [['10.1.0.0/16', 'pcx-1']] : []),
      table(
        'rtb-b',
        'vpc-b',
        back.map((d): [string, string] => [d, 'pcx-1']),
      ),
    ],
  });
}

// ---- two VPCs on one CCN --------------------------------------------------------------------------

/** vpc-a and vpc-b (db-b at 10.1.3.7 in sn-b) attached to ccn-1, without custom routes. */
function onCcn(attachments: string[], cluster: Partial<Cluster> = {}): Plan {
  return basePlan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
    subnets: [...BASE_SUBNETS, subnet('sn-b', 'vpc-b', '10.1.3.0/24')],
    clusters: [cls1(cluster)],
    resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-b', 'sn-b', '10.1.3.7')],
    ccns: [ccn('ccn-1', attachments)],
  });
}

// ---- an IDC behind the VPC -----------------------------------------------------------------------

interface IdcOptions {
  cidrs?: string[];
  routes?: Array<[string, string]>;
  returnRoutes?: string[];
  cluster?: Partial<Cluster>;
}

/** idc-sh (default 192.168.0.0/16) linked to vpc-a, routed from the node subnet by default. */
function withIdc(o: IdcOptions = {}): Plan {
  const cidrs = o.cidrs ?? ['192.168.0.0/16'];
  return basePlan({
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
    ],
    clusters: [cls1(o.cluster)],
    idcs: [
      idc(
        'idc-sh',
        'vpc-a',
        cidrs,
        o.returnRoutes === undefined ? {} : { returnRoutes: o.returnRoutes },
      ),
    ],
    routeTables: [
      table('rtb-a', 'vpc-a', o.routes ?? cidrs.map((c): [string, string] => [c, 'idc-sh'])),
    ],
  });
}

// ---- tests ---------------------------------------------------------------------------------------

describe('paths inside one VPC', () => {
  it('pods of the same cluster are direct', () => {
    const p = pathOf(basePlan(), 'cls-1', 'cls-1');
    expect(p.verdict).toBe('direct');
    expect(p.reason).toBeNull();
    // The destination is a GlobalRouter pod: reached by the container route, no subnet of its own.
    expect(p.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
    expect(p.hops.at(-1)).toBe('cls-1');
  });

  it('a pod address of the same cluster is direct', () => {
    const p = pathOf(basePlan(), 'cls-1', '172.16.3.4');
    expect(p.verdict).toBe('direct');
    expect(p.reason).toBeNull();
    expect(p.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
    expect(p.hops.at(-1)).toBe('172.16.3.4');
  });

  it("the cluster's own nodes are direct", () => {
    expectPath(basePlan(), 'cls-1', '10.0.1.5', direct(['cls-1', 'sn-node', '10.0.1.5']));
  });

  it('a resource in the VPC primary CIDR is direct', () => {
    expectPath(basePlan(), 'cls-1', 'db-1', direct(['cls-1', 'sn-node', 'sn-db', 'db-1']));
  });

  it('a resource without an IP, in the primary CIDR, is direct', () => {
    const p = basePlan({ resources: [resource('db-1', 'sn-db')] });
    expectPath(p, 'cls-1', 'db-1', direct(['cls-1', 'sn-node', 'sn-db', 'db-1']));
  });

  it('an address of a subnet in the primary CIDR is direct, ending at that address', () => {
    expectPath(
      basePlan(),
      'cls-1',
      '10.0.2.10',
      direct(['cls-1', 'sn-node', 'sn-db', '10.0.2.10']),
    );
  });

  it('same-cluster pods and own nodes stay direct even when nonMasqueradeCidrs is empty', () => {
    // Rule 1 names them apart from the non-masquerade ranges.
    const p = basePlan({ clusters: [cls1({ nonMasqueradeCidrs: [] })] });
    expect(pathOf(p, 'cls-1', 'cls-1').verdict).toBe('direct');
    expectPath(p, 'cls-1', '10.0.1.5', direct(['cls-1', 'sn-node', '10.0.1.5']));
    // ... while the database in the primary CIDR is now SNATed.
    expectPath(p, 'cls-1', 'db-1', snat(['cls-1', 'sn-node', 'sn-db', 'db-1']));
  });

  it('own nodes are direct even when the node subnet is in a secondary CIDR', () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] })],
      subnets: [subnet('sn-node', 'vpc-a', '10.8.1.0/24'), subnet('sn-db', 'vpc-a', '10.0.2.0/24')],
    });
    expectPath(p, 'cls-1', '10.8.1.9', direct(['cls-1', 'sn-node', '10.8.1.9']));
    expectPath(p, 'cls-1', 'db-1', direct(['cls-1', 'sn-node', 'sn-db', 'db-1']));
  });

  describe('a container CIDR inside its VPC: Local claims the replies (NO_RETURN_ROUTE)', () => {
    const inside = (containerCidr: string) =>
      basePlan({
        subnets: [...BASE_SUBNETS, subnet('sn-hidden', 'vpc-a', '10.0.200.0/24')],
        clusters: [cls1({ containerCidr })],
        resources: [
          resource('db-1', 'sn-db', '10.0.2.10'),
          resource('db-2', 'sn-hidden', '10.0.200.10'),
        ],
      });

    it('to a resource outside the container CIDR: delivered by Local, the reply is not', () => {
      const r = expectPath(
        inside('10.0.128.0/17'),
        'cls-1',
        'db-1',
        unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'sn-db', 'db-1']),
      );
      expect(r.message).toMatch(/Local route/);
      expect(r.message).toContain('10.0.128.0/17');
    });

    it('to a resource inside the container CIDR as well', () => {
      expectPath(
        inside('10.0.128.0/17'),
        'cls-1',
        'db-2',
        unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'sn-hidden', 'db-2']),
      );
    });

    it('a container CIDR that holds the whole VPC overlaps it too', () => {
      expectPath(
        inside('10.0.0.0/15'),
        'cls-1',
        'db-1',
        unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'sn-db', 'db-1']),
      );
    });

    it('a container CIDR overlapping a secondary CIDR of the VPC', () => {
      const p = basePlan({
        vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['172.16.0.0/20'] })],
      });
      expect(pathOf(p, 'cls-1', 'db-1').reason).toBe('NO_RETURN_ROUTE');
    });

    it('outside the VPC the container route carries replies back: direct', () => {
      expectPath(basePlan(), 'cls-1', 'db-1', direct(['cls-1', 'sn-node', 'sn-db', 'db-1']));
    });

    it('a SNATed path keeps working: the node address is the source', () => {
      const p = basePlan({
        clusters: [cls1({ containerCidr: '10.0.128.0/17', nonMasqueradeCidrs: [] })],
      });
      expectPath(p, 'cls-1', 'db-1', snat(['cls-1', 'sn-node', 'sn-db', 'db-1']));
    });
  });

  describe('a resource in a secondary CIDR', () => {
    const secondary = (extra: Partial<Cluster> = {}) =>
      basePlan({
        vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] })],
        subnets: [...BASE_SUBNETS, subnet('sn-sec', 'vpc-a', '10.8.1.0/24')],
        clusters: [cls1(extra)],
        resources: [
          resource('db-1', 'sn-db', '10.0.2.10'),
          resource('db-2', 'sn-sec', '10.8.1.10'),
        ],
      });

    it('is snat by default', () => {
      const p = expectPath(
        secondary(),
        'cls-1',
        'db-2',
        snat(['cls-1', 'sn-node', 'sn-sec', 'db-2']),
      );
      expect(p.snatTo).toBe('10.0.1.0/24');
    });

    it('is direct once that CIDR is added to nonMasqueradeCidrs', () => {
      const p = secondary({
        nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '10.8.0.0/16'],
      });
      expectPath(p, 'cls-1', 'db-2', direct(['cls-1', 'sn-node', 'sn-sec', 'db-2']));
      expectPath(p, 'cls-1', 'db-1', direct(['cls-1', 'sn-node', 'sn-db', 'db-1']));
    });

    it('an address in the secondary CIDR is snat too', () => {
      expectPath(
        secondary(),
        'cls-1',
        '10.8.1.10',
        snat(['cls-1', 'sn-node', 'sn-sec', '10.8.1.10']),
      );
    });
  });

  describe('another GlobalRouter cluster in the same VPC', () => {
    const two = (extra: Partial<Cluster> = {}) =>
      basePlan({
        subnets: [...BASE_SUBNETS, subnet('sn-node2', 'vpc-a', '10.0.5.0/24')],
        clusters: [
          cls1(extra),
          cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-node2'], containerCidr: '172.17.0.0/16' }),
        ],
      });

    it('is snat by default, through the container routes', () => {
      const p = pathOf(two(), 'cls-1', 'cls-2');
      expect(p.verdict).toBe('snat');
      expect(p.reason).toBeNull();
      expect(p.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
      expect(p.hops.at(-1)).toBe('cls-2');
      expect(p.snatTo).toBe('10.0.1.0/24');
    });

    it('is direct when its container CIDR is added to nonMasqueradeCidrs', () => {
      const p = pathOf(
        two({ nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '172.17.0.0/16'] }),
        'cls-1',
        'cls-2',
      );
      expect(p.verdict).toBe('direct');
      expect(p.reason).toBeNull();
      expect(p.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
      expect(p.hops.at(-1)).toBe('cls-2');
    });

    it('the other way round is snat too (the defaults are per cluster)', () => {
      const p = pathOf(two(), 'cls-2', 'cls-1');
      expect(p.verdict).toBe('snat');
      expect(p.hops.slice(0, 2)).toEqual(['cls-2', 'sn-node2']);
      expect(p.hops.at(-1)).toBe('cls-1');
    });

    it('a VPC-CNI cluster in the VPC has pods in the primary CIDR: direct', () => {
      const p = basePlan({
        subnets: [
          ...BASE_SUBNETS,
          subnet('sn-node2', 'vpc-a', '10.0.5.0/24'),
          subnet('sn-pods2', 'vpc-a', '10.0.6.0/24'),
        ],
        clusters: [
          cls1(),
          cluster('cls-2', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node2'],
            podSubnets: ['sn-pods2'],
            serviceCidr: '192.168.0.0/20',
          }),
        ],
      });
      expectPath(p, 'cls-1', 'cls-2', direct(['cls-1', 'sn-node', 'sn-pods2', 'cls-2']));
    });
  });
});

describe('paths to a peered VPC', () => {
  it('are snat with routes both ways, crossing the peering', () => {
    const p = expectPath(
      peered(),
      'cls-1',
      'db-b',
      snat(['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
    );
    expect(p.snatTo).toBe('10.0.1.0/24');
  });

  it('a route back covering exactly the node subnet is enough for snat', () => {
    expectPath(
      peered({ back: ['10.0.1.0/24'] }),
      'cls-1',
      'db-b',
      snat(['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
    );
  });

  it('are NO_ROUTE without the forward route (a peering drawn without routes)', () => {
    expectPath(
      peered({ forward: false }),
      'cls-1',
      'db-b',
      unreachable('NO_ROUTE', ['cls-1', 'sn-node']),
    );
  });

  it('are NO_RETURN_ROUTE without the route back', () => {
    expectPath(
      peered({ back: [] }),
      'cls-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
    );
  });

  it('are NO_RETURN_ROUTE when the route back does not cover the node subnet', () => {
    expectPath(
      peered({ back: ['10.0.2.0/24'] }),
      'cls-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
    );
  });

  it("a route back in a table the destination's subnet does not use does not count", () => {
    const base = peered();
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-b' ? subnet('sn-b', 'vpc-b', s.cidr) : s)),
    };
    expectPath(
      p,
      'cls-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
    );
  });

  it('a route through a peering that does not join this VPC is left out: NO_ROUTE', () => {
    const base = peered();
    const p: Plan = {
      ...base,
      vpcs: [...base.vpcs, vpc('vpc-c', '10.2.0.0/16')],
      peerings: [...base.peerings, peering('pcx-bc', 'vpc-b', 'vpc-c')],
      routeTables: [table('rtb-a', 'vpc-a', [['10.1.0.0/16', 'pcx-bc']]), base.routeTables[1]!],
    };
    expectPath(p, 'cls-1', 'db-b', unreachable('NO_ROUTE', ['cls-1', 'sn-node']));
  });

  it('an address in the peer is snat, crossing the peering', () => {
    expectPath(
      peered(),
      'cls-1',
      '10.1.3.7',
      snat(['cls-1', 'sn-node', 'pcx-1', 'sn-b', '10.1.3.7']),
    );
  });

  describe('direct to a peer (its range in nonMasqueradeCidrs)', () => {
    const nm = { nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '10.1.0.0/16'] };

    it('needs the peer to route the container CIDR back', () => {
      expectPath(
        peered({ cluster: nm }),
        'cls-1',
        'db-b',
        unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
      );
    });

    it('is direct when the peer routes the container CIDR back', () => {
      expectPath(
        peered({ cluster: nm, back: ['10.0.0.0/16', '172.16.0.0/16'] }),
        'cls-1',
        'db-b',
        direct(['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
      );
    });
  });

  describe('peering is not transitive (A–B–C)', () => {
    /** vpc-a peered with vpc-b, vpc-b peered with vpc-c; db-c at 10.2.3.7 in vpc-c. */
    const chain = (): Plan =>
      basePlan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16'),
          vpc('vpc-b', '10.1.0.0/16'),
          vpc('vpc-c', '10.2.0.0/16'),
        ],
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
          subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
          subnet('sn-b', 'vpc-b', '10.1.3.0/24', { routeTable: 'rtb-b' }),
          subnet('sn-c', 'vpc-c', '10.2.3.0/24', { routeTable: 'rtb-c' }),
        ],
        resources: [
          resource('db-1', 'sn-db', '10.0.2.10'),
          resource('db-b', 'sn-b', '10.1.3.7'),
          resource('db-c', 'sn-c', '10.2.3.7'),
        ],
        peerings: [peering('pcx-ab', 'vpc-a', 'vpc-b'), peering('pcx-bc', 'vpc-b', 'vpc-c')],
        routeTables: [
          table('rtb-a', 'vpc-a', [
            ['10.1.0.0/16', 'pcx-ab'],
            ['10.2.0.0/16', 'pcx-ab'],
          ]),
          table('rtb-b', 'vpc-b', [
            ['10.0.0.0/16', 'pcx-ab'],
            ['10.2.0.0/16', 'pcx-bc'],
          ]),
          table('rtb-c', 'vpc-c', [
            ['10.1.0.0/16', 'pcx-bc'],
            ['10.0.0.0/16', 'pcx-bc'],
          ]),
        ],
      });

    it('A reaches B', () => {
      expectPath(chain(), 'cls-1', 'db-b', snat(['cls-1', 'sn-node', 'pcx-ab', 'sn-b', 'db-b']));
    });

    it('A does not reach C through B, even with routes in every table', () => {
      const p = pathOf(chain(), 'cls-1', 'db-c');
      expect(p.verdict).toBe('unreachable');
      expect(p.reason).toBe('PEERING_NOT_TRANSITIVE');
      expect(p.hops.slice(0, 3)).toEqual(['cls-1', 'sn-node', 'pcx-ab']);
      expect(p.hops).not.toContain('pcx-bc');
      expect(p.hops).not.toContain('db-c');
    });

    it('nor an address in C', () => {
      const p = pathOf(chain(), 'cls-1', '10.2.3.7');
      expect(p.verdict).toBe('unreachable');
      expect(p.reason).toBe('PEERING_NOT_TRANSITIVE');
      expect(p.hops.slice(0, 3)).toEqual(['cls-1', 'sn-node', 'pcx-ab']);
    });

    it('nor an IDC linked to B', () => {
      const base = chain();
      const p: Plan = {
        ...base,
        idcs: [idc('idc-b', 'vpc-b', ['192.168.0.0/16'])],
        routeTables: [
          table('rtb-a', 'vpc-a', [['192.168.0.0/16', 'pcx-ab']]),
          table('rtb-b', 'vpc-b', [
            ['10.0.0.0/16', 'pcx-ab'],
            ['192.168.0.0/16', 'idc-b'],
          ]),
        ],
      };
      const r = pathOf(p, 'cls-1', 'idc-b');
      expect(r.verdict).toBe('unreachable');
      expect(r.reason).toBe('PEERING_NOT_TRANSITIVE');
      expect(r.hops.slice(0, 3)).toEqual(['cls-1', 'sn-node', 'pcx-ab']);
    });
  });

  it('an overlapping peer is caught by the Local route: NO_ROUTE', () => {
    // vpc-b overlaps vpc-a; the route to the peer's subnet is inside vpc-a (ROUTE_INSIDE_VPC).
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-b', 'vpc-b', '10.0.3.0/24', { routeTable: 'rtb-b' }),
      ],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-b', 'sn-b', '10.0.3.7')],
      peerings: [peering('pcx-1', 'vpc-a', 'vpc-b')],
      routeTables: [
        table('rtb-a', 'vpc-a', [['10.0.3.0/24', 'pcx-1']]),
        table('rtb-b', 'vpc-b', [['10.0.1.0/24', 'pcx-1']]),
      ],
    });
    const r = expectPath(p, 'cls-1', 'db-b', unreachable('NO_ROUTE', ['cls-1', 'sn-node']));
    expect(r.hops).not.toContain('pcx-1');
    expect(analyzePlan(p).findings.map((f) => f.code)).toContain('PEERING_CIDR_OVERLAP');
  });

  it('a GlobalRouter cluster in the peer: snat with routes to its container CIDR and back', () => {
    const base = peered();
    const p: Plan = {
      ...base,
      subnets: [
        ...base.subnets,
        subnet('sn-node-b', 'vpc-b', '10.1.1.0/24', { routeTable: 'rtb-b' }),
      ],
      clusters: [
        ...base.clusters,
        cluster('cls-b', 'vpc-b', { nodeSubnets: ['sn-node-b'], containerCidr: '172.20.0.0/16' }),
      ],
      routeTables: [
        table('rtb-a', 'vpc-a', [
          ['10.1.0.0/16', 'pcx-1'],
          ['172.20.0.0/16', 'pcx-1'],
        ]),
        base.routeTables[1]!,
      ],
    };
    const r = pathOf(p, 'cls-1', 'cls-b');
    expect(r.verdict).toBe('snat');
    expect(r.reason).toBeNull();
    expect(r.hops.slice(0, 3)).toEqual(['cls-1', 'sn-node', 'pcx-1']);
    expect(r.hops.at(-1)).toBe('cls-b');
  });
});

describe('paths over a CCN', () => {
  it('a resource in a VPC on a shared CCN is snat without custom routes', () => {
    expectPath(
      onCcn(['vpc-a', 'vpc-b']),
      'cls-1',
      'db-b',
      snat(['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']),
    );
  });

  it('an address in that VPC is snat too', () => {
    expectPath(
      onCcn(['vpc-a', 'vpc-b']),
      'cls-1',
      '10.1.3.7',
      snat(['cls-1', 'sn-node', 'ccn-1', 'sn-b', '10.1.3.7']),
    );
  });

  it('a VPC drawn on no shared CCN is NO_ROUTE', () => {
    expectPath(onCcn(['vpc-b']), 'cls-1', 'db-b', unreachable('NO_ROUTE', ['cls-1', 'sn-node']));
  });

  const nm = { nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '10.1.0.0/16'] };

  it('is direct when the cluster is registered and the destination is non-masquerade', () => {
    expectPath(
      onCcn(['vpc-a', 'vpc-b', 'cls-1'], nm),
      'cls-1',
      'db-b',
      direct(['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']),
    );
  });

  it('pod IPs are not reachable from there when the cluster is not registered', () => {
    expectPath(
      onCcn(['vpc-a', 'vpc-b'], nm),
      'cls-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']),
    );
  });

  it('registering the cluster alone does not make it direct (still masqueraded)', () => {
    expectPath(
      onCcn(['vpc-a', 'vpc-b', 'cls-1']),
      'cls-1',
      'db-b',
      snat(['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']),
    );
  });

  it('pods of a registered cluster are reachable from a cluster in the other VPC (snat)', () => {
    const base = onCcn(['vpc-a', 'vpc-b', 'cls-1']);
    const p: Plan = {
      ...base,
      subnets: [...base.subnets, subnet('sn-node-b', 'vpc-b', '10.1.1.0/24')],
      clusters: [
        ...base.clusters,
        cluster('cls-b', 'vpc-b', { nodeSubnets: ['sn-node-b'], containerCidr: '172.20.0.0/16' }),
      ],
    };
    const r = pathOf(p, 'cls-b', 'cls-1');
    expect(r.verdict).toBe('snat');
    expect(r.reason).toBeNull();
    expect(r.hops.slice(0, 3)).toEqual(['cls-b', 'sn-node-b', 'ccn-1']);
    expect(r.hops.at(-1)).toBe('cls-1');
    // Not registered: the CCN does not carry the container CIDR.
    const q: Plan = { ...p, ccns: [ccn('ccn-1', ['vpc-a', 'vpc-b'])] };
    expectPath(q, 'cls-b', 'cls-1', unreachable('NO_ROUTE', ['cls-b', 'sn-node-b']));
  });

  it("a registered cluster whose container CIDR the CCN disabled: pod IPs don't come back", () => {
    // cls-b (vpc-b) registered first with the same container CIDR: cls-1's route is disabled.
    const base = onCcn(['vpc-a', 'vpc-b', 'cls-b', 'cls-1'], nm);
    const p: Plan = {
      ...base,
      subnets: [...base.subnets, subnet('sn-node-b', 'vpc-b', '10.1.1.0/24')],
      clusters: [
        ...base.clusters,
        cluster('cls-b', 'vpc-b', { nodeSubnets: ['sn-node-b'], containerCidr: '172.16.0.0/16' }),
      ],
    };
    expectPath(
      p,
      'cls-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']),
    );
  });

  it('VPCs whose CIDRs overlap share a CCN, but the Local route catches the peer: NO_ROUTE', () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.0.0.0/16')],
      subnets: [...BASE_SUBNETS, subnet('sn-b', 'vpc-b', '10.0.3.0/24')],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-b', 'sn-b', '10.0.3.7')],
      ccns: [ccn('ccn-1', ['vpc-a', 'vpc-b'])],
    });
    expect(analyzePlan(p).findings.map((f) => f.code)).not.toContain('CCN_CIDR_CONFLICT');
    const r = expectPath(p, 'cls-1', 'db-b', unreachable('NO_ROUTE', ['cls-1', 'sn-node']));
    expect(r.hops).not.toContain('ccn-1');
  });

  it('a container route of the source VPC wins over a longer CCN route: SHADOWED_BY_CLUSTER_CIDR', () => {
    const base = onCcn(['vpc-a', 'vpc-b']);
    const p: Plan = {
      ...base,
      subnets: [...base.subnets, subnet('sn-node2', 'vpc-a', '10.0.5.0/24')],
      clusters: [
        ...base.clusters,
        cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-node2'], containerCidr: '10.1.0.0/16' }),
      ],
    };
    expectPath(p, 'cls-1', 'db-b', unreachable('SHADOWED_BY_CLUSTER_CIDR', ['cls-1', 'sn-node']));
  });

  it('a registered cluster does not attach its VPC: no routes learned there', () => {
    expectPath(
      onCcn(['vpc-b', 'cls-1'], nm),
      'cls-1',
      'db-b',
      unreachable('NO_ROUTE', ['cls-1', 'sn-node']),
    );
  });

  it('a custom route into the CCN crosses it', () => {
    const base = onCcn(['vpc-a', 'vpc-b']);
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-node' ? { ...s, routeTable: 'rtb-a' } : s)),
      routeTables: [table('rtb-a', 'vpc-a', [['10.1.0.0/16', 'ccn-1']])],
    };
    expectPath(p, 'cls-1', 'db-b', snat(['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']));
  });

  it('a custom route into a CCN that does not hold the address is NO_ROUTE', () => {
    const base = onCcn(['vpc-a', 'vpc-b']);
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-node' ? { ...s, routeTable: 'rtb-a' } : s)),
      routeTables: [table('rtb-a', 'vpc-a', [['10.5.0.0/16', 'ccn-1']])],
    };
    const r = pathOf(p, 'cls-1', '10.5.1.1');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('NO_ROUTE');
    expect(r.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
  });

  describe('a route the CCN disabled for a conflict', () => {
    /** vpc-c (attached before vpc-b) publishes 10.1.3.0/24 too: vpc-b's sn-b route is disabled. */
    const conflict = (routes: Array<[string, string]> = []): Plan =>
      basePlan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16'),
          vpc('vpc-b', '10.1.0.0/16'),
          vpc('vpc-c', '10.1.0.0/16'),
        ],
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
          subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
          subnet('sn-b', 'vpc-b', '10.1.3.0/24'),
          subnet('sn-c', 'vpc-c', '10.1.3.0/24'),
        ],
        resources: [
          resource('db-1', 'sn-db', '10.0.2.10'),
          resource('db-b', 'sn-b', '10.1.3.7'),
          resource('db-c', 'sn-c', '10.1.3.8'),
        ],
        natGateways: [nat('nat-1', 'vpc-a')],
        ccns: [ccn('ccn-1', ['vpc-a', 'vpc-c', 'vpc-b'])],
        routeTables: [table('rtb-a', 'vpc-a', routes)],
      });

    it('the conflict is the warning CCN_CIDR_CONFLICT', () => {
      const f = analyzePlan(conflict()).findings.find((x) => x.code === 'CCN_CIDR_CONFLICT');
      expect(f?.objects[0]).toBe('vpc-b');
      expect(f?.objects).toEqual(expect.arrayContaining(['vpc-b', 'vpc-c', 'ccn-1']));
    });

    it('the earlier attachment is reached', () => {
      expectPath(conflict(), 'cls-1', 'db-c', snat(['cls-1', 'sn-node', 'ccn-1', 'sn-c', 'db-c']));
    });

    it('the later one is CCN_ROUTE_DISABLED', () => {
      const r = pathOf(conflict(), 'cls-1', 'db-b');
      expect(r.verdict).toBe('unreachable');
      expect(r.reason).toBe('CCN_ROUTE_DISABLED');
      expect(r.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
      expect(r.hops).not.toContain('db-b');
    });

    it('the earlier attachment may be a registered cluster: CCN_ROUTE_DISABLED', () => {
      // cls-x (in vpc-c, not attached) publishes 10.1.0.0/16 first; sn-b 10.1.3.0/24 is disabled.
      const p = basePlan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16'),
          vpc('vpc-b', '10.1.0.0/16'),
          vpc('vpc-c', '10.2.0.0/16'),
        ],
        subnets: [
          ...BASE_SUBNETS,
          subnet('sn-b', 'vpc-b', '10.1.3.0/24'),
          subnet('sn-node-c', 'vpc-c', '10.2.1.0/24'),
        ],
        clusters: [
          cls1(),
          cluster('cls-x', 'vpc-c', { nodeSubnets: ['sn-node-c'], containerCidr: '10.1.0.0/16' }),
        ],
        resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-b', 'sn-b', '10.1.3.7')],
        ccns: [ccn('ccn-1', ['cls-x', 'vpc-a', 'vpc-b'])],
      });
      const r = pathOf(p, 'cls-1', 'db-b');
      expect(r.verdict).toBe('unreachable');
      expect(r.reason).toBe('CCN_ROUTE_DISABLED');
      expect(r.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
    });

    it('a shorter custom route does not outrank the disabled route: still CCN_ROUTE_DISABLED', () => {
      const r = pathOf(conflict([['10.1.0.0/16', 'nat-1']]), 'cls-1', 'db-b');
      expect(r.verdict).toBe('unreachable');
      expect(r.reason).toBe('CCN_ROUTE_DISABLED');
    });

    it('a custom route that outranks the disabled route gives its own reason', () => {
      // 10.1.3.0/24 → NAT: custom wins at equal length, and a NAT cannot deliver a private address.
      const r = pathOf(conflict([['10.1.3.0/24', 'nat-1']]), 'cls-1', 'db-b');
      expect(r.verdict).toBe('unreachable');
      expect(r.reason).toBe('NO_ROUTE');
      expect(r.hops).toContain('nat-1');
    });
  });
});

describe('route precedence (rules.md, Routes)', () => {
  /** vpc-a and vpc-b both peered and on a CCN; rtb-b routes vpc-a back through the peering. */
  const both = (routes: Array<[string, string]>): Plan => {
    const base = peered();
    return {
      ...base,
      routeTables: [table('rtb-a', 'vpc-a', routes), base.routeTables[1]!],
      ccns: [ccn('ccn-1', ['vpc-a', 'vpc-b'])],
    };
  };

  it('a custom route wins over a CCN route of equal length', () => {
    expectPath(
      both([['10.1.3.0/24', 'pcx-1']]),
      'cls-1',
      'db-b',
      snat(['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
    );
  });

  it('the longer CCN route wins over a shorter custom route', () => {
    expectPath(
      both([['10.1.0.0/16', 'pcx-1']]),
      'cls-1',
      'db-b',
      snat(['cls-1', 'sn-node', 'ccn-1', 'sn-b', 'db-b']),
    );
  });

  it('the container route wins over a custom route into the container CIDR', () => {
    // As in scenario route-inside-container-cidr: the pods stay reachable, directly.
    const p = withIdc({
      routes: [
        ['192.168.0.0/16', 'idc-sh'],
        ['172.16.5.0/24', 'idc-sh'],
      ],
    });
    const r = pathOf(p, 'cls-1', '172.16.5.9');
    expect(r.verdict).toBe('direct');
    expect(r.hops).not.toContain('idc-sh');
  });

  it('the Local route wins over a custom route inside the VPC', () => {
    const p = withIdc({ routes: [['10.0.2.0/24', 'idc-sh']] });
    expectPath(p, 'cls-1', 'db-1', direct(['cls-1', 'sn-node', 'sn-db', 'db-1']));
  });
});

describe('paths to the internet', () => {
  const natPlan = (extra: Partial<Cluster> = {}) =>
    basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
      ],
      clusters: [cls1(extra)],
      natGateways: [nat('nat-1', 'vpc-a')],
      routeTables: [table('rtb-a', 'vpc-a', [['0.0.0.0/0', 'nat-1']])],
    });

  it('is snat through the NAT gateway of the default route', () => {
    const p = expectPath(
      natPlan(),
      'cls-1',
      'internet',
      snat(['cls-1', 'sn-node', 'nat-1', 'internet']),
    );
    expect(p.snatTo).toBe('nat-1');
  });

  it('prefers the NAT gateway to the nodes’ public IPs', () => {
    expectPath(
      natPlan({ nodePublicIp: true }),
      'cls-1',
      'internet',
      snat(['cls-1', 'sn-node', 'nat-1', 'internet']),
    );
  });

  it('is snat through the nodes’ public IPs without a NAT route', () => {
    expectPath(
      basePlan({ clusters: [cls1({ nodePublicIp: true })] }),
      'cls-1',
      'internet',
      snat(['cls-1', 'sn-node', 'internet']),
    );
  });

  it('is NO_INTERNET_EGRESS with neither', () => {
    expectPath(
      basePlan(),
      'cls-1',
      'internet',
      unreachable('NO_INTERNET_EGRESS', ['cls-1', 'sn-node']),
    );
  });

  it('is NO_INTERNET_EGRESS with a NAT gateway that no default route uses', () => {
    const base = natPlan();
    const p: Plan = { ...base, routeTables: [table('rtb-a', 'vpc-a', [])] };
    expectPath(p, 'cls-1', 'internet', unreachable('NO_INTERNET_EGRESS', ['cls-1', 'sn-node']));
  });

  it('is NO_INTERNET_EGRESS when the default route goes to a peering, not a NAT', () => {
    const base = peered();
    const p: Plan = {
      ...base,
      routeTables: [table('rtb-a', 'vpc-a', [['0.0.0.0/0', 'pcx-1']]), base.routeTables[1]!],
    };
    expectPath(p, 'cls-1', 'internet', unreachable('NO_INTERNET_EGRESS', ['cls-1', 'sn-node']));
  });

  it('is NO_INTERNET_EGRESS when the default route names a NAT gateway of another VPC', () => {
    // The route's target is invalid (ROUTE_TARGET_INVALID) and left out of the table.
    const base = natPlan();
    const p: Plan = {
      ...base,
      vpcs: [...base.vpcs, vpc('vpc-b', '10.1.0.0/16')],
      natGateways: [nat('nat-b', 'vpc-b')],
      routeTables: [table('rtb-a', 'vpc-a', [['0.0.0.0/0', 'nat-b']])],
    };
    expect(analyzePlan(p).findings.map((f) => f.code)).toContain('ROUTE_TARGET_INVALID');
    expectPath(p, 'cls-1', 'internet', unreachable('NO_INTERNET_EGRESS', ['cls-1', 'sn-node']));
  });

  it('is snat even when 0.0.0.0/0 is a non-masquerade range (internet is always snat)', () => {
    expectPath(
      natPlan({ nonMasqueradeCidrs: ['0.0.0.0/0'] }),
      'cls-1',
      'internet',
      snat(['cls-1', 'sn-node', 'nat-1', 'internet']),
    );
  });

  it('a public address goes out through the NAT gateway: snat', () => {
    expectPath(natPlan(), 'cls-1', '8.8.8.8', snat(['cls-1', 'sn-node', 'nat-1', '8.8.8.8']));
  });

  it('a NAT default route for a private address is NO_ROUTE', () => {
    const r = expectPath(
      natPlan(),
      'cls-1',
      '10.1.3.7',
      unreachable('NO_ROUTE', ['cls-1', 'sn-node', 'nat-1']),
    );
    expect(r.hops).not.toContain('internet');
  });

  it('a NAT default route for a resource in an unconnected VPC is NO_ROUTE', () => {
    const base = natPlan();
    const p: Plan = {
      ...base,
      vpcs: [...base.vpcs, vpc('vpc-b', '10.1.0.0/16')],
      subnets: [...base.subnets, subnet('sn-b', 'vpc-b', '10.1.3.0/24')],
      resources: [...base.resources, resource('db-b', 'sn-b', '10.1.3.7')],
    };
    expectPath(p, 'cls-1', 'db-b', unreachable('NO_ROUTE', ['cls-1', 'sn-node', 'nat-1']));
  });
});

describe('paths to an IDC', () => {
  it('is snat with a route to the IDC and the default return route (the VPC primary CIDR)', () => {
    expectPath(withIdc(), 'cls-1', 'idc-sh', snat(['cls-1', 'sn-node', 'idc-sh']));
  });

  it('an address in the IDC is snat, ending at the address', () => {
    expectPath(
      withIdc(),
      'cls-1',
      '192.168.3.4',
      snat(['cls-1', 'sn-node', 'idc-sh', '192.168.3.4']),
    );
  });

  it('is NO_ROUTE without a route to the IDC (an IDC drawn without routes)', () => {
    expectPath(
      withIdc({ routes: [] }),
      'cls-1',
      'idc-sh',
      unreachable('NO_ROUTE', ['cls-1', 'sn-node']),
    );
  });

  it('is NO_ROUTE through an IDC that does not hold the address', () => {
    const r = pathOf(withIdc({ routes: [['10.30.0.0/16', 'idc-sh']] }), 'cls-1', '10.30.1.1');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('NO_ROUTE');
    expect(r.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
  });

  it('is NO_RETURN_ROUTE when returnRoutes leave out the node subnet', () => {
    expectPath(
      withIdc({ returnRoutes: ['10.0.2.0/24'] }),
      'cls-1',
      'idc-sh',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'idc-sh']),
    );
  });

  it('is snat when returnRoutes name the node subnet', () => {
    expectPath(
      withIdc({ returnRoutes: ['10.0.1.0/24'] }),
      'cls-1',
      'idc-sh',
      snat(['cls-1', 'sn-node', 'idc-sh']),
    );
  });

  describe('direct (the IDC in nonMasqueradeCidrs)', () => {
    const nm = { nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '192.168.0.0/16'] };

    it('needs the container CIDR in returnRoutes: the default return route is not enough', () => {
      expectPath(
        withIdc({ cluster: nm }),
        'cls-1',
        'idc-sh',
        unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node', 'idc-sh']),
      );
    });

    it('is direct with the container CIDR in returnRoutes', () => {
      expectPath(
        withIdc({ cluster: nm, returnRoutes: ['10.0.0.0/16', '172.16.0.0/16'] }),
        'cls-1',
        'idc-sh',
        direct(['cls-1', 'sn-node', 'idc-sh']),
      );
    });
  });

  describe('an IDC with several CIDRs: each is evaluated, the worst reported', () => {
    const cidrs = ['192.168.0.0/16', '10.20.0.0/16'];

    it('snat when both are routed', () => {
      expectPath(withIdc({ cidrs }), 'cls-1', 'idc-sh', snat(['cls-1', 'sn-node', 'idc-sh']));
    });

    it('unreachable when one is not routed, whichever it is', () => {
      for (const routed of cidrs) {
        expectPath(
          withIdc({ cidrs, routes: [[routed, 'idc-sh']] }),
          'cls-1',
          'idc-sh',
          unreachable('NO_ROUTE', ['cls-1', 'sn-node']),
        );
      }
    });

    it('snat when one would be direct and the other snat', () => {
      const p = withIdc({
        cidrs,
        cluster: { nonMasqueradeCidrs: ['172.16.0.0/16', '10.0.0.0/16', '192.168.0.0/16'] },
        returnRoutes: ['10.0.0.0/16', '172.16.0.0/16'],
      });
      expectPath(p, 'cls-1', 'idc-sh', snat(['cls-1', 'sn-node', 'idc-sh']));
      // Each CIDR on its own: the first direct, the second snat.
      expect(pathOf(p, 'cls-1', '192.168.0.9').verdict).toBe('direct');
      expect(pathOf(p, 'cls-1', '10.20.0.9').verdict).toBe('snat');
    });
  });
});

describe('SHADOWED_BY_CLUSTER_CIDR', () => {
  it('a peer resource inside a container CIDR of the source VPC', () => {
    const base = peered();
    const p: Plan = {
      ...base,
      subnets: [...base.subnets, subnet('sn-node2', 'vpc-a', '10.0.5.0/24')],
      clusters: [
        ...base.clusters,
        cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-node2'], containerCidr: '10.1.0.0/16' }),
      ],
    };
    const r = expectPath(
      p,
      'cls-1',
      'db-b',
      unreachable('SHADOWED_BY_CLUSTER_CIDR', ['cls-1', 'sn-node']),
    );
    expect(r.hops).not.toContain('pcx-1');
  });

  it("an IDC inside the cluster's own container CIDR", () => {
    const p = withIdc({ cidrs: ['172.16.5.0/24'] });
    const r = pathOf(p, 'cls-1', 'idc-sh');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('SHADOWED_BY_CLUSTER_CIDR');
    expect(r.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
    expect(r.hops).not.toContain('idc-sh');
  });
});

describe('a cluster with several node subnets', () => {
  /** cls-1 on sn-node (routes to the NAT and the peer) and sn-node2 (default table). */
  const twoSubnets = (order: string[], back = ['10.0.0.0/16']): Plan => {
    const base = peered({ back });
    return {
      ...base,
      subnets: [...base.subnets, subnet('sn-node2', 'vpc-a', '10.0.5.0/24')],
      clusters: [cls1({ nodeSubnets: order })],
      natGateways: [nat('nat-1', 'vpc-a')],
      routeTables: [
        table('rtb-a', 'vpc-a', [
          ['0.0.0.0/0', 'nat-1'],
          ['10.1.0.0/16', 'pcx-1'],
        ]),
        base.routeTables[1]!,
      ],
    };
  };

  for (const order of [
    ['sn-node', 'sn-node2'],
    ['sn-node2', 'sn-node'],
  ]) {
    describe(`(listed ${order.join(', ')})`, () => {
      it('internet: the worst verdict, with the hops of the subnet without egress', () => {
        expectPath(
          twoSubnets(order),
          'cls-1',
          'internet',
          unreachable('NO_INTERNET_EGRESS', ['cls-1', 'sn-node2']),
        );
      });

      it('peer: NO_ROUTE from the subnet without the route', () => {
        expectPath(
          twoSubnets(order),
          'cls-1',
          'db-b',
          unreachable('NO_ROUTE', ['cls-1', 'sn-node2']),
        );
      });

      it('in the VPC: direct from both', () => {
        const r = pathOf(twoSubnets(order), 'cls-1', 'db-1');
        expect(r.verdict).toBe('direct');
        expect(r.hops[0]).toBe('cls-1');
        expect(r.hops.slice(2)).toEqual(['sn-db', 'db-1']);
      });
    });
  }

  it('peer: NO_RETURN_ROUTE when the peer routes back only one node subnet', () => {
    const base = twoSubnets(['sn-node', 'sn-node2'], ['10.0.1.0/24', '10.0.5.0/24']);
    // sn-node2 gets the same routes as sn-node but the peer only routes sn-node back.
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-node2' ? { ...s, routeTable: 'rtb-a' } : s)),
      routeTables: [base.routeTables[0]!, table('rtb-b', 'vpc-b', [['10.0.1.0/24', 'pcx-1']])],
    };
    expectPath(
      p,
      'cls-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['cls-1', 'sn-node2', 'pcx-1', 'sn-b', 'db-b']),
    );
    // With both routed back: snat.
    const ok: Plan = { ...p, routeTables: [base.routeTables[0]!, base.routeTables[1]!] };
    const r = pathOf(ok, 'cls-1', 'db-b');
    expect(r.verdict).toBe('snat');
    expect(r.hops.slice(2)).toEqual(['pcx-1', 'sn-b', 'db-b']);
  });
});

describe('flows from a resource', () => {
  const secondary = () =>
    basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] })],
      subnets: [...BASE_SUBNETS, subnet('sn-sec', 'vpc-a', '10.8.1.0/24')],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-2', 'sn-sec', '10.8.1.10')],
    });

  it('to a resource in the same VPC: direct, keeping its own address', () => {
    expectPath(secondary(), 'db-1', 'db-2', direct(['db-1', 'sn-db', 'sn-sec', 'db-2']));
  });

  it('to pods of a cluster in the VPC: direct', () => {
    const r = pathOf(basePlan(), 'db-1', 'cls-1');
    expect(r.verdict).toBe('direct');
    expect(r.hops.slice(0, 2)).toEqual(['db-1', 'sn-db']);
    expect(r.hops.at(-1)).toBe('cls-1');
  });

  it('to a peered resource with routes both ways: direct (never snat)', () => {
    const base = peered();
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-db' ? { ...s, routeTable: 'rtb-a' } : s)),
    };
    expectPath(p, 'db-1', 'db-b', direct(['db-1', 'sn-db', 'pcx-1', 'sn-b', 'db-b']));
  });

  it('to a peered resource without a route from its subnet: unreachable NO_ROUTE', () => {
    // Only the node subnet uses rtb-a.
    expectPath(peered(), 'db-1', 'db-b', unreachable('NO_ROUTE', ['db-1', 'sn-db']));
  });

  it('to a peered resource without a route back: unreachable NO_RETURN_ROUTE', () => {
    const base = peered({ back: ['10.0.1.0/24'] });
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-db' ? { ...s, routeTable: 'rtb-a' } : s)),
    };
    expectPath(
      p,
      'db-1',
      'db-b',
      unreachable('NO_RETURN_ROUTE', ['db-1', 'sn-db', 'pcx-1', 'sn-b', 'db-b']),
    );
  });

  it('to an IDC: direct with the VPC primary CIDR as the default return route', () => {
    const base = withIdc();
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-db' ? { ...s, routeTable: 'rtb-a' } : s)),
    };
    expectPath(p, 'db-1', 'idc-sh', direct(['db-1', 'sn-db', 'idc-sh']));
  });

  it('to the internet: snat through a NAT gateway its subnet routes to', () => {
    const p = basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24', { routeTable: 'rtb-db' }),
      ],
      natGateways: [nat('nat-1', 'vpc-a')],
      routeTables: [table('rtb-db', 'vpc-a', [['0.0.0.0/0', 'nat-1']])],
    });
    const r = expectPath(p, 'db-1', 'internet', snat(['db-1', 'sn-db', 'nat-1', 'internet']));
    expect(r.snatTo).toBe('nat-1');
  });

  it('to the internet: unreachable without one, even if the nodes have public IPs', () => {
    const p = basePlan({
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
      ],
      clusters: [cls1({ nodePublicIp: true })],
      natGateways: [nat('nat-1', 'vpc-a')],
      routeTables: [table('rtb-a', 'vpc-a', [['0.0.0.0/0', 'nat-1']])],
    });
    const r = pathOf(p, 'db-1', 'internet');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('NO_INTERNET_EGRESS');
    expect(r.hops).toEqual(['db-1', 'sn-db']);
  });
});

describe('VPC-CNI clusters', () => {
  const cni = (extra: Partial<Cluster> = {}, more: PlanParts = {}): Plan =>
    basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { secondaryCidrs: ['10.8.0.0/16'] })],
      subnets: [
        ...BASE_SUBNETS,
        subnet('sn-pods', 'vpc-a', '10.0.4.0/24'),
        subnet('sn-sec', 'vpc-a', '10.8.1.0/24'),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          mode: 'vpc-cni',
          nodeSubnets: ['sn-node'],
          podSubnets: ['sn-pods'],
          serviceCidr: '192.168.0.0/20',
          ...extra,
        }),
      ],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-2', 'sn-sec', '10.8.1.10')],
      ...more,
    });

  it('pods of the same cluster and its nodes are direct', () => {
    const r = pathOf(cni(), 'cls-1', 'cls-1');
    expect(r.verdict).toBe('direct');
    expect(r.hops[0]).toBe('cls-1');
    expect(r.hops.at(-1)).toBe('cls-1');
    const n = pathOf(cni({ nonMasqueradeCidrs: [] }), 'cls-1', '10.0.1.7');
    expect(n.verdict).toBe('direct');
    expect(n.hops.slice(-2)).toEqual(['sn-node', '10.0.1.7']);
  });

  it('reach a resource in the primary CIDR directly', () => {
    const r = pathOf(cni(), 'cls-1', 'db-1');
    expect(r.verdict).toBe('direct');
    expect(r.reason).toBeNull();
    expect(r.hops[0]).toBe('cls-1');
    // The pod address is in the pod subnet; the spec's hop list names "its node subnet".
    expect(r.hops.slice(-2)).toEqual(['sn-db', 'db-1']);
  });

  it('snat to a resource in a secondary CIDR (the default keeps only the VPC primary CIDR)', () => {
    expectPath(cni(), 'cls-1', 'db-2', snat(['cls-1', 'sn-node', 'sn-sec', 'db-2']));
  });

  it('direct to it once the secondary CIDR is in nonMasqueradeCidrs', () => {
    const r = pathOf(cni({ nonMasqueradeCidrs: ['10.0.0.0/16', '10.8.0.0/16'] }), 'cls-1', 'db-2');
    expect(r.verdict).toBe('direct');
    expect(r.hops.slice(-2)).toEqual(['sn-sec', 'db-2']);
  });

  it('snat to a GlobalRouter cluster in the same VPC', () => {
    const p = cni(
      {},
      {
        subnets: [
          ...BASE_SUBNETS,
          subnet('sn-pods', 'vpc-a', '10.0.4.0/24'),
          subnet('sn-node2', 'vpc-a', '10.0.5.0/24'),
        ],
        clusters: [
          cluster('cls-1', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node'],
            podSubnets: ['sn-pods'],
            serviceCidr: '192.168.0.0/20',
          }),
          cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-node2'], containerCidr: '172.17.0.0/16' }),
        ],
        resources: [resource('db-1', 'sn-db', '10.0.2.10')],
        vpcs: [vpc('vpc-a', '10.0.0.0/16')],
      },
    );
    const r = pathOf(p, 'cls-1', 'cls-2');
    expect(r.verdict).toBe('snat');
    expect(r.hops.slice(0, 2)).toEqual(['cls-1', 'sn-node']);
    expect(r.hops.at(-1)).toBe('cls-2');
  });

  describe('to a peered VPC', () => {
    const peer = (extra: Partial<Cluster>, back: string[]) => {
      const base = peered({ back });
      return {
        ...base,
        subnets: [
          ...base.subnets,
          subnet('sn-pods', 'vpc-a', '10.0.4.0/24', { routeTable: 'rtb-a' }),
        ],
        clusters: [
          cluster('cls-1', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node'],
            podSubnets: ['sn-pods'],
            serviceCidr: '192.168.0.0/20',
            ...extra,
          }),
        ],
      } satisfies Plan;
    };

    it('snat by default', () => {
      expectPath(
        peer({}, ['10.0.1.0/24']),
        'cls-1',
        'db-b',
        snat(['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']),
      );
    });

    it('direct needs the peer to route the pod subnet back', () => {
      const nm = { nonMasqueradeCidrs: ['10.0.0.0/16', '10.1.0.0/16'] };
      const no = pathOf(peer(nm, ['10.0.1.0/24']), 'cls-1', 'db-b');
      expect(no.verdict).toBe('unreachable');
      expect(no.reason).toBe('NO_RETURN_ROUTE');
      const yes = pathOf(peer(nm, ['10.0.1.0/24', '10.0.4.0/24']), 'cls-1', 'db-b');
      expect(yes.verdict).toBe('direct');
      expect(yes.hops.slice(-3)).toEqual(['pcx-1', 'sn-b', 'db-b']);
    });
  });

  it("a pod-IP path leaves from the pod subnet, with that subnet's route table", () => {
    const base = peered({ back: ['10.0.1.0/24', '10.0.4.0/24'] });
    const p: Plan = {
      ...base,
      // The node subnet's table routes to the peer; the pod subnet keeps the default table.
      subnets: [...base.subnets, subnet('sn-pods', 'vpc-a', '10.0.4.0/24')],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          mode: 'vpc-cni',
          nodeSubnets: ['sn-node'],
          podSubnets: ['sn-pods'],
          serviceCidr: '192.168.0.0/20',
          nonMasqueradeCidrs: ['10.0.0.0/16', '10.1.0.0/16'],
        }),
      ],
    };
    expectPath(p, 'cls-1', 'db-b', unreachable('NO_ROUTE', ['cls-1', 'sn-pods']));
    // The snat path leaves from the node subnet, whose table has the route.
    const q: Plan = {
      ...p,
      clusters: [{ ...p.clusters[0]!, nonMasqueradeCidrs: ['10.0.0.0/16'] }],
    };
    expectPath(q, 'cls-1', 'db-b', snat(['cls-1', 'sn-node', 'pcx-1', 'sn-b', 'db-b']));
  });

  it('direct to an IDC in nonMasqueradeCidrs: the default return route covers the pod subnet', () => {
    const base = withIdc();
    const p: Plan = {
      ...base,
      subnets: [
        ...base.subnets,
        subnet('sn-pods', 'vpc-a', '10.0.4.0/24', { routeTable: 'rtb-a' }),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          mode: 'vpc-cni',
          nodeSubnets: ['sn-node'],
          podSubnets: ['sn-pods'],
          serviceCidr: '172.31.0.0/20',
          nonMasqueradeCidrs: ['10.0.0.0/16', '192.168.0.0/16'],
        }),
      ],
    };
    const r = pathOf(p, 'cls-1', 'idc-sh');
    expect(r.verdict).toBe('direct');
    expect(r.hops[0]).toBe('cls-1');
    expect(r.hops.at(-1)).toBe('idc-sh');
    // returnRoutes without the pod subnet: no way back for the pod IPs.
    const q: Plan = {
      ...p,
      idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16'], { returnRoutes: ['10.0.1.0/24'] })],
    };
    const s2 = pathOf(q, 'cls-1', 'idc-sh');
    expect(s2.verdict).toBe('unreachable');
    expect(s2.reason).toBe('NO_RETURN_ROUTE');
  });

  it('internet: snat through the NAT gateway of the node subnet', () => {
    const base = cni();
    const p: Plan = {
      ...base,
      subnets: base.subnets.map((s) => (s.id === 'sn-node' ? { ...s, routeTable: 'rtb-a' } : s)),
      natGateways: [nat('nat-1', 'vpc-a')],
      routeTables: [table('rtb-a', 'vpc-a', [['0.0.0.0/0', 'nat-1']])],
    };
    expectPath(p, 'cls-1', 'internet', snat(['cls-1', 'sn-node', 'nat-1', 'internet']));
  });
});

describe('flows to an IP address', () => {
  it('a resource address in the VPC: direct, ending at the address', () => {
    expectPath(
      basePlan(),
      'cls-1',
      '10.0.2.10',
      direct(['cls-1', 'sn-node', 'sn-db', '10.0.2.10']),
    );
  });

  it('an address in the VPC that no subnet holds: NO_ROUTE', () => {
    const r = pathOf(basePlan(), 'cls-1', '10.0.200.1');
    expect(r.verdict).toBe('unreachable');
    expect(r.reason).toBe('NO_ROUTE');
  });

  it('an address nothing routes to: NO_ROUTE', () => {
    expectPath(basePlan(), 'cls-1', '10.50.0.1', unreachable('NO_ROUTE', ['cls-1', 'sn-node']));
  });

  it('an IPv6 address of the VPC: snat (non-masquerade ranges are IPv4)', () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16', { ipv6Cidr: '2402:4e00:1000::/56' })],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:1::/64' }),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24', { ipv6Cidr: '2402:4e00:1000:2::/64' }),
      ],
    });
    expectPath(
      p,
      'cls-1',
      '2402:4e00:1000:2::10',
      snat(['cls-1', 'sn-node', 'sn-db', '2402:4e00:1000:2::10']),
    );
  });
});

describe('the flows evaluated', () => {
  const p = () =>
    basePlan({
      subnets: [...BASE_SUBNETS, subnet('sn-node2', 'vpc-a', '10.0.5.0/24')],
      clusters: [
        cls1(),
        cluster('cls-2', 'vpc-a', { nodeSubnets: ['sn-node2'], containerCidr: '172.17.0.0/16' }),
      ],
      resources: [resource('db-1', 'sn-db', '10.0.2.10'), resource('db-2', 'sn-db', '10.0.2.11')],
      idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16'])],
    });

  it('without `flows`: every cluster to every resource, other cluster, IDC and internet', () => {
    const plan0 = p();
    expect(plan0.flows).toBeUndefined();
    const got = analyzePlan(plan0).paths.map((x) => `${x.from}>${x.to}`);
    const want = ['cls-1', 'cls-2'].flatMap((c) =>
      ['db-1', 'db-2', c === 'cls-1' ? 'cls-2' : 'cls-1', 'idc-sh', 'internet'].map(
        (t) => `${c}>${t}`,
      ),
    );
    expect([...got].sort()).toEqual([...want].sort());
    expect(new Set(got).size).toBe(got.length);
  });

  it('with `flows: []`: no paths', () => {
    expect(analyzePlan({ ...p(), flows: [] }).paths).toEqual([]);
  });

  it('with flows: exactly those, in order', () => {
    const flows = [
      { from: 'cls-2', to: 'internet' },
      { from: 'db-1', to: 'db-2' },
      { from: 'cls-1', to: '10.0.2.11' },
    ];
    const got = analyzePlan({ ...p(), flows }).paths.map((x) => ({ from: x.from, to: x.to }));
    expect(got).toEqual(flows);
  });

  it('a plan without clusters has no default paths', () => {
    expect(analyzePlan(plan({ vpcs: [vpc('vpc-a', '10.0.0.0/16')] })).paths).toEqual([]);
  });
});
