// The stable codes of docs/spec/rules.md. The designer shows them, `validate` prints them and
// tests match on them: never rename one.

export type Severity = 'error' | 'warning' | 'info';

export const RULES = {
  VPC_CIDR_RANGE: { severity: 'error', title: 'VPC CIDR outside the allowed ranges' },
  VPC_CIDR_OVERLAP: { severity: 'error', title: 'VPC CIDRs overlap each other' },
  SUBNET_OUTSIDE_VPC: { severity: 'error', title: 'Subnet outside its VPC' },
  SUBNET_MASK_RANGE: { severity: 'error', title: 'Subnet mask out of range' },
  SUBNET_OVERLAP: { severity: 'error', title: 'Subnets overlap' },
  SUBNET_ZONE_REGION_MISMATCH: { severity: 'warning', title: "Zone not in the VPC's region" },
  RESOURCE_IP_OUTSIDE_SUBNET: { severity: 'error', title: 'Resource IP outside its subnet' },
  RESOURCE_IP_RESERVED: { severity: 'error', title: 'Resource IP is reserved' },
  RESOURCE_IP_DUPLICATE: { severity: 'error', title: 'Two resources share an IP' },
  PEERING_CIDR_OVERLAP: { severity: 'error', title: 'Peered VPCs overlap' },
  CCN_CIDR_CONFLICT: { severity: 'warning', title: 'CCN route conflict' },
  CLUSTER_CIDR_MISSING: { severity: 'error', title: 'Container CIDR missing' },
  CLUSTER_CIDR_RANGE: { severity: 'error', title: 'Container CIDR not private' },
  CLUSTER_POD_NUM_RANGE: { severity: 'error', title: 'Pods per node out of range' },
  CLUSTER_SERVICE_NUM_RANGE: { severity: 'error', title: 'Service count out of range' },
  CLUSTER_POD_NUM_ROUNDED: { severity: 'info', title: 'Pods per node rounded up' },
  CLUSTER_SERVICE_NUM_ROUNDED: { severity: 'info', title: 'Service count rounded up' },
  CLUSTER_CIDR_TOO_SMALL: { severity: 'error', title: 'Container CIDR holds no node' },
  CLUSTER_CIDR_OVERLAPS_VPC: { severity: 'error', title: 'Container CIDR overlaps the VPC' },
  CLUSTER_CIDR_OVERLAPS_CLUSTER: {
    severity: 'error',
    title: 'Container CIDR overlaps another cluster',
  },
  CLUSTER_CIDR_OVERLAPS_CONNECTED: {
    severity: 'warning',
    title: 'Container CIDR overlaps a connected network',
  },
  SERVICE_CIDR_RANGE: { severity: 'error', title: 'Service CIDR not private' },
  SERVICE_CIDR_OVERLAPS_CONTAINER: {
    severity: 'error',
    title: 'Service CIDR overlaps the container CIDR',
  },
  SERVICE_CIDR_OVERLAPS_VPC: { severity: 'error', title: 'Service CIDR overlaps the VPC' },
  SERVICE_CIDR_OVERLAPS_CLUSTER: {
    severity: 'error',
    title: 'Service CIDR overlaps another cluster',
  },
  NODE_SUBNET_OTHER_VPC: { severity: 'error', title: 'Node subnet in another VPC' },
  NODE_SUBNET_MISSING: { severity: 'error', title: 'No node subnet' },
  NODE_COUNT_EXCEEDS_CAPACITY: { severity: 'warning', title: 'More nodes than fit' },
  SERVICE_CIDR_MISSING: { severity: 'error', title: 'Service CIDR missing' },
  POD_SUBNET_MISSING: { severity: 'error', title: 'No pod subnet' },
  POD_SUBNET_OTHER_VPC: { severity: 'error', title: 'Pod subnet in another VPC' },
  POD_SUBNET_SHARED: { severity: 'error', title: 'Pod subnet shared' },
  POD_SUBNET_ZONE_MISMATCH: { severity: 'warning', title: 'No pod subnet in the zone' },
  ROUTE_TARGET_INVALID: { severity: 'error', title: 'Route target invalid' },
  ROUTE_INSIDE_VPC: { severity: 'error', title: 'Route inside the VPC' },
  ROUTE_INSIDE_CLUSTER_CIDR: { severity: 'error', title: 'Route into a container CIDR' },
  ROUTE_SHADOWED_BY_CLUSTER: { severity: 'warning', title: 'Route shadowed by a cluster' },
  ROUTE_TABLE_OTHER_VPC: { severity: 'error', title: 'Route table of another VPC' },
  IDC_CIDR_OVERLAPS_VPC: { severity: 'error', title: 'IDC overlaps the VPC' },
  IDC_CIDR_OVERLAPS_CLUSTER: { severity: 'warning', title: 'IDC overlaps a container CIDR' },
  RESERVATION_OVERLAP: { severity: 'warning', title: 'A range overlaps a reservation' },
  RESERVATION_OVERLAP_RESERVATION: { severity: 'warning', title: 'Reservations overlap' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleCode = keyof typeof RULES;

export const PATH_REASONS = {
  NO_ROUTE: 'No route leads to the destination',
  NO_RETURN_ROUTE: 'The destination has no route back',
  NO_INTERNET_EGRESS: 'No NAT gateway and no public IP',
  SHADOWED_BY_CLUSTER_CIDR: 'The address is inside a container CIDR',
  CCN_ROUTE_DISABLED: 'The CCN route is disabled by a conflict',
  PEERING_NOT_TRANSITIVE: 'Peering is not transitive',
} as const;

export type PathReason = keyof typeof PATH_REASONS;

/** A way to fix a finding: set this field of this object to this value. */
export interface Suggestion {
  readonly object: string;
  readonly field: string;
  readonly value: string;
}

export interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  /** The ids involved, the offending object first. */
  readonly objects: readonly string[];
  /** One per object that has a range, in object order. */
  readonly ranges: readonly string[];
  readonly message: string;
  readonly suggestion?: Suggestion;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
