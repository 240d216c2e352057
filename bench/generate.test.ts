import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../src/domain/analyze';
import { parsePlanText } from '../src/io/parse';
import { countObjects, generateCidrs, generatePlan } from './generate';

describe('generatePlan', () => {
  it('is deterministic for a seed, and differs between seeds', () => {
    expect(JSON.stringify(generatePlan(1000, 7))).toBe(JSON.stringify(generatePlan(1000, 7)));
    expect(JSON.stringify(generatePlan(1000, 8))).not.toBe(JSON.stringify(generatePlan(1000, 7)));
    expect(generateCidrs(1000, 7)).toEqual(generateCidrs(1000, 7));
  });

  it.each([1000, 10_000])('makes a valid plan of about %i objects', (n) => {
    const plan = generatePlan(n, 1);
    expect(Math.abs(countObjects(plan) - n) / n).toBeLessThan(0.05);
    expect(plan.vpcs.length).toBeGreaterThan(10);
    expect(plan.clusters.some((c) => c.mode === 'vpc-cni')).toBe(true);
    expect(plan.vpcs.some((v) => v.secondaryCidrs)).toBe(true);
    expect(plan.peerings.length).toBeGreaterThan(0);
    expect(plan.idcs.length).toBeGreaterThan(0);
    expect(plan.ccns[0]!.attachments.length).toBeGreaterThan(plan.vpcs.length / 2);
    const parsed = parsePlanText(JSON.stringify(plan));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it.each([1000, 10_000])('has a few deliberate conflicts and nothing else at %i', (n) => {
    const plan = generatePlan(n, 1);
    const { findings } = analyzePlan(plan, { kind: 'none' });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThanOrEqual(Math.max(3, n * 0.002));
    const deliberate = new Set([
      'SUBNET_OVERLAP',
      'CLUSTER_CIDR_OVERLAPS_VPC',
      'ROUTE_INSIDE_CLUSTER_CIDR',
      'ROUTE_INSIDE_VPC',
    ]);
    expect(findings.filter((f) => !deliberate.has(f.code))).toEqual([]);
  });
});
