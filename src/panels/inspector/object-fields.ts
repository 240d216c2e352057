// Which fields each kind of plan object shows in the inspector, in what order, labelled with the
// plan field's name in words, and where a choice's options come from. What each accepts is not
// written here: it is the plan format's schema for the field (src/io/schema.ts).
import {
  CLUSTER_MODES,
  IDC_LINKS,
  RESOURCE_KINDS,
  type Collection,
  type Plan,
  type PlanObject,
} from '../../domain/model/plan';
import { label } from '../../domain/model/defaults';
import type { FieldOf } from '../../domain/ops/update';
import { fieldSchema, type FieldSchema } from '../../io/schema-fields';

const V6_PLACEHOLDER = '2402:4e00:1000::/56';

/** A field of a collection's objects; what it accepts is its schema's (see FIELDS). */
type Base<C extends Collection> = { key: FieldOf<C>; label: string; hint?: string };
type Options = (p: Plan, o: PlanObject) => { value: string; label: string }[];

export type FieldOfKind<C extends Collection> =
  | (Base<C> & { type: 'text' })
  | (Base<C> & { type: 'cidrs' })
  | (Base<C> & { type: 'ip' })
  | (Base<C> & { type: 'count' })
  | (Base<C> & { type: 'bool' })
  | (Base<C> & { type: 'cidr'; placeholder?: string })
  | (Base<C> & { type: 'select'; options: Options })
  | (Base<C> & { type: 'refs'; options: Options })
  | (Base<C> & { type: 'readonly'; show: (p: Plan, o: PlanObject) => string })
  | (Base<C> & { type: 'zone' });

/** A field of any collection, with the schema that parses it in a plan file. */
export type Field = { [C in Collection]: FieldOfKind<C> }[Collection] & {
  readonly schema: FieldSchema;
};

const name = { key: 'name', label: 'Name', type: 'text' } as const;
const description = { key: 'description', label: 'Description', type: 'text' } as const;
const words = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const vpcName = {
  key: 'vpc',
  label: 'VPC',
  type: 'readonly',
  show: (p: Plan, o: PlanObject) => label(p.vpcs.find((v) => v.id === (o as { vpc: string }).vpc)),
} as const;
const subnetsOfVpc = (p: Plan, o: PlanObject) =>
  p.subnets
    .filter((s) => s.vpc === (o as { vpc: string }).vpc)
    .map((s) => ({ value: s.id, label: `${label(s)} (${s.cidr})` }));

const KINDS: { readonly [C in Collection]: readonly FieldOfKind<C>[] } = {
  vpcs: [
    name,
    { key: 'region', label: 'Region', type: 'text' },
    {
      key: 'cidr',
      label: 'CIDR',
      type: 'cidr',
      hint: 'Inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16',
    },
    {
      key: 'secondaryCidrs',
      label: 'Secondary CIDRs',
      type: 'cidrs',
      hint: 'Comma or space separated',
    },
    {
      key: 'ipv6Cidr',
      label: 'IPv6 CIDR',
      type: 'cidr',
      placeholder: V6_PLACEHOLDER,
      hint: 'A /56',
    },
    description,
  ],
  subnets: [
    name,
    vpcName,
    { key: 'cidr', label: 'CIDR', type: 'cidr' },
    {
      key: 'ipv6Cidr',
      label: 'IPv6 CIDR',
      type: 'cidr',
      placeholder: V6_PLACEHOLDER,
      hint: "A /64 inside the VPC's IPv6 range",
    },
    { key: 'zone', label: 'Zone', type: 'zone' },
    {
      key: 'routeTable',
      label: 'Route table',
      type: 'select',
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
    { key: 'cidrs', label: 'CIDRs', type: 'cidrs' },
    {
      key: 'returnRoutes',
      label: 'Return routes',
      type: 'cidrs',
      hint: "What the IDC routes back; empty: the VPC's primary CIDR and what its CCNs publish",
    },
    description,
  ],
  routeTables: [name, vpcName],
};

/** A collection's fields, each with the schema its values must pass. */
function withSchemas<C extends Collection>(c: C): readonly Field[] {
  // FieldOfKind<C> is one member of Field's union; the compiler cannot pick it for a generic C.
  return KINDS[c].map((f) => ({ ...f, schema: fieldSchema(c, f.key) })) as readonly Field[];
}

/** Each collection's fields in the inspector, each checked by the plan format's own schema. */
export const FIELDS: { readonly [C in Collection]: readonly Field[] } = {
  vpcs: withSchemas('vpcs'),
  subnets: withSchemas('subnets'),
  clusters: withSchemas('clusters'),
  resources: withSchemas('resources'),
  natGateways: withSchemas('natGateways'),
  peerings: withSchemas('peerings'),
  ccns: withSchemas('ccns'),
  idcs: withSchemas('idcs'),
  routeTables: withSchemas('routeTables'),
};
