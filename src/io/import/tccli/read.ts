// Tencent Cloud API responses (tccli output) as a plan. Each item is mapped on its own: a wrong
// one is a problem at its file and JSON path, and the others are still read, so that one import
// reports every problem at once.
import type { Ccn, Cluster, Idc, Plan, RouteTable, Subnet, Vpc } from '../../../domain/model/plan';
import { emptyPlan } from '../../../domain/model/plan';
import type { Mutable } from '../draft';
import { ImportError, type ImportProblem, type SkipList } from '../types';
import { mapObjects } from './objects';
import { need, readResponses, type Located } from './responses';
import { mapCcnAttachments, mapRoutes } from './routes';

/** What the responses have made so far: plan objects by their cloud ids, and the problems. */
export class ApiMapping {
  readonly problems: ImportProblem[] = [];
  readonly notes: string[] = [];
  readonly vpcs = new Map<string, Mutable<Vpc>>();
  readonly subnets = new Map<string, Mutable<Subnet>>();
  readonly tables = new Map<string, Mutable<RouteTable>>();
  readonly nats = new Map<string, { id: string; name?: string; vpc: string }>();
  readonly peerings = new Map<
    string,
    { id: string; name?: string; vpcs: readonly [string, string] }
  >();
  readonly ccns = new Map<string, Mutable<Ccn>>();
  readonly clusters = new Map<string, Mutable<Cluster>>();
  readonly idcs = new Map<string, Mutable<Idc>>();

  constructor(
    readonly sets: ReadonlyMap<string, Located[]>,
    readonly skipped: SkipList,
  ) {}

  /** Each item of a list, in the files' order or the one given; a wrong one is a problem. */
  each(key: string, f: (x: Located) => void, order?: (a: Located, b: Located) => number): void {
    const items = this.sets.get(key) ?? [];
    for (const x of order ? [...items].sort(order) : items) {
      try {
        f(x);
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        this.problems.push({ where: e.where, message: e.message });
      }
    }
  }

  needVpc(x: Located, key: string, owner: string): string {
    const id = need(x, key);
    if (!this.vpcs.has(id))
      throw new ImportError(
        `${x.where}.${key}`,
        `${owner} is in VPC ${id}, which is not in the input (add the DescribeVpcs response that lists it)`,
      );
    return id;
  }

  plan(): Plan {
    return {
      ...emptyPlan(),
      vpcs: [...this.vpcs.values()],
      subnets: [...this.subnets.values()],
      clusters: [...this.clusters.values()],
      natGateways: [...this.nats.values()],
      peerings: [...this.peerings.values()],
      ccns: [...this.ccns.values()],
      idcs: [...this.idcs.values()],
      routeTables: [...this.tables.values()],
    };
  }
}

export function readTccli(
  docs: readonly { name: string; doc: unknown }[],
  skipped: SkipList,
): { ok: true; plan: Plan; notes: string[] } | { ok: false; problems: ImportProblem[] } {
  const m = new ApiMapping(readResponses(docs), skipped);
  mapObjects(m);
  mapRoutes(m);
  mapCcnAttachments(m);
  if (m.problems.length > 0) return { ok: false, problems: m.problems };
  return { ok: true, notes: m.notes, plan: m.plan() };
}
