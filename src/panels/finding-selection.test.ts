import { describe, expect, it } from 'vitest';
import { basePlan, cluster, table } from '../test-support/builders';
import { selectionFor } from './finding-selection';

describe('selectionFor', () => {
  const plan = basePlan({
    clusters: [cluster('cls-x', 'vpc-prod', { containerCidr: '172.16.0.0/16' })],
    routeTables: [table('rtb-a', 'vpc-prod', [['172.16.8.0/24', 'nat-a']])],
  });

  it('selects the route table alone for a finding about one of its routes', () => {
    const f = {
      code: 'ROUTE_INSIDE_CLUSTER_CIDR',
      severity: 'error',
      objects: ['rtb-a', 'cls-x'],
      ranges: ['172.16.8.0/24', '172.16.0.0/16'],
      message: '',
    } as const;
    expect(selectionFor(plan, f)).toEqual(['rtb-a']);
    expect(selectionFor(plan, { ...f, objects: ['cls-x', 'rtb-a'] })).toEqual(['cls-x', 'rtb-a']);
  });
});
