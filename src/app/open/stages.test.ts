import { describe, expect, it } from 'vitest';
import { serializePlan } from '../../io/serialize';
import { basePlan, cluster } from '../../test-support/builders';
import { hasCompleteLayout } from '../auto-layout';
import type { Stage } from './stage-names';
import { runOpenStages } from './stages';

async function open(text: string) {
  const stages: Stage[] = [];
  const outcome = await runOpenStages({ text }, (s) => stages.push(s));
  return { stages, outcome };
}

// ELK lays the plans out in-process here: slow on a shared machine.
describe('the stages of opening a plan', { timeout: 60_000 }, () => {
  it('reads, parses, lays out a plan without a layout and validates it, in that order', async () => {
    const plan = basePlan();
    expect(hasCompleteLayout(plan)).toBe(false);
    const { stages, outcome } = await open(serializePlan(plan));
    expect(stages).toEqual(['reading', 'parsing', 'laying out', 'validating']);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.laidOut).toBe(true);
    expect(hasCompleteLayout(outcome.plan)).toBe(true);
    expect(outcome.plan.clusters.map((c) => c.id)).toEqual(['cls-1']);
    expect(outcome.findings).toEqual([]);
    expect(outcome.capacity.map((c) => c.cluster)).toEqual(['cls-1']);
  });

  it('skips laying out a plan that has its own layout, and keeps it', async () => {
    const first = await open(serializePlan(basePlan()));
    if (!first.outcome.ok) throw new Error(first.outcome.error);
    const { stages, outcome } = await open(serializePlan(first.outcome.plan));
    expect(stages).toEqual(['reading', 'parsing', 'validating']);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.laidOut).toBe(false);
    expect(outcome.plan.layout).toEqual(first.outcome.plan.layout);
  });

  it('hands over what validation found', async () => {
    const conflicting = basePlan({
      clusters: [
        cluster('cls-1', 'vpc-a', { nodeSubnets: ['sn-node'], containerCidr: '10.0.128.0/17' }),
      ],
    });
    const { outcome } = await open(serializePlan(conflicting));
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.findings.map((f) => f.code)).toContain('CLUSTER_CIDR_OVERLAPS_VPC');
  });

  it('stops at parsing with the JSON path and what was wrong', async () => {
    const text = serializePlan(basePlan()).replace('10.0.2.10', '10.0.2.300');
    const { stages, outcome } = await open(text);
    expect(stages).toEqual(['reading', 'parsing']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/^\$\.resources\[0\]\.ip: /);
  });

  it('says where JSON that does not parse broke', async () => {
    const { outcome } = await open('{"format": "cidr-canvas/plan", "version": 1,');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/^\$: /);
  });

  it('reads a file the same way as text', async () => {
    const stages: Stage[] = [];
    const file = new Blob([serializePlan(basePlan())], { type: 'application/json' });
    const outcome = await runOpenStages({ file }, (s) => stages.push(s));
    expect(outcome.ok).toBe(true);
    expect(stages[0]).toBe('reading');
  });
});
