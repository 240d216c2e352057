import { describe, expect, it } from 'vitest';
import type { LayoutBox } from '../domain/model/plan';
import { basePlan, idc, nat, peering, resource, subnet, vpc } from '../test-support/builders';
import { autoLayout } from './auto-layout';

function inside(child: LayoutBox, parent: LayoutBox): boolean {
  return (
    child.x >= 0 &&
    child.y >= 0 &&
    child.x + (child.width ?? 0) <= (parent.width ?? 0) &&
    child.y + (child.height ?? 0) <= (parent.height ?? 0)
  );
}

describe('autoLayout', () => {
  it('places every object, children inside their parents, siblings apart', async () => {
    const p = basePlan({
      vpcs: [vpc('vpc-a', '10.0.0.0/16'), vpc('vpc-b', '10.1.0.0/16')],
      subnets: [
        subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
        subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
        subnet('sn-b', 'vpc-b', '10.1.1.0/24'),
      ],
      resources: [
        resource('db-1', 'sn-db', '10.0.2.10'),
        resource('db-2', 'sn-db', '10.0.2.11'),
        resource('db-b', 'sn-b', '10.1.1.10'),
      ],
      natGateways: [nat('nat-1', 'vpc-a')],
      peerings: [peering('pcx', 'vpc-a', 'vpc-b')],
      idcs: [idc('idc-1', 'vpc-a', ['192.168.0.0/16'])],
    });
    const l = await autoLayout(p);
    const sizes: Record<string, { width: number; height: number }> = {
      'db-1': { width: 170, height: 54 },
      'db-2': { width: 170, height: 54 },
      'db-b': { width: 170, height: 54 },
      'cls-1': { width: 210, height: 96 },
      'nat-1': { width: 150, height: 54 },
    };
    const sized = (id: string): LayoutBox => ({ ...l[id]!, ...(sizes[id] ?? {}) });
    for (const id of [
      'vpc-a',
      'vpc-b',
      'sn-node',
      'sn-db',
      'sn-b',
      'cls-1',
      'db-1',
      'db-2',
      'db-b',
      'nat-1',
      'idc-1',
      'internet',
    ])
      expect(l[id], id).toBeDefined();
    for (const [child, parent] of [
      ['sn-node', 'vpc-a'],
      ['sn-db', 'vpc-a'],
      ['cls-1', 'vpc-a'],
      ['nat-1', 'vpc-a'],
      ['sn-b', 'vpc-b'],
      ['db-1', 'sn-db'],
      ['db-2', 'sn-db'],
      ['db-b', 'sn-b'],
    ] as const) {
      expect(inside(sized(child), l[parent]!), `${child} inside ${parent}`).toBe(true);
    }
    const a = sized('db-1');
    const b = sized('db-2');
    const apart = a.x + 170 <= b.x || b.x + 170 <= a.x || a.y + 54 <= b.y || b.y + 54 <= a.y;
    expect(apart).toBe(true);
  });
});

describe('autoLayout of the sample plan', () => {
  it('fits the canvas left at 1440x900 (about 917x600) at 75% zoom or more', async () => {
    const { parsePlanValue } = await import('../io/parse');
    const sample = (await import('./templates/sample.plan.json')).default;
    const r = parsePlanValue(sample);
    if (!r.ok) throw new Error(r.error.message);
    const l = await autoLayout(r.value);
    const top = [
      ...r.value.vpcs.map((v) => v.id),
      ...r.value.idcs.map((d) => d.id),
      'internet',
    ].map((id) => {
      const b = l[id]!;
      const size = id.startsWith('vpc')
        ? { width: b.width!, height: b.height! }
        : id === 'internet'
          ? { width: 150, height: 64 }
          : { width: 210, height: 80 };
      return { ...b, ...size };
    });
    const x0 = Math.min(...top.map((b) => b.x));
    const y0 = Math.min(...top.map((b) => b.y));
    const x1 = Math.max(...top.map((b) => b.x + b.width));
    const y1 = Math.max(...top.map((b) => b.y + b.height));
    // FIT_PADDING 0.08 leaves 1/1.08 of each side for the plan.
    const zoom = Math.min(917 / 1.08 / (x1 - x0), 600 / 1.08 / (y1 - y0));
    expect(zoom).toBeGreaterThanOrEqual(0.75);
  });
});
