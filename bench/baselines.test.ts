import { describe, expect, it } from 'vitest';
import { pairKey, pairsCidrTools, pairsIpaddr, pairsOurs } from './baselines';
import { generateCidrs } from './generate';

describe('overlap baselines', () => {
  it('find the same overlapping pairs as ours on a generated plan', () => {
    // 2,000 objects: about as many ranges, and cidr-tools' pairwise run stays a few seconds.
    const cidrs = generateCidrs(2_000, 3);
    expect(cidrs.length).toBeGreaterThan(1500);
    const ours = pairsOurs(cidrs);
    // Every subnet lies in its VPC, so there are at least as many pairs as subnets.
    expect(ours.length).toBeGreaterThan(cidrs.length / 2);
    expect(pairKey(pairsIpaddr(cidrs))).toBe(pairKey(ours));
    expect(pairKey(pairsCidrTools(cidrs))).toBe(pairKey(ours));
  }, 60_000);

  it('agree on duplicates, nesting, the whole space and IPv6 beside IPv4', () => {
    const cidrs = [
      '10.0.0.0/16',
      '10.0.0.0/16',
      '10.0.1.0/24',
      '0.0.0.0/0',
      '10.1.0.0/16',
      '192.168.0.0/24',
      '192.168.0.128/25',
      '2402:4e00:1000::/56',
      '2402:4e00:1000:1::/64',
      '2402:4e00:2000::/56',
      '::/0',
      '10.0.0.4/32',
    ];
    const ours = pairKey(pairsOurs(cidrs));
    expect(pairKey(pairsIpaddr(cidrs))).toBe(ours);
    expect(pairKey(pairsCidrTools(cidrs))).toBe(ours);
    expect(pairsOurs(cidrs)).toHaveLength(17);
  });
});
