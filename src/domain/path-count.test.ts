// pathCount against the flows the core would evaluate, counted one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate';
import { flowsFor, type PathScope } from './analyze';
import { PlanIndex } from './model/plan-index';
import { pathCount } from './path-count';

describe('pathCount', () => {
  it('is the number of flows the core evaluates, for every scope, with and without flows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 60, max: 400 }),
        fc.nat(),
        fc.boolean(),
        (seed, size, pick, withFlows) => {
          let plan = generatePlan(size, seed);
          const c = plan.clusters[pick % plan.clusters.length]!;
          if (withFlows)
            plan = {
              ...plan,
              flows: [
                { from: c.id, to: 'internet' },
                { from: 'x', to: 'y' },
              ],
            };
          const ix = new PlanIndex(plan);
          const scopes: PathScope[] = [
            { kind: 'none' },
            { kind: 'plan' },
            { kind: 'clusters', ids: [c.id] },
          ];
          for (const scope of scopes)
            expect(pathCount(plan, scope)).toBe(flowsFor(ix, scope).length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
