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

/** The path of the first object with `id`, in the lists' order. */
function firstUse(
  lists: readonly [string, IdKind, readonly { id: string }[]][],
  id: string,
): string {
  for (const [key, , list] of lists) {
    const i = list.findIndex((o) => o.id === id);
    if (i >= 0) return jsonPath([key, i]);
  }
  return '$';
}

const problem = (segments: readonly (string | number)[], message: string): PlanError => ({
  kind: 'integrity',
  path: jsonPath([...segments]),
  message,
});

/**
 * Checks every id and every reference of a plan; a plan of 100,000 objects is checked on each
 * remote edit of a shared plan, so nothing is allocated for a reference that is right.
 */
export function checkIntegrity(plan: PlanInput): PlanError | undefined {
  // Kinds only: an entry per id, nothing more allocated (where a duplicate's twin is, is found
  // again when there is one).
  const ids = new Map<string, IdKind>();
  const lists: [string, IdKind, readonly { id: string }[]][] = OBJECT_KINDS.map((kind) => [
    KINDS[kind].collection,
    kind,
    plan[KINDS[kind].collection] ?? [],
  ]);
  for (const [key, kind] of OTHER_ID_LISTS) lists.push([key, kind, plan[key] ?? []]);
  for (const [key, kind, list] of lists) {
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      if (o.id === 'internet') {
        return problem(
          [key, i, 'id'],
          'the id "internet" is kept for the internet itself; choose another',
        );
      }
      if (RESERVED_IDS.has(o.id))
        return problem(
          [key, i, 'id'],
          `the id ${JSON.stringify(o.id)} is reserved; choose another`,
        );
      if (ids.has(o.id)) {
        return problem(
          [key, i, 'id'],
          `duplicate id ${JSON.stringify(o.id)}: already used at ${firstUse(lists, o.id)}`,
        );
      }
      ids.set(o.id, kind);
    }
  }

  /** What is wrong with a reference to `value`, one of `kinds` (any kind if none), if anything. */
  const wrong = (value: string, kinds: readonly IdKind[]): string | undefined => {
    const found = ids.get(value);
    if (!found)
      return `expected the id of ${words(kinds)}, but no object has id ${JSON.stringify(value)}`;
    if (kinds.length > 0 && !kinds.includes(found))
      return `expected the id of ${words(kinds)}, but ${JSON.stringify(value)} is ${KIND_WORDS[found]}`;
    return undefined;
  };

  // Each kind's references, in the order its objects and their fields are written.
  for (const kind of OBJECT_KINDS) {
    const { collection, refs: facts } = kindFacts(kind);
    const list = (plan[collection] ?? []) as readonly Readonly<Record<string, unknown>>[];
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      for (const f of facts) {
        const value = o[f.field];
        if (value === undefined) continue;
        if (!f.many) {
          const bad = wrong(value as string, f.to);
          if (bad) return problem([collection, i, f.field], bad);
        } else {
          const values = value as readonly unknown[];
          for (let j = 0; j < values.length; j++) {
            const id =
              f.item === undefined ? values[j] : (values[j] as Record<string, string>)[f.item];
            const bad = wrong(id as string, f.to);
            if (bad)
              return problem(
                f.item === undefined
                  ? [collection, i, f.field, j]
                  : [collection, i, f.field, j, f.item],
                bad,
              );
          }
        }
      }
    }
  }
  const flows = plan.flows ?? [];
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!;
    const from = wrong(f.from, ['cluster', 'resource']);
    if (from) return problem(['flows', i, 'from'], from);
    if (f.to === 'internet') continue;
    if (ids.has(f.to)) {
      const to = wrong(f.to, ['cluster', 'resource', 'idc']);
      if (to) return problem(['flows', i, 'to'], to);
    } else if (!parseIp(f.to).ok) {
      return problem(
        ['flows', i, 'to'],
        `expected the id of a cluster, resource or IDC, "internet", or an IP address, got ${JSON.stringify(f.to)}`,
      );
    }
  }
  const reservations = plan.reservations ?? [];
  for (let i = 0; i < reservations.length; i++) {
    const vpc = reservations[i]!.vpc;
    const bad = vpc === undefined ? undefined : wrong(vpc, ['vpc']);
    if (bad) return problem(['reservations', i, 'vpc'], bad);
  }
  const comments = plan.comments ?? [];
  for (let i = 0; i < comments.length; i++) {
    // A comment is about something drawn or reserved, never about another comment: replies do that.
    const object = comments[i]!.object;
    const bad = object === undefined ? undefined : wrong(object, ABOUT);
    if (bad) return problem(['comments', i, 'object'], bad);
  }
  return undefined;
}

const ABOUT: readonly IdKind[] = [...OBJECT_KINDS, 'reservation'];
