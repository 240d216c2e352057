// What one object of a plan says about another: ids unique, references to objects that exist
// and are of the right kind, flows between things that can talk. The first problem, in
// document order, is reported with its JSON path.
import { parseIp } from '../domain/ip/cidr';
import { COLLECTIONS, KIND_OF_COLLECTION, type ObjectKind } from '../domain/model/plan';
import { jsonPath, type PlanError } from './errors';
import type { PlanInput } from './schema';

/** Reservations and comments carry ids from the same space as objects, but are not drawn. */
type IdKind = ObjectKind | 'reservation' | 'comment';

/** Lists outside COLLECTIONS whose items carry an id unique across the plan. */
const OTHER_ID_LISTS = [
  ['reservations', 'reservation'],
  ['comments', 'comment'],
] as const;

const KIND_WORDS: Readonly<Record<IdKind, string>> = {
  vpc: 'a VPC',
  subnet: 'a subnet',
  cluster: 'a cluster',
  resource: 'a resource',
  natGateway: 'a NAT gateway',
  peering: 'a peering',
  ccn: 'a CCN',
  idc: 'an IDC',
  routeTable: 'a route table',
  reservation: 'a reservation',
  comment: 'a comment',
};

function words(kinds: readonly IdKind[]): string {
  const w = kinds.map((k) => KIND_WORDS[k]);
  return w.length <= 1 ? (w[0] ?? '') : `${w.slice(0, -1).join(', ')} or ${w[w.length - 1]}`;
}

/** Names that mean something to JavaScript objects: never ids, so no map keyed by id can be subverted. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

interface Seen {
  readonly kind: IdKind;
  readonly path: string;
}

export function checkIntegrity(plan: PlanInput): PlanError | undefined {
  const ids = new Map<string, Seen>();
  const lists: [string, IdKind, readonly { id: string }[]][] = COLLECTIONS.map((key) => [
    key,
    KIND_OF_COLLECTION[key],
    plan[key] ?? [],
  ]);
  for (const [key, kind] of OTHER_ID_LISTS) lists.push([key, kind, plan[key] ?? []]);
  for (const [key, kind, list] of lists) {
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      const path = jsonPath([key, i, 'id']);
      if (o.id === 'internet') {
        return {
          kind: 'integrity',
          path,
          message: 'the id "internet" is kept for the internet itself; choose another',
        };
      }
      if (RESERVED_IDS.has(o.id)) {
        return {
          kind: 'integrity',
          path,
          message: `the id ${JSON.stringify(o.id)} is reserved; choose another`,
        };
      }
      const before = ids.get(o.id);
      if (before) {
        return {
          kind: 'integrity',
          path,
          message: `duplicate id ${JSON.stringify(o.id)}: already used at ${before.path.slice(0, -3)}`,
        };
      }
      ids.set(o.id, { kind, path });
    }
  }

  const ref = (
    segments: (string | number)[],
    value: string,
    ...kinds: IdKind[]
  ): PlanError | undefined => {
    const found = ids.get(value);
    if (!found) {
      return {
        kind: 'integrity',
        path: jsonPath(segments),
        message: `expected the id of ${words(kinds)}, but no object has id ${JSON.stringify(value)}`,
      };
    }
    if (kinds.length > 0 && !kinds.includes(found.kind)) {
      return {
        kind: 'integrity',
        path: jsonPath(segments),
        message: `expected the id of ${words(kinds)}, but ${JSON.stringify(value)} is ${KIND_WORDS[found.kind]}`,
      };
    }
    return undefined;
  };
  const refs = (
    segments: (string | number)[],
    values: readonly string[] | undefined,
    ...kinds: IdKind[]
  ) => {
    for (let i = 0; i < (values ?? []).length; i++) {
      const e = ref([...segments, i], values![i]!, ...kinds);
      if (e) return e;
    }
    return undefined;
  };

  const checks: Array<() => PlanError | undefined> = [];
  (plan.subnets ?? []).forEach((s, i) => {
    checks.push(() => ref(['subnets', i, 'vpc'], s.vpc, 'vpc'));
    if (s.routeTable !== undefined)
      checks.push(() => ref(['subnets', i, 'routeTable'], s.routeTable!, 'routeTable'));
  });
  (plan.clusters ?? []).forEach((c, i) => {
    checks.push(() => ref(['clusters', i, 'vpc'], c.vpc, 'vpc'));
    checks.push(() => refs(['clusters', i, 'nodeSubnets'], c.nodeSubnets, 'subnet'));
    checks.push(() => refs(['clusters', i, 'podSubnets'], c.podSubnets, 'subnet'));
  });
  (plan.resources ?? []).forEach((r, i) =>
    checks.push(() => ref(['resources', i, 'subnet'], r.subnet, 'subnet')),
  );
  (plan.natGateways ?? []).forEach((n, i) =>
    checks.push(() => ref(['natGateways', i, 'vpc'], n.vpc, 'vpc')),
  );
  (plan.peerings ?? []).forEach((p, i) =>
    checks.push(() => refs(['peerings', i, 'vpcs'], p.vpcs, 'vpc')),
  );
  (plan.ccns ?? []).forEach((c, i) =>
    checks.push(() => refs(['ccns', i, 'attachments'], c.attachments, 'vpc', 'cluster', 'idc')),
  );
  (plan.idcs ?? []).forEach((d, i) => {
    if (d.vpc !== undefined) checks.push(() => ref(['idcs', i, 'vpc'], d.vpc!, 'vpc'));
  });
  (plan.routeTables ?? []).forEach((t, i) => {
    checks.push(() => ref(['routeTables', i, 'vpc'], t.vpc, 'vpc'));
    // Any existing object may be named as a target: one of the wrong kind is the finding ROUTE_TARGET_INVALID.
    t.routes.forEach((r, j) =>
      checks.push(() => ref(['routeTables', i, 'routes', j, 'target'], r.target)),
    );
  });
  (plan.flows ?? []).forEach((f, i) => {
    checks.push(() => ref(['flows', i, 'from'], f.from, 'cluster', 'resource'));
    checks.push(() => {
      if (f.to === 'internet') return undefined;
      if (ids.has(f.to)) return ref(['flows', i, 'to'], f.to, 'cluster', 'resource', 'idc');
      if (parseIp(f.to).ok) return undefined;
      return {
        kind: 'integrity',
        path: jsonPath(['flows', i, 'to']),
        message: `expected the id of a cluster, resource or IDC, "internet", or an IP address, got ${JSON.stringify(f.to)}`,
      };
    });
  });
  (plan.reservations ?? []).forEach((r, i) => {
    if (r.vpc !== undefined) checks.push(() => ref(['reservations', i, 'vpc'], r.vpc!, 'vpc'));
  });
  (plan.comments ?? []).forEach((c, i) => {
    // A comment is about something drawn or reserved, never about another comment: replies do that.
    if (c.object !== undefined)
      checks.push(() =>
        ref(
          ['comments', i, 'object'],
          c.object!,
          ...(Object.values(KIND_OF_COLLECTION) as IdKind[]),
          'reservation',
        ),
      );
  });
  for (const c of checks) {
    const e = c();
    if (e) return e;
  }
  return undefined;
}
