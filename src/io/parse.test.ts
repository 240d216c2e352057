// Reading a plan (docs/spec/plan-format.md): every read error names the JSON path of the first
// bad field and what was expected there; everything else reads. Property tests: the reader never
// throws, and a valid plan survives writing and reading back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../domain/analyze';
import {
  anyCidrArb,
  ipArb,
  jsonPaths,
  validPlanArb,
  withValueAt,
} from '../test-support/arbitraries';
import { formatPlanError, type PlanError } from './errors';
import { MAX_STRING } from './schema';
import {
  MAX_DEPTH,
  MAX_PLAN_BYTES,
  MAX_PLAN_OBJECTS,
  parsePlanText,
  parsePlanValue,
  type ParseResult,
} from './parse';
import { planToJson, serializePlan } from './serialize';

/** A plan that uses every field of the format, valid in every respect the reader checks. */
function fullDoc(): Record<string, unknown> {
  return {
    format: 'cidr-canvas/plan',
    version: 1,
    name: 'Guangzhou production',
    vpcs: [
      {
        id: 'vpc-a',
        name: 'prod',
        region: 'ap-guangzhou',
        cidr: '10.0.0.0/16',
        secondaryCidrs: ['10.8.0.0/16'],
        ipv6Cidr: '2402:4e00:1000::/56',
      },
      { id: 'vpc-b', name: 'shared', cidr: '10.1.0.0/16' },
    ],
    subnets: [
      {
        id: 'sn-node',
        vpc: 'vpc-a',
        cidr: '10.0.1.0/24',
        ipv6Cidr: '2402:4e00:1000:1::/64',
        zone: 'ap-guangzhou-3',
        routeTable: 'rtb-a',
      },
      { id: 'sn-db', vpc: 'vpc-a', cidr: '10.0.2.0/24' },
      { id: 'sn-pods', vpc: 'vpc-a', cidr: '10.0.4.0/24' },
      { id: 'sn-b', vpc: 'vpc-b', cidr: '10.1.3.0/24' },
    ],
    clusters: [
      {
        id: 'cls-1',
        vpc: 'vpc-a',
        mode: 'global-router',
        nodeSubnets: ['sn-node'],
        nodeCount: 20,
        nodePublicIp: false,
        containerCidr: '172.16.0.0/16',
        maxPodsPerNode: 64,
        maxServices: 1024,
        serviceCidr: '192.168.0.0/20',
        nonMasqueradeCidrs: ['10.0.0.0/16'],
        ignoreRouteConflict: false,
      },
      {
        id: 'cls-2',
        vpc: 'vpc-a',
        mode: 'vpc-cni',
        nodeSubnets: ['sn-node'],
        podSubnets: ['sn-pods'],
        serviceCidr: '192.168.16.0/20',
      },
    ],
    resources: [{ id: 'db-1', name: 'orders', kind: 'cdb', subnet: 'sn-db', ip: '10.0.2.10' }],
    natGateways: [{ id: 'nat-1', name: 'egress', vpc: 'vpc-a' }],
    peerings: [{ id: 'pcx-1', name: 'a-b', vpcs: ['vpc-a', 'vpc-b'] }],
    ccns: [{ id: 'ccn-1', name: 'backbone', attachments: ['vpc-a', 'vpc-b', 'cls-1', 'idc-bj'] }],
    idcs: [
      {
        id: 'idc-sh',
        name: 'Shanghai IDC',
        cidrs: ['172.30.0.0/16'],
        vpc: 'vpc-a',
        link: 'vpn',
        returnRoutes: ['10.0.0.0/16'],
      },
      // On the CCN only: no VPC of its own.
      { id: 'idc-bj', name: 'Beijing IDC', cidrs: ['172.31.0.0/16'], link: 'direct-connect' },
    ],
    routeTables: [
      {
        id: 'rtb-a',
        name: 'nodes',
        vpc: 'vpc-a',
        routes: [
          { destination: '0.0.0.0/0', target: 'nat-1' },
          { destination: '10.1.0.0/16', target: 'pcx-1' },
          { destination: '172.30.0.0/16', target: 'idc-sh' },
        ],
      },
    ],
    flows: [
      { from: 'cls-1', to: 'db-1' },
      { from: 'cls-1', to: 'internet' },
      { from: 'cls-1', to: '10.1.3.7' },
      { from: 'db-1', to: 'idc-sh' },
    ],
    reservations: [
      {
        id: 'rsv-1',
        name: 'future cluster',
        cidr: '172.20.0.0/14',
        vpc: 'vpc-a',
        note: 'EU expansion',
      },
      { id: 'rsv-2', cidr: '10.200.0.0/16' },
    ],
    comments: [
      {
        id: 'cm-1',
        object: 'cls-1',
        author: 'Li Wei',
        text: 'Why /16 and not /17?',
        createdAt: '2026-12-01T09:30:00Z',
        resolved: false,
        replies: [{ author: 'Ana', text: 'Room for 500 nodes', createdAt: '2026-12-01T09:41:00Z' }],
      },
      {
        id: 'cm-2',
        author: 'Ana',
        text: 'Ready for review',
        createdAt: '2026-12-01T10:00:00+08:00',
      },
    ],
    layout: { 'vpc-a': { x: 0, y: 0, width: 900, height: 600 }, 'sn-node': { x: 40, y: 60 } },
  };
}

const read = (doc: unknown): ParseResult => parsePlanText(JSON.stringify(doc));

/** The full plan with one value replaced (or removed, for `undefined`), read. */
const readWith = (path: (string | number)[], value: unknown): ParseResult =>
  read(withValueAt(fullDoc(), path, value));

function expectError(r: ParseResult, path: string, ...message: (string | RegExp)[]): PlanError {
  if (r.ok) throw new Error(`expected a read error at ${path}, but the plan was read`);
  expect(r.error.path).toBe(path);
  for (const m of message) {
    if (typeof m === 'string') expect(r.error.message).toContain(m);
    else expect(r.error.message).toMatch(m);
  }
  return r.error;
}

function expectOk(r: ParseResult) {
  if (!r.ok) throw new Error(`expected the plan to be read, got ${formatPlanError(r.error)}`);
  return r.value;
}

describe('a valid plan', () => {
  it('reads, with every field kept', () => {
    const doc = fullDoc();
    const plan = expectOk(read(doc));
    expect(plan).toEqual(doc);
  });

  it('reads with only format and version: every list empty, flows absent', () => {
    const plan = expectOk(read({ format: 'cidr-canvas/plan', version: 1 }));
    for (const k of [
      'vpcs',
      'subnets',
      'clusters',
      'resources',
      'natGateways',
      'peerings',
      'ccns',
      'idcs',
      'routeTables',
    ] as const)
      expect(plan[k]).toEqual([]);
    expect(plan.flows).toBeUndefined();
    expect('flows' in plan).toBe(false);
  });

  it('keeps `flows: []` apart from no flows', () => {
    expect(expectOk(readWith(['flows'], [])).flows).toEqual([]);
    expect(expectOk(readWith(['flows'], undefined)).flows).toBeUndefined();
  });

  it('reads the version written as 1.0', () => {
    const text = JSON.stringify(fullDoc()).replace('"version":1', '"version":1.0');
    expect(text).toContain('1.0');
    expectOk(parsePlanText(text));
  });

  it('reads IPv6 route destinations, IDC ranges, return routes and flow addresses', () => {
    const doc = withValueAt(fullDoc(), ['idcs', 0, 'cidrs'], ['172.30.0.0/16', 'fd00::/48']);
    const doc2 = withValueAt(doc, ['idcs', 0, 'returnRoutes'], ['10.0.0.0/16', '2402:4e00::/32']);
    const doc3 = withValueAt(doc2, ['routeTables', 0, 'routes', 2, 'destination'], 'fd00::/48');
    const doc4 = withValueAt(doc3, ['flows', 2, 'to'], '2402:4e00:1000:1::5');
    const doc5 = withValueAt(doc4, ['resources', 0, 'ip'], '2402:4e00:1000:1::9');
    expectOk(read(doc5));
  });

  it('reads an IDC with no VPC (attached to a CCN), and a CCN attaching an IDC', () => {
    const plan = expectOk(read(fullDoc()));
    expect(plan.idcs[1]).toEqual({
      id: 'idc-bj',
      name: 'Beijing IDC',
      cidrs: ['172.31.0.0/16'],
      link: 'direct-connect',
    });
    expect(plan.ccns[0]!.attachments).toContain('idc-bj');
  });

  it('reads reservations and comments, with or without their optional fields', () => {
    const plan = expectOk(read(fullDoc()));
    expect(plan.reservations).toEqual(fullDoc().reservations);
    expect(plan.comments).toEqual(fullDoc().comments);
    // A reservation of IPv6 space, a comment about a reservation, a date without a time.
    expectOk(readWith(['reservations', 1, 'cidr'], 'fd00::/48'));
    expectOk(readWith(['comments', 1, 'object'], 'rsv-1'));
    expectOk(readWith(['comments', 1, 'createdAt'], '2026-12-01'));
    const bare = expectOk(read({ format: 'cidr-canvas/plan', version: 1 }));
    expect('reservations' in bare || 'comments' in bare).toBe(false);
  });

  it('reads every resource kind, cluster mode and IDC link the format lists', () => {
    for (const kind of ['cdb', 'redis', 'memcached', 'cvm', 'clb', 'other'])
      expectOk(readWith(['resources', 0, 'kind'], kind));
    for (const mode of ['global-router', 'vpc-cni'])
      expectOk(readWith(['clusters', 0, 'mode'], mode));
    for (const link of ['vpn', 'direct-connect']) expectOk(readWith(['idcs', 0, 'link'], link));
  });

  it('reads a flow to a cluster, a resource, an IDC, internet and an address', () => {
    for (const to of ['cls-2', 'db-1', 'idc-sh', 'internet', '8.8.8.8', '10.0.2.10'])
      expectOk(readWith(['flows', 0, 'to'], to));
    expectOk(readWith(['flows', 0, 'from'], 'db-1'));
  });

  it('reads values the rules judge, not the reader (findings, not read errors)', () => {
    // A VPC outside the private ranges, pods per node out of 4..256: rules VPC_CIDR_RANGE and
    // CLUSTER_POD_NUM_RANGE, both findings.
    expectOk(readWith(['vpcs', 1, 'cidr'], '8.0.0.0/8'));
    expectOk(readWith(['clusters', 0, 'maxPodsPerNode'], 1000));
  });
});

describe('read errors', () => {
  it('not JSON', () => {
    for (const text of ['', '{', '{"format": "cidr-canvas/plan",}', 'plan', "{'a': 1}"]) {
      const r = parsePlanText(text);
      const e = expectError(r, '$', 'not valid JSON');
      expect(e.kind).toBe('json');
    }
  });

  it('JSON that is not an object', () => {
    for (const v of [null, [], 1, 'plan', true]) expectError(read(v), '$', 'expected');
  });

  it('the format string missing or wrong', () => {
    expectError(readWith(['format'], undefined), '$.format', 'cidr-canvas/plan');
    expectError(
      readWith(['format'], 'cidr-canvas/plan2'),
      '$.format',
      'expected "cidr-canvas/plan"',
    );
    expectError(readWith(['format'], 'CIDR-CANVAS/PLAN'), '$.format', 'cidr-canvas/plan');
    expectError(readWith(['format'], 1), '$.format', 'cidr-canvas/plan');
  });

  it('the version missing', () => {
    expectError(readWith(['version'], undefined), '$.version', 'expected the integer 1');
  });

  it('the version not an integer', () => {
    for (const v of ['1', 1.5, true, null, [1]])
      expectError(readWith(['version'], v), '$.version', 'expected the integer 1');
  });

  it('the version 0 (or below)', () => {
    expectError(readWith(['version'], 0), '$.version', 'expected the integer 1');
    expectError(readWith(['version'], -1), '$.version', 'expected the integer 1');
  });

  it('a newer version is named as newer than this reader knows', () => {
    for (const v of [2, 99]) {
      const e = expectError(readWith(['version'], v), '$.version', 'newer', String(v));
      expect(e.kind).toBe('too-new');
    }
  });

  describe('a field with the wrong type', () => {
    const cases: Array<[(string | number)[], unknown, string, string]> = [
      [['vpcs'], 'oops', '$.vpcs', 'expected an array'],
      [['vpcs'], {}, '$.vpcs', 'expected an array'],
      [['vpcs', 0], 'vpc-a', '$.vpcs[0]', 'expected an object'],
      [['vpcs', 0, 'id'], 7, '$.vpcs[0].id', 'expected a string'],
      [['vpcs', 0, 'name'], 5, '$.vpcs[0].name', 'expected a string'],
      [['vpcs', 0, 'cidr'], 10, '$.vpcs[0].cidr', 'expected a string'],
      [
        ['vpcs', 0, 'secondaryCidrs'],
        '10.8.0.0/16',
        '$.vpcs[0].secondaryCidrs',
        'expected an array',
      ],
      [['subnets', 1, 'vpc'], ['vpc-a'], '$.subnets[1].vpc', 'expected a string'],
      [['clusters', 0, 'nodeSubnets'], 'sn-node', '$.clusters[0].nodeSubnets', 'expected an array'],
      [['clusters', 0, 'nodeSubnets', 0], 1, '$.clusters[0].nodeSubnets[0]', 'expected a string'],
      [
        ['clusters', 0, 'nodePublicIp'],
        'yes',
        '$.clusters[0].nodePublicIp',
        'expected true or false',
      ],
      [
        ['clusters', 0, 'ignoreRouteConflict'],
        0,
        '$.clusters[0].ignoreRouteConflict',
        'expected true or false',
      ],
      [['peerings', 0, 'vpcs'], 'vpc-a', '$.peerings[0].vpcs', 'expected'],
      [['ccns', 0, 'attachments'], null, '$.ccns[0].attachments', 'expected an array'],
      [['idcs', 0, 'cidrs'], '172.30.0.0/16', '$.idcs[0].cidrs', 'expected an array'],
      [['routeTables', 0, 'routes', 1], null, '$.routeTables[0].routes[1]', 'expected an object'],
      [['flows'], {}, '$.flows', 'expected an array'],
      [['flows', 1, 'to'], 5, '$.flows[1].to', 'expected a string'],
      [['reservations'], {}, '$.reservations', 'expected an array'],
      [['reservations', 0, 'vpc'], 3, '$.reservations[0].vpc', 'expected a string'],
      [['reservations', 0, 'note'], false, '$.reservations[0].note', 'expected a string'],
      [['comments'], 'cm-1', '$.comments', 'expected an array'],
      [['comments', 0, 'resolved'], 'no', '$.comments[0].resolved', 'expected true or false'],
      [['comments', 0, 'replies'], {}, '$.comments[0].replies', 'expected an array'],
      [['comments', 0, 'replies', 0], 'ok', '$.comments[0].replies[0]', 'expected an object'],
      [['comments', 0, 'object'], 1, '$.comments[0].object', 'expected a string'],
      [['layout'], [], '$.layout', 'expected an object'],
      [['layout', 'vpc-a', 'x'], '0', '$.layout["vpc-a"].x', 'expected a number'],
      [['name'], 3, '$.name', 'expected a string'],
    ];
    for (const [path, value, want, msg] of cases) {
      it(`${want} = ${JSON.stringify(value)}`, () => {
        expectError(readWith(path, value), want, msg);
      });
    }
  });

  describe('a required field missing', () => {
    const cases: Array<[(string | number)[], string]> = [
      [['vpcs', 0, 'id'], '$.vpcs[0].id'],
      [['vpcs', 1, 'cidr'], '$.vpcs[1].cidr'],
      [['subnets', 0, 'vpc'], '$.subnets[0].vpc'],
      [['subnets', 0, 'cidr'], '$.subnets[0].cidr'],
      [['clusters', 0, 'vpc'], '$.clusters[0].vpc'],
      [['resources', 0, 'kind'], '$.resources[0].kind'],
      [['resources', 0, 'subnet'], '$.resources[0].subnet'],
      [['natGateways', 0, 'vpc'], '$.natGateways[0].vpc'],
      [['peerings', 0, 'vpcs'], '$.peerings[0].vpcs'],
      [['ccns', 0, 'attachments'], '$.ccns[0].attachments'],
      [['idcs', 0, 'cidrs'], '$.idcs[0].cidrs'],
      [['routeTables', 0, 'routes'], '$.routeTables[0].routes'],
      [['routeTables', 0, 'routes', 0, 'destination'], '$.routeTables[0].routes[0].destination'],
      [['routeTables', 0, 'routes', 0, 'target'], '$.routeTables[0].routes[0].target'],
      [['flows', 0, 'from'], '$.flows[0].from'],
      [['flows', 0, 'to'], '$.flows[0].to'],
      [['reservations', 0, 'id'], '$.reservations[0].id'],
      [['reservations', 1, 'cidr'], '$.reservations[1].cidr'],
      [['comments', 0, 'id'], '$.comments[0].id'],
      [['comments', 1, 'author'], '$.comments[1].author'],
      [['comments', 1, 'text'], '$.comments[1].text'],
      [['comments', 0, 'createdAt'], '$.comments[0].createdAt'],
      [['comments', 0, 'replies', 0, 'text'], '$.comments[0].replies[0].text'],
      [['layout', 'sn-node', 'y'], '$.layout["sn-node"].y'],
    ];
    for (const [path, want] of cases) {
      it(want, () => {
        expectError(readWith(path, undefined), want, /missing|required|expected/);
      });
    }
  });

  it('a peering naming fewer than two VPCs: the missing id is named', () => {
    expectError(readWith(['peerings', 0, 'vpcs'], ['vpc-a']), '$.peerings[0].vpcs[1]', /missing/);
    expectError(readWith(['peerings', 0, 'vpcs'], []), '$.peerings[0].vpcs[0]', /missing/);
  });

  it('a peering naming three VPCs is a field of the wrong type (a pair of ids)', () => {
    // SPEC: `vpcs` of a peering is the pair it joins ("vpcs": ["vpc-a", "vpc-b"]).
    expectError(
      readWith(['peerings', 0, 'vpcs'], ['vpc-a', 'vpc-b', 'vpc-a']),
      '$.peerings[0].vpcs',
      'two',
    );
  });

  it('an unknown cluster mode, naming the modes', () => {
    const e = expectError(
      readWith(['clusters', 0, 'mode'], 'globalrouter'),
      '$.clusters[0].mode',
      'global-router',
      'vpc-cni',
    );
    expect(e.message).toContain('globalrouter');
    expectError(readWith(['clusters', 1, 'mode'], null), '$.clusters[1].mode', 'global-router');
  });

  it('an unknown resource kind, naming the kinds', () => {
    expectError(
      readWith(['resources', 0, 'kind'], 'mysql'),
      '$.resources[0].kind',
      'cdb',
      'redis',
      'memcached',
      'cvm',
      'clb',
      'other',
    );
    expectError(readWith(['resources', 0, 'kind'], 'CDB'), '$.resources[0].kind', 'cdb');
  });

  it('an unknown IDC link, naming the links', () => {
    expectError(readWith(['idcs', 0, 'link'], 'mpls'), '$.idcs[0].link', 'vpn', 'direct-connect');
  });

  describe('a count that is not a positive integer', () => {
    const fields = ['nodeCount', 'maxPodsPerNode', 'maxServices'];
    for (const field of fields) {
      for (const value of [0, -1, 1.5, -0.5]) {
        it(`${field} = ${value}`, () => {
          expectError(
            readWith(['clusters', 0, field], value),
            `$.clusters[0].${field}`,
            'expected a positive integer',
          );
        });
      }
      it(`${field} = "3"`, () => {
        expectError(readWith(['clusters', 0, field], '3'), `$.clusters[0].${field}`, 'expected');
      });
    }
  });

  describe('a CIDR or address that does not parse', () => {
    const cases: Array<[(string | number)[], string, string]> = [
      [['vpcs', 0, 'cidr'], '10.0.0.0', '$.vpcs[0].cidr'],
      [['vpcs', 0, 'cidr'], '10.0.0/16', '$.vpcs[0].cidr'],
      [['vpcs', 0, 'cidr'], '10.0.0.256/24', '$.vpcs[0].cidr'],
      [['vpcs', 0, 'cidr'], 'ten/8', '$.vpcs[0].cidr'],
      [['vpcs', 0, 'cidr'], '', '$.vpcs[0].cidr'],
      [['vpcs', 0, 'secondaryCidrs', 0], '10.8.0.0/x', '$.vpcs[0].secondaryCidrs[0]'],
      [['vpcs', 0, 'ipv6Cidr'], '2402:4e00:1000::/56/1', '$.vpcs[0].ipv6Cidr'],
      [['vpcs', 0, 'ipv6Cidr'], '2402:zz::/56', '$.vpcs[0].ipv6Cidr'],
      [['subnets', 0, 'cidr'], '10.0.1.0/', '$.subnets[0].cidr'],
      [['subnets', 0, 'ipv6Cidr'], 'fe80::1%eth0/64', '$.subnets[0].ipv6Cidr'],
      [['clusters', 0, 'containerCidr'], '172.16.0.0-16', '$.clusters[0].containerCidr'],
      [['clusters', 0, 'serviceCidr'], '192.168.0.0 /20', '$.clusters[0].serviceCidr'],
      [
        ['clusters', 0, 'nonMasqueradeCidrs', 0],
        '10.0.0.0/16 ',
        '$.clusters[0].nonMasqueradeCidrs[0]',
      ],
      [['resources', 0, 'ip'], '10.0.2.300', '$.resources[0].ip'],
      [['resources', 0, 'ip'], '10.0.2.10/32', '$.resources[0].ip'],
      [['resources', 0, 'ip'], '010.0.2.10', '$.resources[0].ip'],
      [['idcs', 0, 'cidrs', 0], '172.30.0.0', '$.idcs[0].cidrs[0]'],
      [['idcs', 0, 'returnRoutes', 0], 'any', '$.idcs[0].returnRoutes[0]'],
      [
        ['routeTables', 0, 'routes', 0, 'destination'],
        'default',
        '$.routeTables[0].routes[0].destination',
      ],
    ];
    for (const [path, value, want] of cases) {
      it(`${want} = ${JSON.stringify(value)}`, () => {
        expectError(readWith(path, value), want, 'expected');
      });
    }
  });

  it('an IPv6 CIDR where the format wants IPv4, and the other way round', () => {
    expectError(readWith(['vpcs', 0, 'cidr'], '2402:4e00::/32'), '$.vpcs[0].cidr', 'IPv4');
    expectError(readWith(['subnets', 0, 'cidr'], 'fd00::/64'), '$.subnets[0].cidr', 'IPv4');
    expectError(
      readWith(['clusters', 0, 'containerCidr'], 'fd00::/48'),
      '$.clusters[0].containerCidr',
      'IPv4',
    );
    expectError(
      readWith(['clusters', 0, 'nonMasqueradeCidrs', 0], 'fd00::/48'),
      '$.clusters[0].nonMasqueradeCidrs[0]',
      'IPv4',
    );
    expectError(readWith(['vpcs', 0, 'ipv6Cidr'], '10.0.0.0/16'), '$.vpcs[0].ipv6Cidr', 'IPv6');
  });

  it('a comment date that is not ISO 8601 names the field and an example', () => {
    for (const bad of ['yesterday', '01/12/2026', '2026-13-01T00:00:00Z', ''])
      expectError(
        readWith(['comments', 0, 'replies', 0, 'createdAt'], bad),
        '$.comments[0].replies[0].createdAt',
        'ISO 8601',
        '2026-12-01T09:30:00Z',
      );
  });

  it('a reservation CIDR with host bits names the CIDR probably meant', () => {
    expectError(
      readWith(['reservations', 0, 'cidr'], '172.21.0.0/14'),
      '$.reservations[0].cidr',
      '172.20.0.0/14',
    );
  });

  describe('a mask out of range', () => {
    const cases: Array<[(string | number)[], string, string, string]> = [
      [['vpcs', 0, 'cidr'], '10.0.0.0/33', '$.vpcs[0].cidr', '32'],
      [['vpcs', 0, 'cidr'], '10.0.0.0/-1', '$.vpcs[0].cidr', '32'],
      [['vpcs', 0, 'ipv6Cidr'], '2402:4e00:1000::/129', '$.vpcs[0].ipv6Cidr', '128'],
      [['idcs', 0, 'cidrs', 0], '172.30.0.0/40', '$.idcs[0].cidrs[0]', '32'],
      [
        ['routeTables', 0, 'routes', 0, 'destination'],
        '0.0.0.0/99',
        '$.routeTables[0].routes[0].destination',
        '32',
      ],
    ];
    for (const [path, value, want, max] of cases) {
      it(`${want} = ${value}`, () => {
        expectError(readWith(path, value), want, 'expected', value, max);
      });
    }
  });

  describe('host bits set, naming the CIDR probably meant', () => {
    const cases: Array<[(string | number)[], string, string, string]> = [
      [['vpcs', 0, 'cidr'], '10.0.0.1/16', '$.vpcs[0].cidr', '10.0.0.0/16'],
      [
        ['vpcs', 0, 'secondaryCidrs', 0],
        '10.8.3.0/16',
        '$.vpcs[0].secondaryCidrs[0]',
        '10.8.0.0/16',
      ],
      [
        ['vpcs', 0, 'ipv6Cidr'],
        '2402:4e00:1000::1/56',
        '$.vpcs[0].ipv6Cidr',
        '2402:4e00:1000::/56',
      ],
      [['subnets', 0, 'cidr'], '10.0.1.7/24', '$.subnets[0].cidr', '10.0.1.0/24'],
      [
        ['clusters', 0, 'containerCidr'],
        '172.16.5.0/16',
        '$.clusters[0].containerCidr',
        '172.16.0.0/16',
      ],
      [
        ['clusters', 0, 'serviceCidr'],
        '192.168.1.0/20',
        '$.clusters[0].serviceCidr',
        '192.168.0.0/20',
      ],
      [['idcs', 0, 'cidrs', 0], '172.30.0.1/16', '$.idcs[0].cidrs[0]', '172.30.0.0/16'],
      [['idcs', 0, 'returnRoutes', 0], '10.0.0.1/16', '$.idcs[0].returnRoutes[0]', '10.0.0.0/16'],
      [
        ['routeTables', 0, 'routes', 1, 'destination'],
        '10.1.2.3/16',
        '$.routeTables[0].routes[1].destination',
        '10.1.0.0/16',
      ],
    ];
    for (const [path, value, want, meant] of cases) {
      it(`${want} = ${value}`, () => {
        expectError(readWith(path, value), want, value, meant);
      });
    }
  });

  describe('two objects sharing an id', () => {
    it('in one list', () => {
      expectError(readWith(['vpcs', 1, 'id'], 'vpc-a'), '$.vpcs[1].id', 'duplicate', 'vpc-a');
    });
    it('says where the id was first used', () => {
      const e = expectError(readWith(['vpcs', 1, 'id'], 'vpc-a'), '$.vpcs[1].id');
      expect(e.message).toBe('duplicate id "vpc-a": already used at $.vpcs[0]');
      const across = expectError(
        readWith(['natGateways', 0, 'id'], 'sn-db'),
        '$.natGateways[0].id',
      );
      expect(across.message).toMatch(/already used at \$\.subnets\[\d+\]$/);
    });
    it('across lists (ids are unique across the whole plan)', () => {
      const e = expectError(
        readWith(['natGateways', 0, 'id'], 'sn-db'),
        '$.natGateways[0].id',
        'sn-db',
      );
      expect(e.message).toMatch(/duplicate|already/);
      expectError(readWith(['routeTables', 0, 'id'], 'cls-1'), '$.routeTables[0].id', 'cls-1');
      expectError(readWith(['reservations', 1, 'id'], 'vpc-b'), '$.reservations[1].id', 'vpc-b');
      expectError(readWith(['comments', 1, 'id'], 'rsv-1'), '$.comments[1].id', 'rsv-1');
    });
  });

  describe('a reference to an id that does not exist', () => {
    const cases: Array<[(string | number)[], string]> = [
      [['subnets', 1, 'vpc'], '$.subnets[1].vpc'],
      [['subnets', 0, 'routeTable'], '$.subnets[0].routeTable'],
      [['clusters', 0, 'vpc'], '$.clusters[0].vpc'],
      [['clusters', 0, 'nodeSubnets', 0], '$.clusters[0].nodeSubnets[0]'],
      [['clusters', 1, 'podSubnets', 0], '$.clusters[1].podSubnets[0]'],
      [['resources', 0, 'subnet'], '$.resources[0].subnet'],
      [['natGateways', 0, 'vpc'], '$.natGateways[0].vpc'],
      [['peerings', 0, 'vpcs', 1], '$.peerings[0].vpcs[1]'],
      [['ccns', 0, 'attachments', 2], '$.ccns[0].attachments[2]'],
      [['idcs', 0, 'vpc'], '$.idcs[0].vpc'],
      [['routeTables', 0, 'vpc'], '$.routeTables[0].vpc'],
      [['routeTables', 0, 'routes', 1, 'target'], '$.routeTables[0].routes[1].target'],
      [['flows', 0, 'from'], '$.flows[0].from'],
      [['flows', 0, 'to'], '$.flows[0].to'],
      [['ccns', 0, 'attachments', 3], '$.ccns[0].attachments[3]'],
      [['reservations', 0, 'vpc'], '$.reservations[0].vpc'],
      [['comments', 0, 'object'], '$.comments[0].object'],
    ];
    for (const [path, want] of cases) {
      it(want, () => {
        expectError(readWith(path, 'ghost'), want, 'ghost', 'expected');
      });
    }
  });

  describe('a reference to an object of the wrong kind', () => {
    const cases: Array<[(string | number)[], string, string, RegExp]> = [
      [['subnets', 1, 'vpc'], 'cls-1', '$.subnets[1].vpc', /VPC/],
      [['subnets', 0, 'routeTable'], 'vpc-a', '$.subnets[0].routeTable', /route table/],
      [['clusters', 0, 'vpc'], 'sn-node', '$.clusters[0].vpc', /VPC/],
      [['clusters', 0, 'nodeSubnets', 0], 'vpc-a', '$.clusters[0].nodeSubnets[0]', /subnet/],
      [['clusters', 1, 'podSubnets', 0], 'db-1', '$.clusters[1].podSubnets[0]', /subnet/],
      [['resources', 0, 'subnet'], 'vpc-a', '$.resources[0].subnet', /subnet/],
      [['natGateways', 0, 'vpc'], 'sn-node', '$.natGateways[0].vpc', /VPC/],
      [['peerings', 0, 'vpcs', 1], 'cls-1', '$.peerings[0].vpcs[1]', /VPC/],
      [
        ['ccns', 0, 'attachments', 1],
        'sn-b',
        '$.ccns[0].attachments[1]',
        /VPC, a cluster or an IDC/,
      ],
      [['reservations', 0, 'vpc'], 'sn-node', '$.reservations[0].vpc', /VPC/],
      [['comments', 0, 'object'], 'cm-2', '$.comments[0].object', /is a comment/],
      [['idcs', 0, 'vpc'], 'idc-sh', '$.idcs[0].vpc', /VPC/],
      [['routeTables', 0, 'vpc'], 'rtb-a', '$.routeTables[0].vpc', /VPC/],
    ];
    for (const [path, value, want, kind] of cases) {
      it(`${want} names ${value}`, () => {
        expectError(readWith(path, value), want, value, kind, 'expected');
      });
    }
  });

  describe('a flow from anything but a cluster or a resource', () => {
    for (const from of ['idc-sh', 'vpc-a', 'sn-node', 'nat-1', 'internet', '10.0.1.5']) {
      it(from, () => {
        expectError(readWith(['flows', 0, 'from'], from), '$.flows[0].from', from, 'expected');
      });
    }
  });

  describe('a flow to anything but a cluster, resource, IDC, internet or an address', () => {
    for (const to of [
      'vpc-a',
      'sn-db',
      'nat-1',
      'pcx-1',
      'ccn-1',
      'rtb-a',
      'Internet',
      '10.0.2.0/24',
      '10.0.2.300',
      '',
    ]) {
      it(JSON.stringify(to), () => {
        expectError(readWith(['flows', 1, 'to'], to), '$.flows[1].to', 'expected');
      });
    }
  });

  it('the first bad field, in document order, is the one reported', () => {
    const doc = withValueAt(
      withValueAt(fullDoc(), ['subnets', 2, 'cidr'], '10.0.4.1/24'),
      ['clusters', 0, 'mode'],
      'x',
    );
    expectError(read(doc), '$.subnets[2].cidr', '10.0.4.0/24');
  });
});

describe('limits', () => {
  it('a file over MAX_PLAN_BYTES is refused before it is parsed, with its size', () => {
    const text = `{"format":"cidr-canvas/plan","version":1,"name":"${'x'.repeat(MAX_PLAN_BYTES)}"}`;
    const e = expectError(parsePlanText(text), '$', 'MB', 'plans up to 50 MB');
    expect(e.kind).toBe('too-large');
  });

  it('a plan with more than MAX_PLAN_OBJECTS objects names the list that passed the limit', () => {
    const doc = fullDoc();
    const routes = Array.from({ length: MAX_PLAN_OBJECTS }, () => ({}));
    doc.routeTables = [{ id: 'rt', vpc: 'vpc-a', routes }];
    const e = expectError(parsePlanValue(doc), '$.routeTables', 'objects', '500,000');
    expect(e.kind).toBe('too-large');
    // One under the limit is read as far as the schema (the empty routes are then the problem).
    doc.routeTables = [{ id: 'rt', vpc: 'vpc-a', routes: routes.slice(0, 1000) }];
    expect(parsePlanValue(doc)).toMatchObject({ ok: false, error: { kind: 'schema' } });
  });

  it('nesting deeper than MAX_DEPTH is refused at its path, however deep: nothing overflows', () => {
    for (const depth of [MAX_DEPTH + 1, 10_000, 1_000_000]) {
      const text = `{"format":"cidr-canvas/plan","version":1,"notes":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const e = expectError(parsePlanText(text), `$.notes${'[0]'.repeat(MAX_DEPTH - 1)}`, 'deeper');
      expect(e.kind).toBe('too-large');
    }
    // At the limit, an extra field is kept and written back.
    const ok = `{"format":"cidr-canvas/plan","version":1,"notes":${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}}`;
    expect(serializePlan(expectOk(parsePlanText(ok)))).toContain('"notes"');
  });

  it('huge and non-finite numbers are refused at their field', () => {
    const doc = fullDoc();
    (doc.clusters as Array<Record<string, unknown>>)[0]!.maxPodsPerNode = 1e308;
    expectError(parsePlanValue(doc), '$.clusters[0].maxPodsPerNode', 'at most');
    expectError(
      parsePlanText('{"format":"cidr-canvas/plan","version":1e400}'),
      '$.version',
      'Infinity',
    );
  });

  it('ids that would name the internet or an object prototype are refused at their field', () => {
    for (const id of ['internet', '__proto__', 'constructor', 'prototype']) {
      const doc = fullDoc();
      (doc.vpcs as Array<Record<string, unknown>>)[1]!.id = id;
      const e = expectError(
        parsePlanValue(doc),
        '$.vpcs[1].id',
        JSON.stringify(id),
        'choose another',
      );
      expect(e.kind).toBe('integrity');
    }
    // As JSON text, where "__proto__" is an ordinary key.
    const text = JSON.stringify(fullDoc()).replace('"id":"vpc-a"', '"id":"__proto__"');
    expectError(parsePlanText(text), '$.vpcs[0].id', 'reserved');
  });

  it('a string longer than MAX_STRING is refused at its field', () => {
    const doc = fullDoc();
    (doc.vpcs as Array<Record<string, unknown>>)[0]!.name = 'n'.repeat(MAX_STRING + 1);
    expectError(parsePlanValue(doc), '$.vpcs[0].name', `at most ${MAX_STRING} characters`);
    (doc.vpcs as Array<Record<string, unknown>>)[0]!.name = 'n'.repeat(MAX_STRING);
    expect(parsePlanValue(doc).ok).toBe(true);
    for (const path of [
      ['reservations', 0, 'note'],
      ['comments', 0, 'text'],
      ['comments', 0, 'author'],
      ['comments', 0, 'replies', 0, 'text'],
    ])
      expectError(
        readWith(path, 'n'.repeat(MAX_STRING + 1)),
        `$.${path[0]}[0].${path.slice(2).join('.').replace('.0.', '[0].')}`,
        `at most ${MAX_STRING} characters`,
      );
    expectError(
      readWith(['comments', 0, 'id'], 'x'.repeat(201)),
      '$.comments[0].id',
      'at most 200',
    );
  });

  it('reservations and comments count towards MAX_PLAN_OBJECTS', () => {
    const doc = fullDoc();
    doc.comments = Array.from({ length: MAX_PLAN_OBJECTS + 1 }, () => ({}));
    expectError(parsePlanValue(doc), '$.comments', 'objects');
  });
});

describe('not read errors', () => {
  it('a route whose target exists but is of the wrong kind is the finding ROUTE_TARGET_INVALID', () => {
    for (const target of ['sn-db', 'vpc-b', 'db-1', 'cls-1', 'rtb-a']) {
      const plan = expectOk(readWith(['routeTables', 0, 'routes', 1, 'target'], target));
      const f = analyzePlan(plan).findings.filter((x) => x.code === 'ROUTE_TARGET_INVALID');
      expect(f.map((x) => x.objects[0])).toContain('rtb-a');
    }
  });

  it('a route to a NAT gateway of another VPC is the finding ROUTE_TARGET_INVALID', () => {
    const doc = withValueAt(fullDoc(), ['natGateways', 0, 'vpc'], 'vpc-b');
    const plan = expectOk(read(doc));
    expect(analyzePlan(plan).findings.map((x) => x.code)).toContain('ROUTE_TARGET_INVALID');
  });

  it('fields the format does not define are kept', () => {
    const doc = withValueAt(fullDoc(), ['vpcs', 0, 'description'], 'the production VPC');
    const plan = expectOk(read(doc));
    expect(plan.vpcs[0]).toMatchObject({ description: 'the production VPC' });
  });

  it('layout entries for objects that do not exist are dropped, not refused', () => {
    const plan = expectOk(readWith(['layout', 'ghost'], { x: 1, y: 2 }));
    expect(plan.layout).toEqual(fullDoc().layout);
  });

  it("a reservation's layout entry is kept", () => {
    const plan = expectOk(readWith(['layout', 'rsv-1'], { x: 1, y: 2 }));
    expect(plan.layout?.['rsv-1']).toEqual({ x: 1, y: 2 });
  });
});

// ---- the acceptance scenarios ------------------------------------------------------------------

interface Scenario {
  name: string;
  plan?: unknown;
  planText?: string;
  expect: { exit?: number; stderrIncludes?: string[] };
}

const scenarioFiles = import.meta.glob<Scenario>('../../test/scenarios/*.json', {
  eager: true,
  import: 'default',
});

describe('test/scenarios', () => {
  const entries = Object.entries(scenarioFiles);

  it('are found', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  for (const [file, s] of entries) {
    it(`${file.split('/').pop()}: exit ${s.expect.exit}`, () => {
      const text = s.planText ?? JSON.stringify(s.plan, null, 2);
      const r = parsePlanText(text);
      if (s.expect.exit === 2) {
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.path.startsWith('$')).toBe(true);
          for (const t of s.expect.stderrIncludes ?? [])
            expect(formatPlanError(r.error)).toContain(t);
        }
        return;
      }
      const plan = expectOk(r);
      if (s.expect.exit !== undefined) {
        const errors = analyzePlan(plan).findings.filter((f) => f.severity === 'error');
        expect(errors.length > 0 ? 1 : 0).toBe(s.expect.exit);
      }
    });
  }
});

// ---- properties --------------------------------------------------------------------------------

const ANOTHER_ID = Symbol('the id of another object');

function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let node = doc;
  for (const k of path) node = (node as Record<string | number, unknown>)[k];
  return node;
}

function expectWellFormed(r: ParseResult): void {
  if (r.ok) return;
  expect(typeof r.error.kind).toBe('string');
  expect(r.error.path.startsWith('$')).toBe(true);
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
}

describe('the reader never throws', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expectWellFormed(parsePlanText(JSON.stringify(v) ?? 'null'));
      }),
      { numRuns: 500 },
    );
  });

  it('on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (t) => {
        expectWellFormed(parsePlanText(t));
      }),
      { numRuns: 500 },
    );
  });

  it('on plan-like objects with any values in the known fields', () => {
    const keys = [
      'name',
      'vpcs',
      'subnets',
      'clusters',
      'resources',
      'natGateways',
      'peerings',
      'ccns',
      'idcs',
      'routeTables',
      'flows',
      'layout',
    ];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()),
        fc.constantFrom<unknown>(1, 2, 0, '1', undefined),
        (fields, version) => {
          const doc = { format: 'cidr-canvas/plan', version, ...fields };
          expectWellFormed(parsePlanText(JSON.stringify(doc)));
          expectWellFormed(parsePlanValue(doc));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on valid plans with one field replaced or removed; a plan read is analysed', () => {
    // The new value: any JSON value, a CIDR or address, "internet", a small integer, nothing
    // (the field removed), or the id of another object of the plan (a reference re-pointed).
    const replacement = fc.oneof(
      fc.jsonValue(),
      anyCidrArb,
      ipArb,
      fc.constant('internet'),
      fc.integer({ min: -3, max: 300 }),
      fc.constant(undefined),
      fc.constant(ANOTHER_ID),
    );
    fc.assert(
      fc.property(validPlanArb, fc.nat(), fc.nat(), replacement, (plan, pick, pickId, value) => {
        const doc = planToJson(plan);
        const paths = jsonPaths(doc);
        const path = paths[pick % paths.length]!;
        const ids = paths.filter((p) => p[p.length - 1] === 'id').map((p) => valueAt(doc, p));
        const v = value === ANOTHER_ID ? (ids[pickId % Math.max(1, ids.length)] ?? 'x') : value;
        const r = read(withValueAt(doc, path, v));
        expectWellFormed(r);
        // What the reader accepts, the core must analyse without throwing.
        if (r.ok) analyzePlan(r.value);
      }),
      { numRuns: 1000 },
    );
    // A thousand plans read and analysed: well under a second alone, longer on a shared machine.
  }, 60_000);
});

describe('round trip', () => {
  it('a valid plan reads back equal, and writes the same text again', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        const text = serializePlan(plan);
        const back = expectOk(parsePlanText(text));
        expect(back).toStrictEqual(plan);
        expect(serializePlan(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('generated plans are analysed without throwing', () => {
    fc.assert(
      fc.property(validPlanArb, (plan) => {
        analyzePlan(plan);
      }),
      { numRuns: 200 },
    );
  });

  it('the full example plan round-trips', () => {
    const plan = expectOk(read(fullDoc()));
    const text = serializePlan(plan);
    expect(expectOk(parsePlanText(text))).toStrictEqual(plan);
    expect(serializePlan(expectOk(parsePlanText(text)))).toBe(text);
  });
});
