// What a mapping of Terraform resources has made so far: the plan objects by the id other
// resources refer to them with, and the problems found. Each resource is mapped on its own: a
// wrong one is a problem with its address, and the others are still read, so that one import
// reports every problem at once.
import type {
  Ccn,
  Cluster,
  Idc,
  NatGateway,
  Peering,
  Plan,
  Resource,
  RouteTable,
  Subnet,
  Vpc,
} from '../../../domain/model/plan';
import { emptyPlan } from '../../../domain/model/plan';
import type { Mutable } from '../draft';
import { Unresolved } from '../hcl/value';
import { renameIds } from '../rename';
import type { TfResource, TfView } from '../resources';
import { ImportError, type ImportProblem, type SkipList } from '../types';
import { MAPPED_TYPES, skipReason } from './resource-types';
import { need } from './values';

export class Mapping {
  readonly problems: ImportProblem[] = [];
  readonly notes: string[] = [];
  readonly byType = new Map<string, TfResource[]>();

  readonly vpcs = new Map<string, Mutable<Vpc>>();
  readonly subnets = new Map<string, Mutable<Subnet>>();
  readonly tables = new Map<string, Mutable<RouteTable>>();
  readonly nats = new Map<string, NatGateway>();
  readonly peerings = new Map<string, Peering>();
  readonly ccns = new Map<string, Mutable<Ccn>>();
  readonly clusters = new Map<string, Mutable<Cluster>>();
  readonly resources = new Map<string, Resource>();
  readonly idcs = new Map<string, Mutable<Idc>>();
  /** CVM private IP → resource id, for NORMAL_CVM next hops. */
  readonly cvmByIp = new Map<string, string>();
  /** VPN gateway id → the IDCs (customer gateways) its connections reach. */
  readonly idcsOfVpnGateway = new Map<string, string[]>();
  /** VPN gateway id → its VPC, when it is a VPC gateway. */
  readonly vpnGatewayVpc = new Map<string, string | undefined>();
  readonly ccnGatewayIdcs = new Map<string, string[]>();
  /** Reference id (what other resources hold) → the plan id of the object made from it. */
  readonly planIds = new Map<string, string>();

  constructor(
    resources: readonly TfResource[],
    readonly skipped: SkipList,
  ) {
    for (const r of resources) {
      if (!MAPPED_TYPES.has(r.type)) {
        skipped.add(r.type, r.address, skipReason(r.type));
        continue;
      }
      let list = this.byType.get(r.type);
      if (!list) this.byType.set(r.type, (list = []));
      list.push(r);
    }
  }

  each(type: string, f: (r: TfResource) => void): void {
    for (const r of this.byType.get(type) ?? []) {
      try {
        if (r.planId !== undefined && !this.planIds.has(r.id)) this.planIds.set(r.id, r.planId);
        f(r);
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        this.problems.push({ where: e.where, message: `${r.address}: ${e.message}` });
      }
    }
  }

  /**
   * An optional value (a zone, an allocated IPv6 range, a private address) that the input does
   * not determine (a variable without a default, known only after apply) is left out and said so,
   * not guessed; a value that is there and wrong still stops the import.
   */
  optional<T>(v: TfView, name: string, read: () => T | undefined): T | undefined {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof Unresolved)) throw e;
      this.notes.push(`${e.where}: ${e.message}: left out`);
      return undefined;
    }
  }

  /** An id that must name an object of this input; the message says which type was expected. */
  ref<T>(map: Map<string, T>, v: TfView, name: string, type: string, value?: string): string {
    const id = value ?? need(v, name);
    if (!map.has(id))
      throw new ImportError(
        v.where(name),
        `${name} ${JSON.stringify(id)} names no ${type} in the input`,
      );
    return id;
  }

  subnetRef(v: TfView, name: string, value?: string): string {
    return this.ref(this.subnets, v, name, 'tencentcloud_subnet', value);
  }

  /** What has been mapped, as a plan: objects take the plan ids the input carries. */
  plan(): Plan {
    return renameIds(
      {
        ...emptyPlan(),
        vpcs: [...this.vpcs.values()],
        subnets: [...this.subnets.values()],
        clusters: [...this.clusters.values()],
        resources: [...this.resources.values()],
        natGateways: [...this.nats.values()],
        peerings: [...this.peerings.values()],
        ccns: [...this.ccns.values()],
        idcs: [...this.idcs.values()],
        routeTables: [...this.tables.values()],
      },
      (id) => this.planIds.get(id) ?? id,
    );
  }
}
