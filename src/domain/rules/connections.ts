// Rules between VPCs joined by a peering or a CCN.
import { freeContainerCidr } from '../allocate';
import { cidrOf, type Cidr } from '../ip/cidr';
import { forEachCrossOverlap, forEachOverlap } from '../ip/overlap-index';
import { label } from '../model/defaults';
import { vpcCidrTexts, type PlanIndex } from '../model/plan-index';
import type { Ccn, Peering } from '../model/plan';
import type { CcnRoutes } from '../routing/ccn';
import type { FindingList } from './findings';

export function checkPeering(ix: PlanIndex, p: Peering, out: FindingList): void {
  const [a, b] = p.vpcs;
  const va = ix.vpc(a);
  const vb = ix.vpc(b);
  if (!va || !vb || a === b) return;
  const ta = vpcCidrTexts(va);
  const tb = vpcCidrTexts(vb);
  forEachCrossOverlap(ta.map(cidrOf), tb.map(cidrOf), (i, j) => {
    out.add(
      'PEERING_CIDR_OVERLAP',
      [p.id, a, b],
      [ta[i]!, tb[j]!],
      `Peering ${label(p)} joins VPC ${label(va)} (${ta[i]}) and VPC ${label(vb)} (${tb[j]}), which overlap: ` +
        `peered VPCs must not share addresses; renumber one of them`,
    );
  });
}

export function checkCcnConflicts(ix: PlanIndex, routes: CcnRoutes, out: FindingList): void {
  const byPair = new Map<
    string,
    { later: string; earlier: string; ranges: [string, string]; count: number }
  >();
  for (const [later, earlier] of routes.disabled) {
    const key = `${later.attachment}\u0000${earlier.attachment}`;
    const entry = byPair.get(key);
    if (entry) entry.count++;
    else
      byPair.set(key, {
        later: later.attachment,
        earlier: earlier.attachment,
        ranges: [later.text, earlier.text],
        count: 1,
      });
  }
  const ccn: Ccn = routes.ccn;
  for (const e of byPair.values()) {
    const laterName = label(ix.object(e.later));
    const earlierName = label(ix.object(e.earlier));
    out.add(
      'CCN_CIDR_CONFLICT',
      [e.later, e.earlier, ccn.id],
      e.ranges,
      `On CCN ${label(ccn)}, ${laterName} publishes ${e.ranges[0]}, which overlaps ${e.ranges[1]} published ` +
        `earlier by ${earlierName}: CCN disables ${e.count === 1 ? 'that route' : `${e.count} such routes`} of ` +
        `${laterName}; renumber the subnet, container CIDR or IDC range`,
    );
  }
}

interface Member {
  readonly vpc: string;
  readonly cluster?: string;
  readonly cidr: Cidr;
  readonly text: string;
}

/** Container CIDRs that overlap a VPC or cluster on the other side of a peering or CCN. */
export function checkConnectedContainers(
  ix: PlanIndex,
  groups: Iterable<readonly string[]>,
  out: FindingList,
): void {
  const reported = new Set<string>();
  for (const vpcs of groups) {
    const members: Member[] = [];
    for (const vpc of new Set(vpcs)) {
      if (!ix.vpc(vpc)) continue;
      for (const t of vpcCidrTexts(ix.vpc(vpc)!)) members.push({ vpc, cidr: cidrOf(t), text: t });
      for (const c of ix.clustersOf(vpc)) {
        if (c.containerCidr)
          members.push({
            vpc,
            cluster: c.id,
            cidr: cidrOf(c.containerCidr),
            text: c.containerCidr,
          });
      }
    }
    forEachOverlap(
      members.map((m) => m.cidr),
      (i, j) => {
        const x = members[i]!;
        const y = members[j]!;
        if (x.vpc === y.vpc || (!x.cluster && !y.cluster)) return;
        let mine: Member;
        let theirs: Member;
        if (x.cluster && y.cluster)
          [mine, theirs] = ix.order(x.cluster) > ix.order(y.cluster) ? [x, y] : [y, x];
        else [mine, theirs] = x.cluster ? [x, y] : [y, x];
        const other = theirs.cluster ?? theirs.vpc;
        const key = `${mine.cluster}\u0000${other}\u0000${theirs.text}`;
        if (reported.has(key)) return;
        reported.add(key);
        const c = ix.cluster(mine.cluster)!;
        const value = freeContainerCidr(ix, c.vpc, mine.cidr.prefix, c.id);
        const what = theirs.cluster
          ? `the container CIDR ${theirs.text} of ${label(ix.cluster(theirs.cluster))}`
          : `VPC ${label(ix.vpc(theirs.vpc))} (${theirs.text})`;
        out.add(
          'CLUSTER_CIDR_OVERLAPS_CONNECTED',
          [c.id, other],
          [mine.text, theirs.text],
          `Container CIDR ${mine.text} of ${label(c)} overlaps ${what}, which is connected to its VPC: ` +
            `pods cannot reach those addresses${value ? `; ${value} conflicts with nothing` : ''}`,
          { suggestion: value ? { object: c.id, field: 'containerCidr', value } : undefined },
        );
      },
    );
  }
}

/** The groups of VPCs that see each other: each peering's pair and each CCN's attached VPCs. */
export function connectionGroups(ix: PlanIndex): string[][] {
  const groups: string[][] = [];
  for (const p of ix.plan.peerings) if (p.vpcs[0] !== p.vpcs[1]) groups.push([...p.vpcs]);
  for (const c of ix.plan.ccns) {
    const vpcs = c.attachments.filter((a) => ix.kindOf(a) === 'vpc');
    if (vpcs.length > 1) groups.push(vpcs);
  }
  return groups;
}
