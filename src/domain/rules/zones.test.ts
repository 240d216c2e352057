// docs/spec/rules.md, SUBNET_ZONE_REGION_MISMATCH: a subnet's zone must be a zone of its VPC's
// region (the region, "-" and a number), checked only where both are given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isZoneOfRegion, zonesOf, TENCENT_REGIONS } from '../model/regions';
import { basePlan, subnet, vpc } from '../../test-support/builders';
import {
  expectFinding,
  expectSuggestionFixes,
  findingsOf,
  single,
} from '../../test-support/rule-checks';

const withZone = (region: string | undefined, zone: string | undefined) =>
  basePlan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16', region === undefined ? {} : { region })],
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24', zone === undefined ? {} : { zone }),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
    ],
  });

describe('SUBNET_ZONE_REGION_MISMATCH', () => {
  it('a zone of another region is a warning naming the subnet and the VPC', () => {
    const p = withZone('ap-guangzhou', 'ap-shanghai-2');
    const f = single(p, 'SUBNET_ZONE_REGION_MISMATCH');
    expectFinding(f, {
      severity: 'warning',
      objects: ['sn-node', 'vpc-a'],
      ranges: ['10.0.1.0/24', '10.0.0.0/16'],
      mentions: ['ap-shanghai-2', 'ap-guangzhou'],
    });
    // The zone of the same number in the VPC's region.
    expect(f.suggestion).toEqual({ object: 'sn-node', field: 'zone', value: 'ap-guangzhou-2' });
    expect(expectSuggestionFixes(p, f)).toBe(true);
  });

  it('a region that is a prefix of another is not mistaken for it', () => {
    expect(isZoneOfRegion('ap-guangzhou-3', 'ap-guangzhou')).toBe(true);
    expect(isZoneOfRegion('ap-guangzhou-fsi-1', 'ap-guangzhou')).toBe(false);
    expect(isZoneOfRegion('ap-guangzhou-', 'ap-guangzhou')).toBe(false);
    expect(isZoneOfRegion('ap-guangzhou', 'ap-guangzhou')).toBe(false);
    expect(isZoneOfRegion('ap-guangzhou-3a', 'ap-guangzhou')).toBe(false);
    expect(codes(withZone('ap-guangzhou', 'ap-guangzhou-fsi-1'))).toBe(1);
  });

  it('reads a zone as rules.md words it (the region, "-", then digits only), for any text', () => {
    // The oracle: the rule as a prefix text and a pattern.
    const oracle = (zone: string, region: string) =>
      zone.startsWith(`${region}-`) && /^[0-9]+$/.test(zone.slice(region.length + 1));
    const part = fc.stringMatching(/^[a-z0-9-]{0,6}$/);
    fc.assert(
      fc.property(part, part, fc.boolean(), (region, rest, joined) => {
        const zone = joined ? `${region}-${rest}` : `${region}${rest}`;
        expect(isZoneOfRegion(zone, region)).toBe(oracle(zone, region));
        expect(isZoneOfRegion(rest, region)).toBe(oracle(rest, region));
      }),
      { numRuns: 2000 },
    );
  });

  it('a zone the table does not list but of the right form is accepted (the rule is the form)', () => {
    expect(zonesOf('ap-guangzhou')).not.toContain('ap-guangzhou-99');
    expect(codes(withZone('ap-guangzhou', 'ap-guangzhou-99'))).toBe(0);
    expect(codes(withZone('xx-newregion', 'xx-newregion-1'))).toBe(0);
  });

  it('a region the table does not know: the warning still shows, with no suggestion', () => {
    const f = single(withZone('xx-newregion', 'ap-guangzhou-3'), 'SUBNET_ZONE_REGION_MISMATCH');
    expect(f.suggestion).toBeUndefined();
    expect(f.message).toContain('xx-newregion-1');
  });

  it('checked only where both are given', () => {
    expect(codes(withZone(undefined, 'ap-shanghai-2'))).toBe(0);
    expect(codes(withZone('ap-guangzhou', undefined))).toBe(0);
    expect(codes(withZone('ap-guangzhou', 'ap-guangzhou-3'))).toBe(0);
  });

  it("every zone in the table is a zone of its region by the rule's form", () => {
    for (const [region, zones] of Object.entries(TENCENT_REGIONS)) {
      expect(zones.length).toBeGreaterThan(0);
      for (const z of zones) expect(isZoneOfRegion(z, region), z).toBe(true);
    }
    expect(zonesOf(undefined)).toEqual([]);
    expect(zonesOf('constructor')).toEqual([]);
  });
});

function codes(p: ReturnType<typeof withZone>): number {
  return findingsOf(p, 'SUBNET_ZONE_REGION_MISMATCH').length;
}
