// The plan's address table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break, quotes doubled). One row per range:
//
//   object       the plan id of the object the range belongs to
//   kind         vpc | vpc-secondary | vpc-ipv6 | subnet | subnet-ipv6 | container | service |
//                idc | resource
//   cidr         the range; a resource's address is written as a /32 (or /128)
//   first_usable, last_usable
//                IPv4 subnets: Tencent Cloud keeps the network address, the gateway (the next one)
//                and the broadcast address, so the usable range is the third address to the
//                second-to-last; a subnet too small for any is left blank.
//                Everything else is the whole block, first to last address: a VPC's or secondary
//                CIDR's addresses are handed out through its subnets (each reserving its own);
//                container and service CIDRs are divided by TKE itself (per node blocks, and the
//                capacity of `validate` counts what is usable there); an IDC range is someone
//                else's network; IPv6 subnets have no reserved addresses in this model; a
//                resource's /32 is its one address.
//   size         the number of addresses in the block, in decimal (exact for IPv6)
//   used_by      who uses the range, by name: the clusters whose nodes or pods live in a subnet,
//                the resources in it, the subnets of a VPC range, the cluster of a container or
//                service CIDR, the VPC an IDC links to.
//   used, usable, percent
//                How full the range is (src/domain/planning/utilisation.ts), in addresses:
//                a VPC range: addresses in its subnets of the range's size; an IPv4 subnet: its
//                resources, planned nodes and VPC-CNI pod IPs (capped at usable) of its usable
//                addresses; a container CIDR: the per-node blocks of the planned nodes of those
//                of the nodes it holds; a service CIDR: the cluster's maxServices of the usable
//                ones. Used is capped at usable. percent is used/usable with one decimal. Blank
//                for the others.
//
// Rows come in the plan's order: VPCs (primary, secondary, IPv6), subnets (IPv4, IPv6), clusters
// (container, service), IDCs, resources with an address. Resources without an address have no
// row of their own; they appear in their subnet's used_by.
//
// Names are untrusted text. A cell that a spreadsheet would read as a formula (starting with =, +,
// -, @, a tab or a carriage return, after any spaces) gets a leading apostrophe.
import { globalRouterNumbers } from '../../domain/capacity/capacity';
import {
  cidrOf,
  contains,
  formatAddress,
  formatCidr,
  formatV4,
  ipOf,
  size,
  type Cidr,
} from '../../domain/ip/cidr';
import { clusterMode, label } from '../../domain/model/defaults';
import { PlanIndex } from '../../domain/model/plan-index';
import type { Cluster, Plan, Subnet, Vpc } from '../../domain/model/plan';
import {
  clusterUsage,
  percent,
  subnetUsage,
  vpcUsage,
  type Usage,
} from '../../domain/planning/utilisation';

export const CSV_HEADER = [
  'object',
  'kind',
  'cidr',
  'first_usable',
  'last_usable',
  'size',
  'used_by',
  'used',
  'usable',
  'percent',
] as const;

export type RangeKind =
  | 'vpc'
  | 'vpc-secondary'
  | 'vpc-ipv6'
  | 'subnet'
  | 'subnet-ipv6'
  | 'container'
  | 'service'
  | 'idc'
  | 'resource';

export interface AddressRow {
  readonly object: string;
  readonly kind: RangeKind;
  readonly cidr: string;
  readonly firstUsable: string;
  readonly lastUsable: string;
  readonly size: string;
  readonly usedBy: string;
  readonly used: string;
  readonly usable: string;
  readonly percent: string;
}

function range(
  object: string,
  kind: RangeKind,
  text: string,
  usedBy: string,
  subnetRules = false,
): AddressRow {
  const c: Cidr = text.includes('/') ? cidrOf(text) : ipOf(text);
  let first = formatAddress(c, 'lo');
  let last = formatAddress(c, 'hi');
  if (subnetRules && c.family === 4) {
    // Network address and gateway at the start, broadcast at the end.
    if (c.hi - c.lo + 1 > 3) {
      first = formatV4(c.lo + 2);
      last = formatV4(c.hi - 1);
    } else {
      first = '';
      last = '';
    }
  }
  return {
    object,
    kind,
    cidr: formatCidr(c),
    firstUsable: first,
    lastUsable: last,
    size: size(c).toString(),
    usedBy,
    used: '',
    usable: '',
    percent: '',
  };
}

function withUsage(row: AddressRow, u: Usage | undefined | null): AddressRow {
  if (!u) return row;
  return { ...row, used: String(u.used), usable: String(u.usable), percent: percent(u) };
}

const names = (list: readonly { id: string; name?: string }[]): string =>
  list.map((o) => label(o)).join(', ');

function subnetUsers(ix: PlanIndex, s: Subnet): string {
  const parts: string[] = [];
  const nodesOf = ix.plan.clusters.filter((c) => (c.nodeSubnets ?? []).includes(s.id));
  const podsOf = ix.plan.clusters.filter(
    (c) => clusterMode(c) === 'vpc-cni' && (c.podSubnets ?? []).includes(s.id),
  );
  if (nodesOf.length > 0) parts.push(`nodes of ${names(nodesOf)}`);
  if (podsOf.length > 0) parts.push(`pods of ${names(podsOf)}`);
  const resources = ix.resourcesIn(s.id);
  if (resources.length > 0)
    parts.push(
      `resources ${resources.map((r) => `${label(r)} (${r.kind}${r.ip ? `, ${r.ip}` : ''})`).join(', ')}`,
    );
  return parts.join('; ');
}

function vpcUsers(ix: PlanIndex, v: Vpc, text: string): string {
  const block = cidrOf(text);
  const inside = ix
    .subnetsOf(v.id)
    .filter((s) => [s.cidr, s.ipv6Cidr].some((t) => t !== undefined && contains(block, cidrOf(t))));
  const parts = [`VPC ${label(v)}`];
  if (inside.length > 0) parts.push(`subnets ${names(inside)}`);
  return parts.join('; ');
}

function clusterRows(ix: PlanIndex, c: Cluster): AddressRow[] {
  const rows: AddressRow[] = [];
  const cni = clusterMode(c) === 'vpc-cni';
  const usage = clusterUsage(ix, c.id);
  if (!cni && c.containerCidr) {
    const n = globalRouterNumbers(c);
    const per = `a /${n.perNodeCidrPrefix} per node`;
    const block = n.podsPerNodeRounded;
    const nodes =
      n.maxNodes === null
        ? null
        : { used: Math.min(c.nodeCount ?? 0, n.maxNodes) * block, usable: n.maxNodes * block };
    rows.push(
      withUsage(
        range(
          c.id,
          'container',
          c.containerCidr,
          `pods of ${label(c)} (${per}${n.maxNodes === null ? '' : `, up to ${n.maxNodes} nodes`})`,
        ),
        nodes,
      ),
    );
  }
  const services = usage?.services;
  if (c.serviceCidr)
    rows.push(
      withUsage(range(c.id, 'service', c.serviceCidr, `services of ${label(c)}`), services),
    );
  else if (!cni) {
    const carved = globalRouterNumbers(c).serviceCidr;
    if (carved)
      rows.push(
        withUsage(
          range(
            c.id,
            'service',
            carved,
            `services of ${label(c)} (carved from the end of container CIDR ${c.containerCidr})`,
          ),
          services,
        ),
      );
  }
  return rows;
}

/** Every range of the plan, in the order the CSV lists them. */
export function addressRows(plan: Plan): AddressRow[] {
  const ix = new PlanIndex(plan);
  const rows: AddressRow[] = [];
  for (const v of plan.vpcs) {
    const usage = vpcUsage(ix, v.id);
    rows.push(withUsage(range(v.id, 'vpc', v.cidr, vpcUsers(ix, v, v.cidr)), usage[0]));
    (v.secondaryCidrs ?? []).forEach((c, i) =>
      rows.push(withUsage(range(v.id, 'vpc-secondary', c, vpcUsers(ix, v, c)), usage[i + 1])),
    );
    if (v.ipv6Cidr) rows.push(range(v.id, 'vpc-ipv6', v.ipv6Cidr, vpcUsers(ix, v, v.ipv6Cidr)));
  }
  for (const s of plan.subnets) {
    const users = subnetUsers(ix, s);
    rows.push(withUsage(range(s.id, 'subnet', s.cidr, users, true), subnetUsage(ix, s.id)));
    if (s.ipv6Cidr) rows.push(range(s.id, 'subnet-ipv6', s.ipv6Cidr, users));
  }
  for (const c of plan.clusters) rows.push(...clusterRows(ix, c));
  for (const i of plan.idcs) {
    const link = i.link === 'direct-connect' ? 'Direct Connect' : 'VPN';
    const v = ix.vpc(i.vpc);
    const ccns = ix.ccnsOf(i.id).map((k) => `CCN ${label(k)}`);
    const to = [...(i.vpc !== undefined ? [`VPC ${label(v, i.vpc)}`] : []), ...ccns];
    for (const c of i.cidrs)
      rows.push(
        range(i.id, 'idc', c, `IDC ${label(i)} over ${link} to ${to.join(' and ') || 'nothing'}`),
      );
  }
  for (const r of plan.resources) {
    if (!r.ip) continue;
    const s = ix.subnet(r.subnet);
    rows.push(
      range(r.id, 'resource', r.ip, `${label(r)} (${r.kind}) in subnet ${label(s, r.subnet)}`),
    );
  }
  return rows;
}

/** A cell a spreadsheet will show as text: formula triggers get a leading apostrophe. */
export function neutralizeFormula(cell: string): string {
  return /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const cell = neutralizeFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The plan's address table as RFC 4180 CSV, with a header row; every line ends in CRLF. */
export function planToCsv(plan: Plan): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of addressRows(plan)) {
    lines.push(
      [
        r.object,
        r.kind,
        r.cidr,
        r.firstUsable,
        r.lastUsable,
        r.size,
        r.usedBy,
        r.used,
        r.usable,
        r.percent,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
