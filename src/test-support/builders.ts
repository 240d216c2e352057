// Small plans for tests, written the way the spec's examples are: a VPC with node and data
// subnets, a GlobalRouter cluster and a database, each overridable.
import type {
  Ccn,
  Cluster,
  Flow,
  Idc,
  LayoutBox,
  NatGateway,
  Peering,
  Plan,
  PlanComment,
  Reservation,
  Resource,
  RouteTable,
  Subnet,
  Vpc,
} from '../domain/model/plan';
import { emptyPlan } from '../domain/model/plan';

export interface PlanParts {
  name?: string;
  vpcs?: Vpc[];
  subnets?: Subnet[];
  clusters?: Cluster[];
  resources?: Resource[];
  natGateways?: NatGateway[];
  peerings?: Peering[];
  ccns?: Ccn[];
  idcs?: Idc[];
  routeTables?: RouteTable[];
  flows?: Flow[];
  reservations?: Reservation[];
  comments?: PlanComment[];
  layout?: Record<string, LayoutBox>;
}

export function plan(parts: PlanParts = {}): Plan {
  return { ...emptyPlan(parts.name ?? 'test'), ...parts };
}

export const vpc = (id: string, cidr: string, extra: Partial<Vpc> = {}): Vpc => ({
  id,
  name: id,
  cidr,
  ...extra,
});

export const subnet = (
  id: string,
  vpcId: string,
  cidr: string,
  extra: Partial<Subnet> = {},
): Subnet => ({
  id,
  name: id,
  vpc: vpcId,
  cidr,
  ...extra,
});

export const cluster = (id: string, vpcId: string, extra: Partial<Cluster> = {}): Cluster => ({
  id,
  name: id,
  vpc: vpcId,
  mode: 'global-router',
  ...extra,
});

export const resource = (
  id: string,
  subnetId: string,
  ip?: string,
  extra: Partial<Resource> = {},
): Resource => ({
  id,
  name: id,
  kind: 'cdb',
  subnet: subnetId,
  ...(ip === undefined ? {} : { ip }),
  ...extra,
});

export const nat = (id: string, vpcId: string): NatGateway => ({ id, name: id, vpc: vpcId });

export const peering = (id: string, a: string, b: string): Peering => ({
  id,
  name: id,
  vpcs: [a, b],
});

export const ccn = (id: string, attachments: string[]): Ccn => ({ id, name: id, attachments });

export const idc = (id: string, vpcId: string, cidrs: string[], extra: Partial<Idc> = {}): Idc => ({
  id,
  name: id,
  vpc: vpcId,
  cidrs,
  link: 'vpn',
  ...extra,
});

/** An IDC reached only through the CCNs it is attached to: no VPC of its own. */
export const ccnIdc = (id: string, cidrs: string[], extra: Partial<Idc> = {}): Idc => ({
  id,
  name: id,
  cidrs,
  link: 'direct-connect',
  ...extra,
});

export const reservation = (
  id: string,
  cidr: string,
  extra: Partial<Reservation> = {},
): Reservation => ({ id, name: id, cidr, ...extra });

export const comment = (
  id: string,
  text: string,
  extra: Partial<PlanComment> = {},
): PlanComment => ({ id, author: 'Li Wei', text, createdAt: '2026-12-01T09:30:00Z', ...extra });

export const table = (id: string, vpcId: string, routes: Array<[string, string]>): RouteTable => ({
  id,
  name: id,
  vpc: vpcId,
  routes: routes.map(([destination, target]) => ({ destination, target })),
});

/**
 * The spec's base plan: VPC prod 10.0.0.0/16, node subnet 10.0.1.0/24, data subnet 10.0.2.0/24,
 * cluster cls-1 with container CIDR 172.16.0.0/16, database db-1 at 10.0.2.10.
 */
export function basePlan(overrides: PlanParts = {}): Plan {
  return plan({
    vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: 'prod' })],
    subnets: [
      subnet('sn-node', 'vpc-a', '10.0.1.0/24', { zone: 'ap-guangzhou-3' }),
      subnet('sn-db', 'vpc-a', '10.0.2.0/24', { zone: 'ap-guangzhou-3' }),
    ],
    clusters: [
      cluster('cls-1', 'vpc-a', {
        nodeSubnets: ['sn-node'],
        containerCidr: '172.16.0.0/16',
        maxPodsPerNode: 256,
        maxServices: 256,
      }),
    ],
    resources: [resource('db-1', 'sn-db', '10.0.2.10')],
    ...overrides,
  });
}
