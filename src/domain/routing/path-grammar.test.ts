// Path messages are read by people: a plural subject takes a plural verb.
import { describe, expect, it } from 'vitest';
import { basePlan, cluster, subnet } from '../../test-support/builders';
import { analyzePlan } from '../analyze';

describe('path messages', () => {
  it('say "the pods of … are outside", not "is"', () => {
    const p = basePlan();
    const plan = {
      ...p,
      subnets: [
        ...p.subnets,
        subnet('sn-node2', 'vpc-a', '10.0.3.0/24', { zone: 'ap-guangzhou-3' }),
      ],
      clusters: [
        ...p.clusters,
        cluster('cls-2', 'vpc-a', {
          name: 'batch',
          nodeSubnets: ['sn-node2'],
          containerCidr: '172.17.0.0/16',
          maxPodsPerNode: 256,
          maxServices: 256,
        }),
      ],
      flows: [{ from: 'cls-1', to: 'cls-2' }],
    };
    const { paths } = analyzePlan(plan);
    expect(paths[0]?.message).toContain('the pods of batch (172.17.0.0/16) are outside');
    expect(paths[0]?.message).not.toMatch(/\) is outside/);
  });
});
