// A version's summary against a plain oracle: objects counted by id across every list, findings
// as multisets of code and objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../domain/analyze';
import { COLLECTIONS, type Plan } from '../../domain/model/plan';
import { basePlan, resource, subnet } from '../../test-support/builders';
import { findingKeys, summarize, summaryText } from './versions';

const ids = (p: Plan) => new Set(COLLECTIONS.flatMap((c) => p[c].map((o) => o.id)));

describe('summarize', () => {
  it('the first version counts every object as added', () => {
    const p = basePlan();
    const s = summarize(null, p, analyzePlan(p).findings);
    expect(s.added).toBe(ids(p).size);
    expect(s.removed + s.changed).toBe(0);
  });

  it('counts what was added, removed and changed, and the findings that came and went', () => {
    const before = basePlan();
    const beforeFindings = analyzePlan(before).findings;
    // db-1 removed, a subnet added, the cluster's container CIDR moved onto the VPC (an error).
    const after: Plan = {
      ...before,
      resources: [],
      subnets: [...before.subnets, subnet('sn-new', 'vpc-a', '10.0.3.0/24')],
      clusters: before.clusters.map((c) => ({ ...c, containerCidr: '10.0.0.0/16' })),
    };
    const afterFindings = analyzePlan(after).findings;
    const s = summarize(
      { plan: before, findingKeys: findingKeys(beforeFindings) },
      after,
      afterFindings,
    );
    expect([s.added, s.removed, s.changed]).toEqual([1, 1, 1]);
    expect(s.errors).toBeGreaterThan(0);
    expect(s.findingsIntroduced).toBeGreaterThan(0);
    expect(summaryText(s)).toMatch(
      /^1 added, 1 removed, 1 changed · \d+ errors?, \d+ warnings? \(\d+ new/,
    );
  });

  it('matches a set oracle for any subset of resources kept and added', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (inBefore, inAfter) => {
          const res = (i: number) => resource(`r${i}`, 'sn-db', `10.0.2.${20 + i}`);
          const before = basePlan({
            resources: inBefore.flatMap((k, i) => (k ? [res(i)] : [])),
          });
          const after = basePlan({ resources: inAfter.flatMap((k, i) => (k ? [res(i)] : [])) });
          const s = summarize({ plan: before, findingKeys: [] }, after, []);
          const b = ids(before);
          const a = ids(after);
          expect(s.added).toBe([...a].filter((x) => !b.has(x)).length);
          expect(s.removed).toBe([...b].filter((x) => !a.has(x)).length);
          expect(s.changed).toBe(0);
        },
      ),
    );
  });

  it('findings are counted as multisets: one of two identical findings gone is one resolved', () => {
    const s = summarize(
      { plan: basePlan(), findingKeys: ['X\u0000a', 'X\u0000a', 'Y\u0000b'] },
      basePlan(),
      [],
    );
    expect(s.findingsResolved).toBe(3);
    const keys = ['X\u0000a', 'X\u0000a'];
    const one = summarize({ plan: basePlan(), findingKeys: keys }, basePlan(), [
      { code: 'X', objects: ['a'], severity: 'error', message: '' } as never,
    ]);
    expect([one.findingsIntroduced, one.findingsResolved, one.errors]).toEqual([0, 1, 1]);
  });
});
