// Rules of a cluster inside its own VPC: the container and service ranges, node and pod
// subnets, and whether the planned nodes fit.
import { freeContainerCidr, freeServiceCidr } from '../allocate';
import { globalRouterNumbers, subnetFreeIps } from '../capacity/capacity';
import { cidrOf, overlaps } from '../ip/cidr';
import { forEachOverlap } from '../ip/overlap-index';
import { isPrivate } from '../ip/private-ranges';
import { clusterMode, label, maxPodsPerNode, maxServices, roundUpPow2 } from '../model/defaults';
import type { PlanIndex } from '../model/plan-index';
import type { Cluster, Vpc } from '../model/plan';
import type { FindingList } from './findings';

function v4Texts(v: Vpc): string[] {
  return [v.cidr, ...(v.secondaryCidrs ?? [])];
}

function containerFix(
  ix: PlanIndex,
  c: Cluster,
): { object: string; field: string; value: string } | undefined {
  if (!c.containerCidr) return undefined;
  const value = freeContainerCidr(ix, c.vpc, cidrOf(c.containerCidr).prefix, c.id);
  return value ? { object: c.id, field: 'containerCidr', value } : undefined;
}

function serviceFix(
  ix: PlanIndex,
  c: Cluster,
): { object: string; field: string; value: string } | undefined {
  if (!c.serviceCidr) return undefined;
  const value = freeServiceCidr(ix, c.vpc, cidrOf(c.serviceCidr).prefix, c.id);
  return value ? { object: c.id, field: 'serviceCidr', value } : undefined;
}

function fixText(fix: { value: string } | undefined): string {
  return fix ? `; ${fix.value} conflicts with nothing` : '';
}

function checkGlobalRouter(ix: PlanIndex, v: Vpc, c: Cluster, out: FindingList): void {
  const name = label(c);
  // The GlobalRouter rules apply to GlobalRouter clusters and to any cluster that sets a container CIDR.
  if (clusterMode(c) !== 'global-router' && !c.containerCidr) return;
  const pods = maxPodsPerNode(c);
  const podsR = roundUpPow2(pods);
  if (podsR !== pods) {
    out.add(
      'CLUSTER_POD_NUM_ROUNDED',
      [c.id],
      [],
      `${name}: ${pods} pods per node is rounded up to ${podsR}, so each node takes a /${32 - Math.log2(podsR)}`,
    );
  }
  if (podsR < 4 || podsR > 256) {
    out.add(
      'CLUSTER_POD_NUM_RANGE',
      [c.id],
      [],
      `${name}: ${pods} pods per node${podsR !== pods ? ` (rounded to ${podsR})` : ''} is outside 4 to 256`,
    );
  }
  const svcs = maxServices(c);
  const svcsR = roundUpPow2(svcs);
  if (svcsR !== svcs) {
    out.add(
      'CLUSTER_SERVICE_NUM_ROUNDED',
      [c.id],
      [],
      `${name}: ${svcs} services is rounded up to ${svcsR}`,
    );
  }
  if (svcsR < 32 || svcsR > 32768) {
    out.add(
      'CLUSTER_SERVICE_NUM_RANGE',
      [c.id],
      [],
      `${name}: ${svcs} services${svcsR !== svcs ? ` (rounded to ${svcsR})` : ''} is outside 32 to 32768`,
    );
  }
  if (!c.containerCidr) {
    if (clusterMode(c) === 'global-router') {
      const value = freeContainerCidr(ix, c.vpc, 16, c.id);
      out.add(
        'CLUSTER_CIDR_MISSING',
        [c.id],
        [],
        `GlobalRouter cluster ${name} has no container CIDR${value ? `: ${value} would fit` : ''}`,
        { suggestion: value ? { object: c.id, field: 'containerCidr', value } : undefined },
      );
    }
    return;
  }
  const cc = cidrOf(c.containerCidr);
  if (!isPrivate(cc)) {
    const fix = containerFix(ix, c);
    out.add(
      'CLUSTER_CIDR_RANGE',
      [c.id],
      [c.containerCidr],
      `Container CIDR ${c.containerCidr} of ${name} is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16${fixText(fix)}`,
      { suggestion: fix },
    );
  }
  const n = globalRouterNumbers(c);
  if (n.maxNodes !== null && n.maxNodes < 1) {
    const needed = podsR + (c.serviceCidr ? 0 : svcsR);
    const prefix = Math.max(8, Math.min(cc.prefix, 32 - Math.ceil(Math.log2(needed))));
    const value = freeContainerCidr(ix, c.vpc, prefix, c.id);
    out.add(
      'CLUSTER_CIDR_TOO_SMALL',
      [c.id],
      [c.containerCidr],
      `Container CIDR ${c.containerCidr} of ${name} holds no node: it has ${2 ** (32 - cc.prefix)} addresses, ` +
        `${c.serviceCidr ? '' : `${svcsR} go to services, `}and each node takes ${podsR}` +
        (value ? `; a larger block such as ${value} fits` : ''),
      { suggestion: value ? { object: c.id, field: 'containerCidr', value } : undefined },
    );
  }
  for (const t of v4Texts(v)) {
    if (overlaps(cc, cidrOf(t))) {
      const fix = containerFix(ix, c);
      out.add(
        'CLUSTER_CIDR_OVERLAPS_VPC',
        [c.id, v.id],
        [c.containerCidr, t],
        `Container CIDR ${c.containerCidr} of ${name} overlaps VPC ${label(v)} (${t}): the node network and ` +
          `the container network must not conflict${fixText(fix)}`,
        { suggestion: fix },
      );
    }
  }
}

function checkContainerOverlaps(
  ix: PlanIndex,
  clusters: readonly Cluster[],
  out: FindingList,
): void {
  const withCidr = clusters.filter((c) => c.containerCidr);
  const cidrs = withCidr.map((c) => cidrOf(c.containerCidr!));
  forEachOverlap(cidrs, (a, b) => {
    const ca = withCidr[a]!;
    const cb = withCidr[b]!;
    const [later, earlier] = ix.order(ca.id) > ix.order(cb.id) ? [ca, cb] : [cb, ca];
    const fix = containerFix(ix, later);
    out.add(
      'CLUSTER_CIDR_OVERLAPS_CLUSTER',
      [later.id, earlier.id],
      [later.containerCidr!, earlier.containerCidr!],
      `Container CIDR ${later.containerCidr} of ${label(later)} overlaps ${earlier.containerCidr} of ` +
        `${label(earlier)} in the same VPC${fixText(fix)}`,
      { suggestion: fix },
    );
  });
}

function checkServiceCidr(ix: PlanIndex, v: Vpc, c: Cluster, out: FindingList): void {
  if (!c.serviceCidr) return;
  const name = label(c);
  const sc = cidrOf(c.serviceCidr);
  const fix = () => serviceFix(ix, c);
  if (!isPrivate(sc)) {
    const f = fix();
    out.add(
      'SERVICE_CIDR_RANGE',
      [c.id],
      [c.serviceCidr],
      `Service CIDR ${c.serviceCidr} of ${name} is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16${fixText(f)}`,
      { suggestion: f },
    );
  }
  if (c.containerCidr && overlaps(sc, cidrOf(c.containerCidr))) {
    const f = fix();
    out.add(
      'SERVICE_CIDR_OVERLAPS_CONTAINER',
      [c.id],
      [c.serviceCidr],
      `Service CIDR ${c.serviceCidr} of ${name} overlaps its own container CIDR ${c.containerCidr}${fixText(f)}`,
      { suggestion: f },
    );
  }
  for (const t of v4Texts(v)) {
    if (overlaps(sc, cidrOf(t))) {
      const f = fix();
      out.add(
        'SERVICE_CIDR_OVERLAPS_VPC',
        [c.id, v.id],
        [c.serviceCidr, t],
        `Service CIDR ${c.serviceCidr} of ${name} overlaps VPC ${label(v)} (${t})${fixText(f)}`,
        { suggestion: f },
      );
    }
  }
  for (const o of ix.clustersOf(v.id)) {
    if (o.id === c.id) continue;
    const hits: string[] = [];
    if (o.containerCidr && overlaps(sc, cidrOf(o.containerCidr))) hits.push(o.containerCidr);
    // Two explicit service ranges that overlap are one problem: report it once, on the later cluster.
    if (o.serviceCidr && overlaps(sc, cidrOf(o.serviceCidr)) && ix.order(c.id) > ix.order(o.id)) {
      hits.push(o.serviceCidr);
    }
    for (const h of hits) {
      const f = fix();
      out.add(
        'SERVICE_CIDR_OVERLAPS_CLUSTER',
        [c.id, o.id],
        [c.serviceCidr, h],
        `Service CIDR ${c.serviceCidr} of ${name} overlaps ${h === o.serviceCidr ? 'the service CIDR' : 'the container CIDR'} ` +
          `${h} of ${label(o)} in the same VPC${fixText(f)}`,
        { suggestion: f },
      );
    }
  }
}

function checkNodeSubnets(ix: PlanIndex, v: Vpc, c: Cluster, out: FindingList): void {
  const name = label(c);
  const nodeSubnets = c.nodeSubnets ?? [];
  if (nodeSubnets.length === 0) {
    out.add(
      'NODE_SUBNET_MISSING',
      [c.id],
      [],
      `Cluster ${name} has no node subnet: pick a subnet of VPC ${label(v)} for its nodes`,
    );
  }
  for (const id of nodeSubnets) {
    const s = ix.subnet(id);
    if (s && s.vpc !== c.vpc) {
      out.add(
        'NODE_SUBNET_OTHER_VPC',
        [c.id, s.id],
        [s.cidr],
        `Node subnet ${label(s)} (${s.cidr}) of ${name} belongs to VPC ${label(ix.vpc(s.vpc))}, not the cluster's VPC ${label(v)} (${v.cidr}): pick a subnet of ${label(v)}`,
      );
    }
  }
  if (c.nodeCount !== undefined) {
    const free = subnetFreeIps(ix, nodeSubnets);
    const max =
      c.containerCidr && clusterMode(c) === 'global-router'
        ? globalRouterNumbers(c).maxNodes
        : null;
    const why: string[] = [];
    if (max !== null && c.nodeCount > max) why.push(`the container CIDR holds ${max}`);
    if (c.nodeCount > free) why.push(`the node subnets have ${free} free IPs`);
    if (why.length > 0) {
      out.add(
        'NODE_COUNT_EXCEEDS_CAPACITY',
        [c.id],
        [],
        `${name} plans ${c.nodeCount} nodes but ${why.join(' and ')}: enlarge them or plan fewer nodes`,
      );
    }
  }
}

function checkPodSubnets(
  ix: PlanIndex,
  v: Vpc,
  c: Cluster,
  podOwners: Map<string, string[]>,
  nodeSubnetsAll: Set<string>,
  out: FindingList,
): void {
  const name = label(c);
  const podSubnets = c.podSubnets ?? [];
  if (clusterMode(c) === 'vpc-cni') {
    if (!c.serviceCidr) {
      const value = freeServiceCidr(ix, c.vpc, 20, c.id);
      out.add(
        'SERVICE_CIDR_MISSING',
        [c.id],
        [],
        `VPC-CNI cluster ${name} needs a service CIDR${value ? `: ${value} would fit` : ''}`,
        { suggestion: value ? { object: c.id, field: 'serviceCidr', value } : undefined },
      );
    }
    if (podSubnets.length === 0) {
      out.add(
        'POD_SUBNET_MISSING',
        [c.id],
        [],
        `VPC-CNI cluster ${name} has no pod subnet: pods take their IPs from one`,
      );
    }
  }
  for (const id of new Set(podSubnets)) {
    const s = ix.subnet(id);
    if (!s) continue;
    if (s.vpc !== c.vpc) {
      out.add(
        'POD_SUBNET_OTHER_VPC',
        [c.id, s.id],
        [s.cidr],
        `Pod subnet ${label(s)} (${s.cidr}) of ${name} belongs to VPC ${label(ix.vpc(s.vpc))}, not the cluster's VPC ${label(v)} (${v.cidr}): pick a subnet of ${label(v)}`,
      );
    }
    const why: string[] = [];
    if (nodeSubnetsAll.has(id)) why.push('it is also a node subnet');
    const others = (podOwners.get(id) ?? []).filter((o) => o !== c.id);
    if (others.length > 0)
      why.push(`it is also a pod subnet of ${others.map((o) => label(ix.cluster(o))).join(', ')}`);
    const held = ix.resourcesIn(id);
    if (held.length > 0) why.push(`it holds ${held.map((r) => label(r)).join(', ')}`);
    if (why.length > 0) {
      out.add(
        'POD_SUBNET_SHARED',
        [c.id, s.id],
        [s.cidr],
        `Pod subnet ${label(s)} (${s.cidr}) of ${name} must be the pods' alone, but ${why.join(' and ')}`,
      );
    }
  }
  const pods = podSubnets.map((id) => ix.subnet(id)).filter((s) => s !== undefined);
  if (pods.length === 0 || pods.some((s) => !s.zone)) return;
  const zones = new Set(pods.map((s) => s.zone));
  for (const id of new Set(c.nodeSubnets ?? [])) {
    const s = ix.subnet(id);
    if (!s?.zone || zones.has(s.zone)) continue;
    out.add(
      'POD_SUBNET_ZONE_MISMATCH',
      [c.id, s.id],
      [s.cidr],
      `Node subnet ${label(s)} (${s.cidr}) of ${name} is in ${s.zone}, but no pod subnet is (${[...zones].join(', ')}): ` +
        `pods of nodes there cannot be scheduled; add a pod subnet in ${s.zone}`,
    );
  }
}

/** Where subnets are used, plan-wide: pod subnets by owner, and every node subnet. */
export interface SubnetUse {
  readonly podOwners: Map<string, string[]>;
  readonly nodeSubnets: Set<string>;
}

export function subnetUse(clusters: readonly Cluster[]): SubnetUse {
  const podOwners = new Map<string, string[]>();
  const nodeSubnets = new Set<string>();
  // Indexed loops and no Set per cluster: the worker runs this on every edit of a VPC, over
  // every cluster of the plan (600 at 100k).
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const pods = c.podSubnets;
    if (pods !== undefined)
      for (let j = 0; j < pods.length; j++) {
        const id = pods[j]!;
        if (pods.indexOf(id) !== j) continue; // a repeated subnet is one use
        const list = podOwners.get(id);
        if (list) list.push(c.id);
        else podOwners.set(id, [c.id]);
      }
    const nodes = c.nodeSubnets;
    if (nodes !== undefined) for (let j = 0; j < nodes.length; j++) nodeSubnets.add(nodes[j]!);
  }
  return { podOwners, nodeSubnets };
}

/** Every cluster rule for the clusters of one VPC. */
export function checkVpcClusters(ix: PlanIndex, v: Vpc, use: SubnetUse, out: FindingList): void {
  const clusters = ix.clustersOf(v.id);
  for (const c of clusters) {
    checkNodeSubnets(ix, v, c, out);
    checkGlobalRouter(ix, v, c, out);
    checkServiceCidr(ix, v, c, out);
    checkPodSubnets(ix, v, c, use.podOwners, use.nodeSubnets, out);
  }
  checkContainerOverlaps(ix, clusters, out);
}
