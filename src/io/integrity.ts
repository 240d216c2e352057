// What one object of a plan says about another: ids unique, references to objects that exist
// and are of the right kind, flows between things that can talk. The first problem, in
// document order, is reported with its JSON path.
import { parseIp } from '../domain/ip/cidr';
import { KINDS, kindFacts, OBJECT_KINDS, withArticle } from '../domain/model/kinds';
import type { ObjectKind } from '../domain/model/plan';
import { jsonPath, type PlanError } from './errors';
import type { PlanInput } from './schema';

/** Reservations and comments carry ids from the same space as objects, but are not drawn. */
type IdKind = ObjectKind | 'reservation' | 'comment';

/** Lists outside the kinds' collections whose items carry an id unique across the plan. */
const OTHER_ID_LISTS = [
  ['reservations', 'reservation'],
  ['comments', 'comment'],
] as const;

const KIND_WORDS: Readonly<Record<IdKind, string>> = {
  ...(Object.fromEntries(OBJECT_KINDS.map((k) => [k, withArticle(k)])) as Record<
    ObjectKind,
    string
  >),
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
  const lists: [string, IdKind, readonly { id: string }[]][] = OBJECT_KINDS.map((kind) => [
    KINDS[kind].collection,
    kind,
    plan[KINDS[kind].collection] ?? [],
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
  // Each kind's references, in the order its objects and their fields are written.
  for (const kind of OBJECT_KINDS) {
    const { collection, refs: facts } = kindFacts(kind);
    const list = (plan[collection] ?? []) as readonly Readonly<Record<string, unknown>>[];
    list.forEach((o, i) => {
      for (const f of facts) {
        const value = o[f.field];
        if (value === undefined) continue;
        if (!f.many) checks.push(() => ref([collection, i, f.field], value as string, ...f.to));
        else if (f.item === undefined)
          checks.push(() => refs([collection, i, f.field], value as string[], ...f.to));
        else
          (value as readonly Record<string, string>[]).forEach((x, j) =>
            checks.push(() => ref([collection, i, f.field, j, f.item!], x[f.item!]!, ...f.to)),
          );
      }
    });
  }
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
      checks.push(() => ref(['comments', i, 'object'], c.object!, ...OBJECT_KINDS, 'reservation'));
  });
  for (const c of checks) {
    const e = c();
    if (e) return e;
  }
  return undefined;
}
