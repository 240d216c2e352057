// The plan as the domain sees it: the networks an architect draws, exactly as the plan format
// (docs/spec/plan-format.md) writes them. Optional fields stay optional here, so that a plan
// read and written back says no more than its author did; defaults live in ./defaults.ts.

export const PLAN_FORMAT = 'cidr-canvas/plan';
export const PLAN_VERSION = 1;

export type ClusterMode = 'global-router' | 'vpc-cni';
export const CLUSTER_MODES: readonly ClusterMode[] = ['global-router', 'vpc-cni'];

export type ResourceKind = 'cdb' | 'redis' | 'memcached' | 'cvm' | 'clb' | 'other';
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'cdb',
  'redis',
  'memcached',
  'cvm',
  'clb',
  'other',
];

export type IdcLink = 'vpn' | 'direct-connect';
export const IDC_LINKS: readonly IdcLink[] = ['vpn', 'direct-connect'];

/** Fields a plan's author may add to any object that the format does not define are kept. */
interface Extra {
  readonly description?: string;
}

export interface Vpc extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly region?: string;
  readonly cidr: string;
  readonly secondaryCidrs?: readonly string[];
  readonly ipv6Cidr?: string;
}

export interface Subnet extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly vpc: string;
  readonly cidr: string;
  readonly ipv6Cidr?: string;
  readonly zone?: string;
  readonly routeTable?: string;
}

export interface Cluster extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly vpc: string;
  readonly mode?: ClusterMode;
  readonly nodeSubnets?: readonly string[];
  readonly nodeCount?: number;
  readonly nodePublicIp?: boolean;
  readonly containerCidr?: string;
  readonly maxPodsPerNode?: number;
  readonly maxServices?: number;
  readonly serviceCidr?: string;
  readonly podSubnets?: readonly string[];
  readonly nonMasqueradeCidrs?: readonly string[];
  readonly ignoreRouteConflict?: boolean;
}

export interface Resource extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly kind: ResourceKind;
  readonly subnet: string;
  readonly ip?: string;
}

export interface NatGateway extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly vpc: string;
}

export interface Peering extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly vpcs: readonly [string, string];
}

export interface Ccn extends Extra {
  readonly id: string;
  readonly name?: string;
  /** VPCs, registered clusters and IDCs, in the order they were attached. */
  readonly attachments: readonly string[];
}

export interface Idc extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly cidrs: readonly string[];
  /** Absent for an IDC reached only through a CCN it is attached to. */
  readonly vpc?: string;
  readonly link?: IdcLink;
  readonly returnRoutes?: readonly string[];
}

export interface Route {
  readonly destination: string;
  readonly target: string;
}

export interface RouteTable extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly vpc: string;
  readonly routes: readonly Route[];
}

export interface Flow {
  readonly from: string;
  readonly to: string;
}

/** A range kept free for later: address planning, no verdict depends on it. */
export interface Reservation extends Extra {
  readonly id: string;
  readonly name?: string;
  readonly cidr: string;
  /** Reserved in this VPC and what it connects to; absent: everywhere in the plan. */
  readonly vpc?: string;
  readonly note?: string;
}

export interface CommentReply {
  readonly author: string;
  readonly text: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** A review comment, pinned to an object or (no `object`) to the whole plan. */
export interface PlanComment {
  readonly id: string;
  readonly object?: string;
  readonly author: string;
  readonly text: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly resolved?: boolean;
  readonly replies?: readonly CommentReply[];
}

export interface LayoutBox {
  readonly x: number;
  readonly y: number;
  readonly width?: number;
  readonly height?: number;
}

export interface Plan {
  readonly format: typeof PLAN_FORMAT;
  readonly version: typeof PLAN_VERSION;
  readonly name?: string;
  readonly description?: string;
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly Subnet[];
  readonly clusters: readonly Cluster[];
  readonly resources: readonly Resource[];
  readonly natGateways: readonly NatGateway[];
  readonly peerings: readonly Peering[];
  readonly ccns: readonly Ccn[];
  readonly idcs: readonly Idc[];
  readonly routeTables: readonly RouteTable[];
  /** Absent means "the default set of paths"; an empty list asks for none. */
  readonly flows?: readonly Flow[];
  /** Optional lists kept as the author wrote them: absent stays absent when written back. */
  readonly reservations?: readonly Reservation[];
  readonly comments?: readonly PlanComment[];
  readonly layout?: Readonly<Record<string, LayoutBox>>;
}

/** Each kind of object the plan lists, and its type; ./kinds.ts holds what is known of each. */
export interface ObjectOfKind {
  vpc: Vpc;
  subnet: Subnet;
  cluster: Cluster;
  resource: Resource;
  natGateway: NatGateway;
  peering: Peering;
  ccn: Ccn;
  idc: Idc;
  routeTable: RouteTable;
}

export type ObjectKind = keyof ObjectOfKind;

export type PlanObject = ObjectOfKind[ObjectKind];

export { COLLECTIONS, KIND_OF_COLLECTION, objectCount, type Collection } from './kinds';

export function emptyPlan(name?: string): Plan {
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    ...(name === undefined ? {} : { name }),
    vpcs: [],
    subnets: [],
    clusters: [],
    resources: [],
    natGateways: [],
    peerings: [],
    ccns: [],
    idcs: [],
    routeTables: [],
  };
}
