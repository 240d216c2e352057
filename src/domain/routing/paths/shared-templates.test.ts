// A one-off analysis shares a template between subnets held by the same ranges; a tracked engine
// (the worker's) computes every subnet's own. Both must give the same paths, byte for byte.
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../../bench/generate';
import { PlanIndex } from '../../model/plan-index';
import type { Plan } from '../../model/plan';
import { Router } from '../route-table';
import { PathEngine } from './engine';

function bothWays(plan: Plan) {
  const ix = new PlanIndex(plan);
  const shared = new PathEngine(ix, new Router(ix));
  const alone = new PathEngine(ix, new Router(ix), true);
  return plan.clusters.map((c) => ({
    shared: shared.clusterDefaults(c),
    alone: alone.clusterDefaults(c),
  }));
}

/** How many templates an untracked engine computes (the rest it shares). */
function compiled(plan: Plan): number {
  const ix = new PlanIndex(plan);
  const engine = new PathEngine(ix, new Router(ix));
  let n = 0;
  const proto = engine as unknown as { compile: (...a: unknown[]) => unknown };
  const compile = proto.compile.bind(engine);
  proto.compile = (...a: unknown[]) => {
    n++;
    return compile(...a);
  };
  for (const c of plan.clusters) engine.clusterDefaults(c);
  return n;
}

describe('templates shared between subnets', () => {
  it.each([1, 7, 20240601])('give the paths of templates computed alone (seed %i)', (seed) => {
    const plan = generatePlan(1_500, seed);
    for (const { shared, alone } of bothWays(plan)) expect(shared).toEqual(alone);
    // Sharing happened: fewer templates than clusters times subnets.
    expect(compiled(plan)).toBeLessThan((plan.clusters.length * plan.subnets.length) / 2);
  });

  it('give the same paths when flows of several clusters come interleaved', () => {
    // The first cluster to ask keeps a subnet's template on the subnet's facts, the others in
    // their own maps: flows that alternate between clusters must not take each other's.
    const plan = generatePlan(1_500, 11);
    const ix = new PlanIndex(plan);
    const clusters = plan.clusters.slice(0, 3);
    const flows = plan.resources.flatMap((r) => clusters.map((c) => ({ from: c.id, to: r.id })));
    const interleaved = new PathEngine(ix, new Router(ix)).evaluate(flows);
    const alone = new PathEngine(ix, new Router(ix), true).evaluate(flows);
    expect(interleaved).toEqual(alone);
    const byCluster = clusters.map((c) => new PathEngine(ix, new Router(ix)).clusterDefaults(c));
    const firstOf = (i: number) => byCluster[i]!.slice(0, plan.resources.length);
    for (let i = 0; i < clusters.length; i++)
      expect(interleaved.filter((_, j) => j % clusters.length === i)).toEqual(firstOf(i));
  });

  it('keep apart a subnet that a route names exactly, and still agree with the tracked engine', () => {
    const base = generatePlan(1_000, 3);
    // A subnet with resources and a sibling of the same VPC, route table and prefix.
    const withResources = new Set(base.resources.map((r) => r.subnet));
    const target = base.subnets.find(
      (s) =>
        withResources.has(s.id) &&
        base.subnets.some(
          (o) =>
            o.id !== s.id &&
            o.vpc === s.vpc &&
            o.routeTable === s.routeTable &&
            o.cidr.split('/')[1] === s.cidr.split('/')[1] &&
            withResources.has(o.id),
        ),
    )!;
    const nat = base.natGateways.find((n) => n.vpc !== target.vpc) ?? base.natGateways[0]!;
    // Every table sends that one subnet to a NAT gateway: unreachable, unlike its siblings.
    const plan: Plan = {
      ...base,
      routeTables: base.routeTables.map((t) => ({
        ...t,
        routes: [...t.routes, { destination: target.cidr, target: nat.id }],
      })),
    };
    const results = bothWays(plan);
    for (const { shared, alone } of results) expect(shared).toEqual(alone);
    const inTarget = new Set(plan.resources.filter((r) => r.subnet === target.id).map((r) => r.id));
    const moved = results.some(({ shared }, i) =>
      shared.some(
        (p, j) => inTarget.has(p.to) && p.message !== bothWays(base)[i]!.shared[j]!.message,
      ),
    );
    expect(moved).toBe(true);
  });
});
