// Deleting objects without leaving a plan that no longer reads: what lives inside a deleted
// object goes with it, and references to it (node subnets, CCN attachments, route targets,
// flows, layout) are dropped.
import {
  COLLECTIONS,
  KIND_OF_COLLECTION,
  type Collection,
  type ObjectKind,
  type Plan,
} from '../model/plan';
import { unpinComments } from './notes';
import type { PlanOp } from './ops';

const COLLECTION_OF_KIND = Object.fromEntries(
  COLLECTIONS.map((c) => [KIND_OF_COLLECTION[c], c]),
) as Record<ObjectKind, Collection>;

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
    for (const s of plan.subnets) if (gone.has(s.vpc)) add(s.id);
    for (const c of plan.clusters) if (gone.has(c.vpc)) add(c.id);
    for (const n of plan.natGateways) if (gone.has(n.vpc)) add(n.id);
    for (const t of plan.routeTables) if (gone.has(t.vpc)) add(t.id);
    // An IDC still attached to a CCN outlives its VPC (it loses its `vpc`, below).
    for (const i of plan.idcs)
      if (i.vpc !== undefined && gone.has(i.vpc) && !onCcn(plan, i.id, gone)) add(i.id);
    for (const p of plan.peerings) if (p.vpcs.some((v) => gone.has(v))) add(p.id);
    for (const r of plan.resources) if (gone.has(r.subnet)) add(r.id);
  }
  return gone;
}

function onCcn(plan: Plan, id: string, gone: ReadonlySet<string>): boolean {
  return plan.ccns.some((c) => !gone.has(c.id) && c.attachments.includes(id));
}

/** Ops that delete `ids` and everything that cannot live without them. */
export function removeObjects(plan: Plan, ids: Iterable<string>): PlanOp[] {
  const gone = closure(plan, ids);
  const ops: PlanOp[] = [];
  const keep = (list: readonly string[] | undefined) => (list ?? []).filter((x) => !gone.has(x));
  for (const c of plan.clusters) {
    if (gone.has(c.id)) continue;
    const set: { nodeSubnets?: string[]; podSubnets?: string[] } = {};
    if (c.nodeSubnets?.some((x) => gone.has(x))) set.nodeSubnets = keep(c.nodeSubnets);
    if (c.podSubnets?.some((x) => gone.has(x))) set.podSubnets = keep(c.podSubnets);
    if (Object.keys(set).length > 0)
      ops.push({ op: 'update', collection: 'clusters', id: c.id, set });
  }
  for (const s of plan.subnets) {
    if (!gone.has(s.id) && s.routeTable && gone.has(s.routeTable)) {
      ops.push({ op: 'update', collection: 'subnets', id: s.id, set: {}, unset: ['routeTable'] });
    }
  }
  for (const c of plan.ccns) {
    if (!gone.has(c.id) && c.attachments.some((a) => gone.has(a))) {
      ops.push({
        op: 'update',
        collection: 'ccns',
        id: c.id,
        set: { attachments: keep(c.attachments) },
      });
    }
  }
  for (const t of plan.routeTables) {
    if (!gone.has(t.id) && t.routes.some((r) => gone.has(r.target))) {
      ops.push({
        op: 'update',
        collection: 'routeTables',
        id: t.id,
        set: { routes: t.routes.filter((r) => !gone.has(r.target)) },
      });
    }
  }
  if (plan.flows?.some((f) => gone.has(f.from) || gone.has(f.to))) {
    ops.push({
      op: 'flows',
      flows: plan.flows.filter((f) => !gone.has(f.from) && !gone.has(f.to)),
    });
  }
  for (const i of plan.idcs) {
    if (!gone.has(i.id) && i.vpc !== undefined && gone.has(i.vpc))
      ops.push({ op: 'update', collection: 'idcs', id: i.id, set: {}, unset: ['vpc'] });
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
