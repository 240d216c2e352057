// A destination as the ranges to evaluate: a resource's address, a cluster's pods (its container
// CIDR, or each pod subnet), an IDC's ranges, an address, or the internet.
import { cidrOf, ipOf } from '../../ip/cidr';
import { clusterMode } from '../../model/defaults';
import type { PlanIndex } from '../../model/plan-index';
import type { Cluster, Flow } from '../../model/plan';
import type { Leg } from './types';

export function legsTo(ix: PlanIndex, to: string): Leg[] {
  if (to === 'internet') return [{ kind: 'internet' }];
  const r = ix.resource(to);
  if (r) {
    const subnet = ix.subnet(r.subnet);
    if (!subnet) return [];
    const text = r.ip ?? subnet.cidr;
    return [
      {
        kind: 'resource',
        resource: r,
        subnet,
        vpc: subnet.vpc,
        cidr: r.ip ? ipOf(r.ip) : cidrOf(subnet.cidr),
        text,
      },
    ];
  }
  const c = ix.cluster(to);
  if (c) {
    if (clusterMode(c) === 'vpc-cni' && (c.podSubnets?.length ?? 0) > 0) {
      return (c.podSubnets ?? [])
        .map((id) => ix.subnet(id))
        .filter((s) => s !== undefined)
        .map((s) => ({
          kind: 'pods',
          cluster: c,
          vpc: c.vpc,
          subnet: s,
          cidr: cidrOf(s.cidr),
          text: s.cidr,
        }));
    }
    if (c.containerCidr) {
      return [
        {
          kind: 'pods',
          cluster: c,
          vpc: c.vpc,
          cidr: cidrOf(c.containerCidr),
          text: c.containerCidr,
        },
      ];
    }
    return [];
  }
  const idc = ix.idc(to);
  if (idc) return idc.cidrs.map((text) => ({ kind: 'idc', idc, cidr: cidrOf(text), text }));
  return [{ kind: 'address', cidr: ipOf(to), text: to }];
}

/** The paths to evaluate when a plan lists none: each cluster to everything it may talk to. */
export function defaultFlows(
  ix: PlanIndex,
  clusters: readonly Cluster[] = ix.plan.clusters,
): Flow[] {
  const plan = ix.plan;
  const flows: Flow[] = [];
  for (const c of clusters) {
    for (const r of plan.resources) flows.push({ from: c.id, to: r.id });
    for (const o of plan.clusters) if (o.id !== c.id) flows.push({ from: c.id, to: o.id });
    for (const i of plan.idcs) flows.push({ from: c.id, to: i.id });
    flows.push({ from: c.id, to: 'internet' });
  }
  return flows;
}
