// Which fields each kind of plan object shows in the inspector, in what order, labelled with the
// plan field's name in words, and where a choice's options come from.
import {
  CLUSTER_MODES,
  IDC_LINKS,
  RESOURCE_KINDS,
  type Collection,
  type Plan,
  type PlanObject,
} from '../../domain/model/plan';
import { label } from '../../domain/model/defaults';

export type Field =
  | { key: string; label: string; type: 'text'; optional?: boolean; hint?: string }
  | {
      key: string;
      label: string;
      type: 'cidr';
      family: 4 | 6 | 'any';
      optional?: boolean;
      hint?: string;
    }
  | { key: string; label: string; type: 'cidrs'; family: 4 | 6 | 'any'; hint?: string }
  | { key: string; label: string; type: 'ip'; hint?: string }
  | { key: string; label: string; type: 'count'; hint?: string }
  | { key: string; label: string; type: 'bool'; hint?: string }
  | {
      key: string;
      label: string;
      type: 'select';
      options: (p: Plan, o: PlanObject) => { value: string; label: string }[];
      optional?: boolean;
      hint?: string;
    }
  | {
      key: string;
      label: string;
      type: 'refs';
      options: (p: Plan, o: PlanObject) => { value: string; label: string }[];
      hint?: string;
    }
  | { key: string; label: string; type: 'readonly'; show: (p: Plan, o: PlanObject) => string }
  | { key: 'zone'; label: string; type: 'zone' };

const name: Field = { key: 'name', label: 'Name', type: 'text', optional: true };
const description: Field = {
  key: 'description',
  label: 'Description',
  type: 'text',
  optional: true,
};
const words = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const vpcName: Field = {
  key: 'vpc',
  label: 'VPC',
  type: 'readonly',
  show: (p, o) => label(p.vpcs.find((v) => v.id === (o as { vpc: string }).vpc)),
};
const subnetsOfVpc = (p: Plan, o: PlanObject) =>
  p.subnets
    .filter((s) => s.vpc === (o as { vpc: string }).vpc)
    .map((s) => ({ value: s.id, label: `${label(s)} (${s.cidr})` }));

export const FIELDS: Readonly<Record<Collection, readonly Field[]>> = {
  vpcs: [
    name,
    { key: 'region', label: 'Region', type: 'text', optional: true },
    {
      key: 'cidr',
      label: 'CIDR',
      type: 'cidr',
      family: 4,
      hint: 'Inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16',
    },
    {
      key: 'secondaryCidrs',
      label: 'Secondary CIDRs',
      type: 'cidrs',
      family: 4,
      hint: 'Comma or space separated',
    },
    { key: 'ipv6Cidr', label: 'IPv6 CIDR', type: 'cidr', family: 6, optional: true, hint: 'A /56' },
    description,
  ],
  subnets: [
    name,
    vpcName,
    { key: 'cidr', label: 'CIDR', type: 'cidr', family: 4 },
    {
      key: 'ipv6Cidr',
      label: 'IPv6 CIDR',
      type: 'cidr',
      family: 6,
      optional: true,
      hint: "A /64 inside the VPC's IPv6 range",
    },
    { key: 'zone', label: 'Zone', type: 'zone' },
    {
      key: 'routeTable',
      label: 'Route table',
      type: 'select',
      optional: true,
      options: (p, o) => [
        { value: '', label: 'Default (no custom routes)' },
        ...p.routeTables
          .filter((t) => t.vpc === (o as { vpc: string }).vpc)
          .map((t) => ({ value: t.id, label: label(t) })),
      ],
    },
    description,
  ],
  clusters: [
    name,
    vpcName,
    {
      key: 'mode',
      label: 'Mode',
      type: 'select',
      options: () =>
        CLUSTER_MODES.map((m) => ({
          value: m,
          label: m === 'global-router' ? 'GlobalRouter' : 'VPC-CNI',
        })),
    },
    { key: 'nodeSubnets', label: 'Node subnets', type: 'refs', options: subnetsOfVpc },
    { key: 'nodeCount', label: 'Node count', type: 'count', hint: 'Planned nodes' },
    {
      key: 'nodePublicIp',
      label: 'Node public IP',
      type: 'bool',
      hint: 'Nodes reach the internet without a NAT gateway',
    },
    {
      key: 'containerCidr',
      label: 'Container CIDR',
      type: 'cidr',
      family: 4,
      optional: true,
      hint: 'GlobalRouter: the pod network',
    },
    {
      key: 'maxPodsPerNode',
      label: 'Max pods per node',
      type: 'count',
      hint: 'Rounded up to a power of two; default 256',
    },
    {
      key: 'maxServices',
      label: 'Max services',
      type: 'count',
      hint: 'Rounded up to a power of two; default 256',
    },
    {
      key: 'serviceCidr',
      label: 'Service CIDR',
      type: 'cidr',
      family: 4,
      optional: true,
      hint: 'Empty: carved from the end of the container CIDR',
    },
    {
      key: 'podSubnets',
      label: 'Pod subnets',
      type: 'refs',
      options: subnetsOfVpc,
      hint: 'VPC-CNI: subnets pod IPs come from',
    },
    {
      key: 'nonMasqueradeCidrs',
      label: 'Non-masquerade CIDRs',
      type: 'cidrs',
      family: 4,
      hint: 'Empty: the container CIDR and the VPC CIDR',
    },
    { key: 'ignoreRouteConflict', label: 'Ignore route conflict', type: 'bool' },
    description,
  ],
  resources: [
    name,
    { key: 'kind', label: 'Kind', type: 'select', options: () => words(RESOURCE_KINDS) },
    {
      key: 'subnet',
      label: 'Subnet',
      type: 'select',
      options: (p, o) => {
        const home = p.subnets.find((s) => s.id === (o as { subnet: string }).subnet);
        return p.subnets
          .filter((s) => s.vpc === home?.vpc)
          .map((s) => ({ value: s.id, label: `${label(s)} (${s.cidr})` }));
      },
    },
    { key: 'ip', label: 'IP', type: 'ip', hint: 'Empty: any address of the subnet' },
    description,
  ],
  natGateways: [name, vpcName, description],
  peerings: [
    name,
    {
      key: 'vpcs',
      label: 'VPCs',
      type: 'readonly',
      show: (p, o) =>
        (o as unknown as { vpcs: string[] }).vpcs
          .map((v) =>
            label(
              p.vpcs.find((x) => x.id === v),
              v,
            ),
          )
          .join(' ↔ '),
    },
    description,
  ],
  ccns: [
    name,
    {
      key: 'attachments',
      label: 'Attachments',
      type: 'refs',
      options: (p) => [
        ...p.vpcs.map((v) => ({ value: v.id, label: `VPC ${label(v)}` })),
        ...p.clusters.map((c) => ({ value: c.id, label: `Cluster ${label(c)}` })),
        ...p.idcs.map((d) => ({ value: d.id, label: `IDC ${label(d)}` })),
      ],
      hint: 'In the order they were attached: a later conflicting route is disabled',
    },
    description,
  ],
  idcs: [
    name,
    {
      key: 'vpc',
      label: 'VPC',
      type: 'select',
      optional: true,
      options: (p) => [
        { value: '', label: 'None (reached through a CCN)' },
        ...p.vpcs.map((v) => ({ value: v.id, label: label(v) })),
      ],
      hint: 'An IDC on a CCN needs no VPC of its own',
    },
    {
      key: 'link',
      label: 'Link',
      type: 'select',
      options: () =>
        IDC_LINKS.map((l) => ({ value: l, label: l === 'vpn' ? 'VPN' : 'Direct Connect' })),
    },
    { key: 'cidrs', label: 'CIDRs', type: 'cidrs', family: 'any' },
    {
      key: 'returnRoutes',
      label: 'Return routes',
      type: 'cidrs',
      family: 'any',
      hint: "What the IDC routes back; empty: the VPC's primary CIDR and what its CCNs publish",
    },
    description,
  ],
  routeTables: [name, vpcName],
};
