// Route tables and IDCs of one VPC: targets, and routes or IDC ranges that collide with the
// VPC's own addresses or with a container network (which always wins in the VPC's routing).
import { cidrOf, contains, equals, overlaps } from '../ip/cidr';
import { label } from '../model/defaults';
import { vpcCidrTexts, type PlanIndex } from '../model/plan-index';
import type { Ccn, Idc, RouteTable, Vpc } from '../model/plan';
import { invalidTargetReason, targetLabel } from '../routing/route-table';
import type { FindingList } from './findings';

function checkTable(ix: PlanIndex, v: Vpc, t: RouteTable, out: FindingList): void {
  const name = label(t);
  const vpcTexts = vpcCidrTexts(v);
  const clusters = ix.clustersOf(v.id).filter((c) => c.containerCidr);
  // Parsed once per table, not once per route: each parse is a lookup in a cache of the plan's
  // 27,000 range texts at 100k, and a table there has its VPC's few ranges and clusters.
  const vpcRanges = vpcTexts.map(cidrOf);
  const clusterRanges = clusters.map((c) => cidrOf(c.containerCidr!));
  for (const s of ix.subnetsUsing(t.id)) {
    if (s.vpc !== t.vpc) {
      out.add(
        'ROUTE_TABLE_OTHER_VPC',
        [s.id, t.id],
        [s.cidr],
        `Subnet ${label(s)} uses route table ${name}, which belongs to VPC ${label(v)}, not the subnet's VPC ` +
          `${label(ix.vpc(s.vpc))}: a subnet can only use a table of its own VPC`,
      );
    }
  }
  for (const route of t.routes) {
    const dest = cidrOf(route.destination);
    const why = invalidTargetReason(ix, v.id, route);
    if (why !== undefined) {
      out.add(
        'ROUTE_TARGET_INVALID',
        [t.id],
        [route.destination],
        `Route ${route.destination} → ${targetLabel(ix, route.target)} in table ${name}: ${why}; the route is ignored`,
      );
    }
    for (let i = 0; i < vpcTexts.length; i++) {
      const vt = vpcTexts[i]!;
      if (contains(vpcRanges[i]!, dest)) {
        out.add(
          'ROUTE_INSIDE_VPC',
          [t.id, v.id],
          [route.destination, vt],
          `Route ${route.destination} in table ${name} is inside VPC ${label(v)} (${vt}): the Local route always ` +
            `wins there; remove the route`,
        );
      }
    }
    for (let i = 0; i < clusters.length; i++) {
      const c = clusters[i]!;
      const cc = clusterRanges[i]!;
      if (contains(cc, dest)) {
        out.add(
          'ROUTE_INSIDE_CLUSTER_CIDR',
          [t.id, c.id],
          [route.destination, c.containerCidr!],
          `Route ${route.destination} → ${targetLabel(ix, route.target)} in table ${name} is inside the container CIDR ` +
            `${c.containerCidr} of ${label(c)}: that traffic goes to the containers instead` +
            (c.ignoreRouteConflict
              ? ' (the cluster was created ignoring this conflict)'
              : '; remove the route or renumber the cluster'),
          { severity: c.ignoreRouteConflict ? 'warning' : 'error' },
        );
      } else if (contains(dest, cc) && !equals(dest, cc) && dest.prefix !== 0) {
        out.add(
          'ROUTE_SHADOWED_BY_CLUSTER',
          [t.id, c.id],
          [route.destination, c.containerCidr!],
          `Route ${route.destination} → ${targetLabel(ix, route.target)} in table ${name} contains the container CIDR ` +
            `${c.containerCidr} of ${label(c)}: addresses inside it never take this route`,
        );
      }
    }
  }
}

/** The IDCs a VPC reaches: those that link to it, then those on a CCN it is attached to. */
function idcsReaching(ix: PlanIndex, v: Vpc): { idc: Idc; ccn?: Ccn }[] {
  const out: { idc: Idc; ccn?: Ccn }[] = ix.idcsOf(v.id).map((idc) => ({ idc }));
  const seen = new Set(out.map((x) => x.idc.id));
  for (const c of ix.ccnsOf(v.id)) {
    for (const m of c.attachments) {
      const idc = ix.idc(m);
      if (idc && !seen.has(idc.id)) {
        seen.add(idc.id);
        out.push({ idc, ccn: c });
      }
    }
  }
  return out;
}

function checkIdcs(ix: PlanIndex, v: Vpc, out: FindingList): void {
  const vpcTexts = vpcCidrTexts(v);
  const clusters = ix.clustersOf(v.id).filter((c) => c.containerCidr);
  for (const { idc, ccn } of idcsReaching(ix, v)) {
    const how = ccn ? `which reaches it over CCN ${label(ccn)}` : 'which it links to';
    for (const text of idc.cidrs) {
      const ic = cidrOf(text);
      for (const vt of vpcTexts) {
        if (overlaps(ic, cidrOf(vt))) {
          out.add(
            'IDC_CIDR_OVERLAPS_VPC',
            [idc.id, v.id],
            [text, vt],
            `IDC ${label(idc)}'s range ${text} overlaps VPC ${label(v)} (${vt}), ${how}: renumber one side`,
          );
        }
      }
      for (const c of clusters) {
        if (overlaps(ic, cidrOf(c.containerCidr!))) {
          out.add(
            'IDC_CIDR_OVERLAPS_CLUSTER',
            [idc.id, c.id],
            [text, c.containerCidr!],
            `IDC ${label(idc)}'s range ${text} overlaps the container CIDR ${c.containerCidr} of ${label(c)}: ` +
              `those IDC addresses are unreachable from VPC ${label(v)}`,
          );
        }
      }
    }
  }
}

export function checkVpcRouting(ix: PlanIndex, v: Vpc, out: FindingList): void {
  for (const t of ix.routeTablesOf(v.id)) checkTable(ix, v, t, out);
  checkIdcs(ix, v, out);
}
