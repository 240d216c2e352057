// What the format leaves out, the domain fills in here, in one place.
import type { Cluster, ClusterMode, Idc, Vpc } from './plan';

export const DEFAULT_MAX_PODS_PER_NODE = 256;
export const DEFAULT_MAX_SERVICES = 256;

export function clusterMode(c: Cluster): ClusterMode {
  return c.mode ?? 'global-router';
}

/** Rounded up to a power of two, as TKE does. */
export function roundUpPow2(n: number): number {
  if (n <= 1) return 1;
  return 2 ** Math.ceil(Math.log2(n));
}

export function maxPodsPerNode(c: Cluster): number {
  return c.maxPodsPerNode ?? DEFAULT_MAX_PODS_PER_NODE;
}

export function maxServices(c: Cluster): number {
  return c.maxServices ?? DEFAULT_MAX_SERVICES;
}

/** ip-masq-agent's ranges as TKE ships them, unless the plan says otherwise. */
export function nonMasqueradeCidrs(c: Cluster, vpc: Vpc | undefined): readonly string[] {
  if (c.nonMasqueradeCidrs) return c.nonMasqueradeCidrs;
  const out: string[] = [];
  if (clusterMode(c) === 'global-router' && c.containerCidr) out.push(c.containerCidr);
  if (vpc) out.push(vpc.cidr);
  return out;
}

/**
 * What an IDC routes back to the cloud: by default the primary CIDR of the VPC it links to, and
 * what the CCNs it is attached to publish (their enabled routes, `ccnRoutes`).
 */
export function idcReturnRoutes(
  idc: Idc,
  vpc: Vpc | undefined,
  ccnRoutes: readonly string[] = [],
): readonly string[] {
  return idc.returnRoutes ?? [...(vpc ? [vpc.cidr] : []), ...ccnRoutes];
}

/** The name a person knows an object by. */
export function label(o: { id: string; name?: string } | undefined, fallback = '?'): string {
  if (!o) return fallback;
  return o.name ? o.name : o.id;
}
