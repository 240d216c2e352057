// Deleting objects without leaving a plan that no longer reads: what lives inside a deleted
// object goes with it, and references to it (node subnets, CCN attachments, route targets,
// flows, layout) are dropped.
import { COLLECTION_OF_KIND, kindFacts, OBJECT_KINDS, refIds, type RefFact } from '../model/kinds';
import { COLLECTIONS, type Collection, type Plan } from '../model/plan';
import { unpinComments } from './notes';
import type { PlanOp } from './ops';
import { untypedUpdate } from './update';

export function collectionOf(plan: Plan, id: string): Collection | undefined {
  for (const c of COLLECTIONS) if (plan[c].some((o) => o.id === id)) return c;
  return undefined;
}

export { COLLECTION_OF_KIND };

/** The ids removed along with `ids`: everything inside them, transitively. */
export function closure(plan: Plan, ids: Iterable<string>): Set<string> {
  const gone = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    const add = (id: string) => {
      if (!gone.has(id)) {
        gone.add(id);
        grew = true;
      }
    };
    for (const kind of OBJECT_KINDS) {
      const { collection, refs } = kindFacts(kind);
      const holders = refs.filter((r) => r.onDelete.startsWith('remove'));
      if (holders.length === 0) continue;
      for (const o of plan[collection]) {
        if (gone.has(o.id)) continue;
        for (const r of holders) {
          if (!refIds(o, r).some((id) => gone.has(id))) continue;
          // An IDC still attached to a CCN outlives its VPC (it loses its `vpc`, below).
          if (r.onDelete === 'remove-unless-on-ccn' && onCcn(plan, o.id, gone)) continue;
          add(o.id);
        }
      }
    }
  }
  return gone;
}

/** What is left of a list reference once the ids in `gone` are dropped (items naming them, too). */
function kept(o: object, r: RefFact, gone: ReadonlySet<string>): unknown[] {
  const list = (o as Record<string, readonly unknown[]>)[r.field]!;
  return list.filter((x) => {
    const id = r.item === undefined ? x : (x as Record<string, string>)[r.item];
    return !gone.has(id as string);
  });
}

function onCcn(plan: Plan, id: string, gone: ReadonlySet<string>): boolean {
  return plan.ccns.some((c) => !gone.has(c.id) && c.attachments.includes(id));
}

/** Ops that delete `ids` and everything that cannot live without them. */
export function removeObjects(plan: Plan, ids: Iterable<string>): PlanOp[] {
  const gone = closure(plan, ids);
  const ops: PlanOp[] = [];
  for (const kind of OBJECT_KINDS) {
    const { collection, refs } = kindFacts(kind);
    for (const o of plan[collection]) {
      if (gone.has(o.id)) continue;
      const set: Record<string, unknown> = {};
      const unset: string[] = [];
      for (const r of refs) {
        if (!refIds(o, r).some((id) => gone.has(id))) continue;
        if (r.onDelete === 'drop') set[r.field] = kept(o, r, gone);
        else unset.push(r.field);
      }
      // The registry names the fields at run time: the one documented cast, in untypedUpdate.
      if (Object.keys(set).length > 0 || unset.length > 0)
        ops.push(untypedUpdate(collection, o.id, set, unset.length > 0 ? unset : undefined));
    }
  }
  if (plan.flows?.some((f) => gone.has(f.from) || gone.has(f.to))) {
    ops.push({
      op: 'flows',
      flows: plan.flows.filter((f) => !gone.has(f.from) && !gone.has(f.to)),
    });
  }
  // A reservation kept for a VPC goes with it; comments stay, about the plan.
  const goneNotes = new Set(gone);
  for (const r of plan.reservations ?? []) {
    if (gone.has(r.id) || (r.vpc !== undefined && gone.has(r.vpc))) {
      goneNotes.add(r.id);
      ops.push({ op: 'reservation', id: r.id, value: null });
    }
  }
  ops.push(...unpinComments(plan, goneNotes));
  for (const id of gone) {
    if (plan.layout?.[id]) ops.push({ op: 'layout', id, box: null });
  }
  for (const c of COLLECTIONS) {
    for (const o of plan[c])
      if (gone.has(o.id)) ops.push({ op: 'remove', collection: c, id: o.id });
  }
  return ops;
}
