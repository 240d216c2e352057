// Every id of a plan, and every reference to one, through one function: the import builds
// objects under the ids other resources refer to them by, and names them by their plan ids last.
import type { Plan } from '../../domain/model/plan';

export function renameIds(plan: Plan, to: (id: string) => string): Plan {
  const all = (ids: readonly string[] | undefined) => ids?.map(to);
  return {
    ...plan,
    vpcs: plan.vpcs.map((o) => ({ ...o, id: to(o.id) })),
    subnets: plan.subnets.map((o) => ({
      ...o,
      id: to(o.id),
      vpc: to(o.vpc),
      ...(o.routeTable === undefined ? {} : { routeTable: to(o.routeTable) }),
    })),
    clusters: plan.clusters.map((o) => ({
      ...o,
      id: to(o.id),
      vpc: to(o.vpc),
      ...(o.nodeSubnets === undefined ? {} : { nodeSubnets: all(o.nodeSubnets)! }),
      ...(o.podSubnets === undefined ? {} : { podSubnets: all(o.podSubnets)! }),
    })),
    resources: plan.resources.map((o) => ({ ...o, id: to(o.id), subnet: to(o.subnet) })),
    natGateways: plan.natGateways.map((o) => ({ ...o, id: to(o.id), vpc: to(o.vpc) })),
    peerings: plan.peerings.map((o) => ({
      ...o,
      id: to(o.id),
      vpcs: [to(o.vpcs[0]), to(o.vpcs[1])] as const,
    })),
    ccns: plan.ccns.map((o) => ({ ...o, id: to(o.id), attachments: all(o.attachments)! })),
    idcs: plan.idcs.map((o) => ({
      ...o,
      id: to(o.id),
      ...(o.vpc === undefined ? {} : { vpc: to(o.vpc) }),
    })),
    routeTables: plan.routeTables.map((o) => ({
      ...o,
      id: to(o.id),
      vpc: to(o.vpc),
      routes: o.routes.map((r) => ({ ...r, target: to(r.target) })),
    })),
  };
}
