// What each CCN publishes, and which of those routes it disables. A CCN learns every attached
// VPC's subnet CIDRs, every registered cluster's container CIDR and every attached IDC's ranges;
// a route that overlaps one published by an earlier attachment is disabled (docs/spec/rules.md,
// CCN_CIDR_CONFLICT and "IDCs attached to a CCN").
import { cidrOf, type Cidr } from '../ip/cidr';
import { overlappingPairs } from '../ip/overlap-index';
import type { PlanIndex } from '../model/plan-index';
import type { Ccn, Subnet } from '../model/plan';

export interface Publication {
  readonly ccn: string;
  /** The attachment that publishes it: a VPC, registered cluster or IDC id. */
  readonly attachment: string;
  /** The VPC the route leads into; absent for an IDC's range. */
  readonly vpc: string | undefined;
  /** The IDC the route leads to, for an IDC's range. */
  readonly idc?: string;
  /** The subnet, cluster or IDC whose range this is. */
  readonly source: string;
  readonly cidr: Cidr;
  readonly text: string;
  /** Position of the attachment in the CCN: lower was attached earlier. */
  readonly position: number;
}

export interface CcnRoutes {
  readonly ccn: Ccn;
  readonly publications: readonly Publication[];
  /** Disabled publications, each with the earlier one it conflicts with first. */
  readonly disabled: ReadonlyMap<Publication, Publication>;
}

export function ccnRoutes(ix: PlanIndex, ccn: Ccn): CcnRoutes {
  const publications: Publication[] = [];
  const seen = new Set<string>();
  ccn.attachments.forEach((attachment, position) => {
    if (seen.has(attachment)) return;
    seen.add(attachment);
    const kind = ix.kindOf(attachment);
    if (kind === 'vpc') {
      // Each range pushed as it comes, not through a list of the subnet's ranges: a CCN of a
      // 100k plan publishes 14,000 subnets.
      const publish = (s: Subnet, text: string) =>
        publications.push({
          ccn: ccn.id,
          attachment,
          vpc: attachment,
          source: s.id,
          cidr: cidrOf(text),
          text,
          position,
        });
      for (const s of ix.subnetsOf(attachment)) {
        publish(s, s.cidr);
        if (s.ipv6Cidr) publish(s, s.ipv6Cidr);
      }
    } else if (kind === 'cluster') {
      const c = ix.cluster(attachment)!;
      if (c.containerCidr) {
        publications.push({
          ccn: ccn.id,
          attachment,
          vpc: c.vpc,
          source: c.id,
          cidr: cidrOf(c.containerCidr),
          text: c.containerCidr,
          position,
        });
      }
    } else if (kind === 'idc') {
      const d = ix.idc(attachment)!;
      for (const text of d.cidrs) {
        publications.push({
          ccn: ccn.id,
          attachment,
          vpc: undefined,
          idc: d.id,
          source: d.id,
          cidr: cidrOf(text),
          text,
          position,
        });
      }
    }
  });
  const disabled = new Map<Publication, Publication>();
  const pairs = overlappingPairs(publications.map((p) => p.cidr));
  // Decide in attachment order, so each disabled route names the earliest route it collides with.
  pairs.sort((x, y) => {
    const px = Math.min(publications[x[0]]!.position, publications[x[1]]!.position);
    const py = Math.min(publications[y[0]]!.position, publications[y[1]]!.position);
    return px - py;
  });
  for (const [a, b] of pairs) {
    const pa = publications[a]!;
    const pb = publications[b]!;
    if (pa.position === pb.position) continue;
    const [later, earlier] = pa.position > pb.position ? [pa, pb] : [pb, pa];
    if (!disabled.has(later)) disabled.set(later, earlier);
  }
  return { ccn, publications, disabled };
}
