import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../domain/diff/diff';
import { applyOps } from '../../domain/ops/ops';
import { basePlan, subnet } from '../../test-support/builders';
import { changeGroups, showValue } from './lines';

describe('the Changes panel lines', () => {
  it('groups a diff with counts, and each line selects what is still there', () => {
    const base = basePlan();
    const after = applyOps(base, [
      { op: 'insert', collection: 'subnets', object: subnet('sn-new', 'vpc-a', '10.0.9.0/24') },
      { op: 'remove', collection: 'resources', id: 'db-1' },
      {
        op: 'update',
        collection: 'clusters',
        id: 'cls-1',
        set: { containerCidr: '10.0.128.0/17' },
      },
    ]).plan;
    const names = new Map([...after.subnets, ...after.clusters].map((o) => [o.id, o.name ?? o.id]));
    const groups = changeGroups(
      diffPlans(base, after),
      (id) => names.get(id) ?? id,
      (id) => names.has(id),
    );
    const by = Object.fromEntries(groups.map((g) => [g.key, g.lines]));
    expect(by.added!.map((l) => [l.text, l.select])).toEqual([['Subnet sn-new', ['sn-new']]]);
    expect(by.removed!.map((l) => [l.text, l.select, l.removed])).toEqual([
      ['Resource db-1', [], 'db-1'],
    ]);
    expect(by.changed![0]!.detail).toBe('containerCidr: 172.16.0.0/16 → 10.0.128.0/17');
    expect(by.introduced!.map((l) => l.text)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
    // The path to the removed database is gone; it frames only what is still drawn.
    const gone = by.paths!.find((l) => l.key === 'cls-1->db-1');
    expect(gone?.detail).toMatch(/→ gone$/);
    expect(gone?.frame).toEqual(['cls-1']);
  });

  it('writes values as a person reads them', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(['a', 'b'])).toBe('a, b');
    expect(showValue([])).toBe('(none)');
    expect(showValue(12)).toBe('12');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
