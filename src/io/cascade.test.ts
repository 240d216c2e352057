// Deleting objects (domain/ops/cascade) must leave a plan the reader still accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/model/plan';
import { removeObjects } from '../domain/ops/cascade';
import { applyOps } from '../domain/ops/ops';
import { cluster, plan, resource, subnet, table, vpc } from '../test-support/builders';
import { parsePlanValue } from './parse';
import { planToJson } from './serialize';

describe('removeObjects', () => {
  const rich = () =>
    plan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [
        subnet('sn-1', 'vpc-a', '10.0.1.0/24', { routeTable: 'rtb-a' }),
        subnet('sn-2', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
      ],
      clusters: [
        cluster('cls-1', 'vpc-a', {
          nodeSubnets: ['sn-1', 'sn-2'],
          containerCidr: '172.16.0.0/16',
        }),
      ],
      resources: [
        resource('db', 'sn-2', '10.0.2.10'),
        resource('cvm', 'sn-2', '10.0.2.11', { kind: 'cvm' }),
        resource('db-b', 'sn-b', '10.1.1.10'),
      ],
      natGateways: [{ id: 'nat', vpc: 'vpc-a' }],
      peerings: [{ id: 'pcx', vpcs: ['vpc-a', 'vpc-b'] }],
      ccns: [{ id: 'ccn', attachments: ['vpc-a', 'vpc-b', 'cls-1'] }],
      idcs: [{ id: 'idc', vpc: 'vpc-a', cidrs: ['192.168.0.0/16'] }],
      routeTables: [
        table('rtb-a', 'vpc-a', [
          ['0.0.0.0/0', 'nat'],
          ['10.1.0.0/16', 'pcx'],
          ['10.9.0.0/16', 'cvm'],
        ]),
      ],
      flows: [
        { from: 'cls-1', to: 'db' },
        { from: 'cls-1', to: 'db-b' },
      ],
      layout: { 'vpc-a': { x: 0, y: 0 }, db: { x: 1, y: 1 }, 'db-b': { x: 2, y: 2 } },
    });

  /** The result must still read as a plan: no reference to something gone. */
  function readable(p: Plan): void {
    const r = parsePlanValue(planToJson(p));
    if (!r.ok) throw new Error(`${r.error.path}: ${r.error.message}`);
  }

  it('deleting a VPC takes what lives in it and drops every reference to it', () => {
    const p = rich();
    const after = applyOps(p, removeObjects(p, ['vpc-a'])).plan;
    expect(after.vpcs.map((v) => v.id)).toEqual(['vpc-b']);
    expect(after.subnets.map((s) => s.id)).toEqual(['sn-b']);
    expect(after.clusters).toEqual([]);
    expect(after.resources.map((r) => r.id)).toEqual(['db-b']);
    expect(after.peerings).toEqual([]);
    expect(after.idcs).toEqual([]);
    expect(after.routeTables).toEqual([]);
    expect(after.ccns[0]!.attachments).toEqual(['vpc-b']);
    expect(after.flows).toEqual([]);
    expect(Object.keys(after.layout ?? {})).toEqual(['db-b']);
    readable(after);
  });

  it('deleting a subnet removes its resources, routes through them and its place in clusters', () => {
    const p = rich();
    const after = applyOps(p, removeObjects(p, ['sn-2'])).plan;
    expect(after.clusters[0]!.nodeSubnets).toEqual(['sn-1']);
    expect(after.resources.map((r) => r.id)).toEqual(['db-b']);
    expect(after.routeTables[0]!.routes.map((r) => r.target)).toEqual(['nat', 'pcx']);
    expect(after.flows).toEqual([{ from: 'cls-1', to: 'db-b' }]);
    readable(after);
  });

  it('deleting a route table leaves its subnets on the default table', () => {
    const p = rich();
    const after = applyOps(p, removeObjects(p, ['rtb-a'])).plan;
    expect(after.subnets.find((s) => s.id === 'sn-1')!.routeTable).toBeUndefined();
    readable(after);
  });

  it('any deletion leaves a readable plan, and undo brings back exactly the plan before', () => {
    const p = rich();
    const ids = [
      'vpc-a',
      'vpc-b',
      'sn-1',
      'sn-2',
      'sn-b',
      'cls-1',
      'db',
      'cvm',
      'db-b',
      'nat',
      'pcx',
      'ccn',
      'idc',
      'rtb-a',
    ];
    fc.assert(
      fc.property(fc.subarray(ids, { minLength: 1 }), (chosen) => {
        const { plan: after, inverse } = applyOps(p, removeObjects(p, chosen));
        readable(after);
        for (const id of chosen) expect(JSON.stringify(after)).not.toContain(`"${id}"`);
        expect(applyOps(after, inverse).plan).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });
});
