// The address planner: sizes a new cluster from the nodes, pods per node and services it must
// hold, by the capacity formula of rules.md, and finds it the lowest free block of that size in
// 172.16.0.0/12, then 10.0.0.0/8, then 192.168.0.0/16 (docs/spec/cli.md, `suggest`). For a
// VPC-CNI cluster, pod subnets per zone inside the VPC instead of a container CIDR.
import { blockAt, cidrOf, formatCidr, lastBlock, type Cidr, type Cidr4 } from '../ip/cidr';
import { FreeSpace } from '../ip/free-blocks';
import { PRIVATE_RANGES } from '../ip/private-ranges';
import { RangeIndex } from '../ip/range-index';
import { roundUpPow2 } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import { rangesToAvoid, subnetRangesToAvoid } from './avoid';

export const DEFAULT_SUGGEST_PODS_PER_NODE = 64;
export const DEFAULT_SUGGEST_SERVICES = 256;
/** Rejections listed at most; the count says how many there were. */
export const REJECTED_LISTED = 100;

export interface ClusterNeeds {
  readonly nodes: number;
  readonly podsPerNode?: number;
  readonly services?: number;
}

export interface Rejected {
  readonly cidr: string;
  readonly because: string;
}

export interface Sizing {
  /** Rounded up to a power of two, as TKE does. */
  readonly maxPodsPerNode: number;
  readonly maxServices: number;
  /** The prefix of the smallest container CIDR that holds them. */
  readonly prefix: number;
}

export type SizingResult = ({ ok: true } & Sizing) | { ok: false; reason: string };

export interface ContainerSuggestion {
  readonly containerCidr: string;
  readonly maxPodsPerNode: number;
  readonly maxServices: number;
  readonly maxNodes: number;
  readonly serviceCidr: string;
  readonly rejected: readonly Rejected[];
  readonly rejectedCount: number;
}

export type SuggestResult =
  | ({ ok: true } & ContainerSuggestion)
  | { ok: false; reason: string; rejected: readonly Rejected[]; rejectedCount: number };

const isCount = (n: number) => Number.isInteger(n) && n >= 1;

/** The smallest container CIDR for the needs, by rules.md: maxNodes = ⌊(size − services) / pods⌋. */
export function sizeCluster(needs: ClusterNeeds): SizingResult {
  const pods = needs.podsPerNode ?? DEFAULT_SUGGEST_PODS_PER_NODE;
  const services = needs.services ?? DEFAULT_SUGGEST_SERVICES;
  if (!isCount(needs.nodes))
    return { ok: false, reason: `nodes must be a positive integer, not ${needs.nodes}` };
  if (!isCount(pods) || !isCount(services))
    return { ok: false, reason: 'pods per node and services must be positive integers' };
  const maxPodsPerNode = roundUpPow2(pods);
  const maxServices = roundUpPow2(services);
  if (maxPodsPerNode < 4 || maxPodsPerNode > 256)
    return {
      ok: false,
      reason: `${pods} pods per node rounds up to ${maxPodsPerNode}, outside the 4..256 that TKE accepts`,
    };
  if (maxServices < 32 || maxServices > 32768)
    return {
      ok: false,
      reason: `${services} services round up to ${maxServices}, outside the 32..32768 that TKE accepts`,
    };
  const addresses = needs.nodes * maxPodsPerNode + maxServices;
  const prefix = 32 - Math.ceil(Math.log2(addresses));
  if (prefix < 8)
    return {
      ok: false,
      reason: `${needs.nodes} nodes of ${maxPodsPerNode} pods and ${maxServices} services need ${addresses} addresses, more than 10.0.0.0/8 holds`,
    };
  return { ok: true, maxPodsPerNode, maxServices, prefix };
}

interface VpcSpace {
  readonly space: FreeSpace;
  readonly what: RangeIndex<string>;
}

/**
 * Free-space questions about one plan. The ranges around a VPC are gathered, sorted and merged
 * once per VPC; each question after that is a binary search and a short walk.
 */
export class AddressPlanner {
  private readonly vpcs = new Map<string, VpcSpace>();

  /** `exceptCluster`: a cluster being resized, whose own ranges are free to it. */
  constructor(
    private readonly ix: PlanIndex,
    private readonly exceptCluster?: string,
  ) {}

  private around(vpcId: string): VpcSpace {
    let s = this.vpcs.get(vpcId);
    if (!s) {
      const ranges = rangesToAvoid(this.ix, vpcId, this.exceptCluster);
      s = {
        space: new FreeSpace(ranges.map((r) => r.cidr)),
        what: new RangeIndex(ranges.map((r) => [r.cidr, r.what] as const)),
      };
      this.vpcs.set(vpcId, s);
    }
    return s;
  }

  /** The lowest free block of `prefix` for a container or service CIDR in the VPC, and what was passed over. */
  freeBlock(
    vpcId: string,
    prefix: number,
  ): { block: Cidr | undefined; rejected: Rejected[]; rejectedCount: number } {
    const { space, what } = this.around(vpcId);
    const rejected: Rejected[] = [];
    let rejectedCount = 0;
    const note = (cidr: string, because: string) => {
      rejectedCount++;
      if (rejected.length < REJECTED_LISTED) rejected.push({ cidr, because });
    };
    for (const range of PRIVATE_RANGES) {
      if (prefix < range.prefix) {
        note(formatCidr(range), `is smaller than a /${prefix}`);
        continue;
      }
      const block = space.first(range, prefix, (first, count) => {
        rejectedCount += Number(count);
        // Each block passed over is listed with the first range it overlaps, up to a limit.
        const f = first as Cidr4;
        const size = f.hi - f.lo + 1;
        for (let k = 0; k < count && rejected.length < REJECTED_LISTED; k++) {
          const b = blockAt(4, f.lo + k * size, prefix);
          const hit = what.overlapping(b).next();
          const by = hit.done
            ? 'a range in use'
            : `${hit.value.value} (${formatCidr(hit.value.cidr)})`;
          rejected.push({ cidr: formatCidr(b), because: `overlaps ${by}` });
        }
      });
      if (block) return { block, rejected, rejectedCount };
    }
    return { block: undefined, rejected, rejectedCount };
  }

  /** A global-router cluster for the needs, in VPC `vpcId`. */
  suggestCluster(vpcId: string, needs: ClusterNeeds): SuggestResult {
    if (!this.ix.vpc(vpcId))
      return { ok: false, reason: `no VPC ${vpcId} in the plan`, rejected: [], rejectedCount: 0 };
    const size = sizeCluster(needs);
    if (!size.ok) return { ...size, rejected: [], rejectedCount: 0 };
    const { block, rejected, rejectedCount } = this.freeBlock(vpcId, size.prefix);
    if (!block)
      return {
        ok: false,
        reason: `no free /${size.prefix} in 172.16.0.0/12, 10.0.0.0/8 or 192.168.0.0/16 overlaps nothing around VPC ${vpcId}`,
        rejected,
        rejectedCount,
      };
    const total = 2 ** (32 - size.prefix);
    return {
      ok: true,
      containerCidr: formatCidr(block),
      maxPodsPerNode: size.maxPodsPerNode,
      maxServices: size.maxServices,
      maxNodes: Math.floor((total - size.maxServices) / size.maxPodsPerNode),
      serviceCidr: formatCidr(lastBlock(block, 32 - Math.log2(size.maxServices))!),
      rejected,
      rejectedCount,
    };
  }

  /** Pod subnets for a VPC-CNI cluster: one per zone inside the VPC, each for its share of the pods. */
  suggestPodSubnets(vpcId: string, needs: PodSubnetNeeds): PodSubnetResult {
    const v = this.ix.vpc(vpcId);
    if (!v) return { ok: false, reason: `no VPC ${vpcId} in the plan` };
    if (!isCount(needs.nodes))
      return { ok: false, reason: `nodes must be a positive integer, not ${needs.nodes}` };
    const podsPerNode = needs.podsPerNode ?? DEFAULT_SUGGEST_PODS_PER_NODE;
    if (!isCount(podsPerNode))
      return { ok: false, reason: 'pods per node must be a positive integer' };
    const zones = needs.zones?.length ? [...needs.zones] : zonesOf(this.ix, vpcId);
    const pods = needs.nodes * podsPerNode;
    const perZone = Math.ceil(pods / Math.max(1, zones.length));
    // Usable addresses of a subnet are its size less 3; a subnet mask is /29 at the longest.
    const prefix = Math.min(29, 32 - Math.ceil(Math.log2(perZone + 3)));
    const taken: Cidr[] = subnetRangesToAvoid(this.ix, vpcId).map((r) => r.cidr);
    const within = [v.cidr, ...(v.secondaryCidrs ?? [])].map(cidrOf);
    const subnets: PodSubnet[] = [];
    for (const zone of zones.length > 0 ? zones : [null]) {
      const block = new FreeSpace(taken).firstIn(within, prefix);
      if (!block)
        return {
          ok: false,
          reason: `VPC ${vpcId} has no free /${prefix} left for ${perZone} pods${zone ? ` in ${zone}` : ''}`,
        };
      taken.push(block);
      subnets.push({ zone, cidr: formatCidr(block), usableIps: 2 ** (32 - prefix) - 3 });
    }
    // A VPC-CNI cluster needs a service CIDR of its own, placed as a container CIDR would be.
    const maxServices = roundUpPow2(needs.services ?? DEFAULT_SUGGEST_SERVICES);
    if (maxServices < 32 || maxServices > 32768)
      return {
        ok: false,
        reason: `${maxServices} services are outside the 32..32768 that TKE accepts`,
      };
    const service = this.freeBlock(vpcId, 32 - Math.log2(maxServices));
    if (!service.block)
      return { ok: false, reason: `no free /${32 - Math.log2(maxServices)} for the service CIDR` };
    return {
      ok: true,
      pods,
      podsPerZone: perZone,
      subnets,
      serviceCidr: formatCidr(service.block),
      maxServices,
    };
  }
}

export interface PodSubnetNeeds {
  readonly nodes: number;
  readonly podsPerNode?: number;
  readonly services?: number;
  /** The zones to spread the pods over; by default those of the VPC's subnets. */
  readonly zones?: readonly string[];
}

export interface PodSubnet {
  readonly zone: string | null;
  readonly cidr: string;
  readonly usableIps: number;
}

export type PodSubnetResult =
  | {
      ok: true;
      pods: number;
      podsPerZone: number;
      subnets: readonly PodSubnet[];
      serviceCidr: string;
      maxServices: number;
    }
  | { ok: false; reason: string };

/** The zones of a VPC's subnets, in the order they first appear. */
function zonesOf(ix: PlanIndex, vpcId: string): string[] {
  const out: string[] = [];
  for (const s of ix.subnetsOf(vpcId)) if (s.zone && !out.includes(s.zone)) out.push(s.zone);
  return out;
}
