// Reservations and review comments as edits: each helper returns plain ops (see ./ops.ts) that
// the store applies and undoes like any other edit. None of them changes a path verdict.
import type { CommentReply, Plan, PlanComment, Reservation } from '../model/plan';
import { newId } from './create';
import type { PlanOp } from './ops';

function findReservation(plan: Plan, id: string): Reservation {
  const r = plan.reservations?.find((x) => x.id === id);
  if (!r) throw new Error(`no reservation with id ${id}`);
  return r;
}

function findComment(plan: Plan, id: string): PlanComment {
  const c = plan.comments?.find((x) => x.id === id);
  if (!c) throw new Error(`no comment with id ${id}`);
  return c;
}

/** Optional fields given as undefined are left out, as a plan read from a file would have them. */
function defined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function createReservation(
  plan: Plan,
  fields: Omit<Reservation, 'id'>,
): { id: string; ops: PlanOp[] } {
  const id = newId(plan, 'rsv');
  return { id, ops: [{ op: 'reservation', id, value: defined({ id, ...fields }) }] };
}

/** Sets fields of a reservation; a field given as undefined is removed (e.g. `vpc`: everywhere). */
export function updateReservation(
  plan: Plan,
  id: string,
  set: Partial<Omit<Reservation, 'id'>>,
): PlanOp[] {
  return [{ op: 'reservation', id, value: defined({ ...findReservation(plan, id), ...set, id }) }];
}

export function deleteReservation(plan: Plan, id: string): PlanOp[] {
  findReservation(plan, id);
  return [{ op: 'reservation', id, value: null }];
}

export function addComment(
  plan: Plan,
  fields: { object?: string; author: string; text: string; createdAt: string },
): { id: string; ops: PlanOp[] } {
  const id = newId(plan, 'cm');
  return { id, ops: [{ op: 'comment', id, value: defined({ id, ...fields }) }] };
}

export function editComment(plan: Plan, id: string, text: string): PlanOp[] {
  return [{ op: 'comment', id, value: { ...findComment(plan, id), text } }];
}

export function replyToComment(plan: Plan, id: string, reply: CommentReply): PlanOp[] {
  const c = findComment(plan, id);
  return [{ op: 'comment', id, value: { ...c, replies: [...(c.replies ?? []), reply] } }];
}

export function resolveComment(plan: Plan, id: string, resolved: boolean): PlanOp[] {
  return [{ op: 'comment', id, value: { ...findComment(plan, id), resolved } }];
}

export function deleteComment(plan: Plan, id: string): PlanOp[] {
  findComment(plan, id);
  return [{ op: 'comment', id, value: null }];
}

/** Comments about objects that are going away become comments on the plan (`object` removed). */
export function unpinComments(plan: Plan, gone: ReadonlySet<string>): PlanOp[] {
  const ops: PlanOp[] = [];
  for (const c of plan.comments ?? []) {
    if (c.object === undefined || !gone.has(c.object)) continue;
    const { object: _object, ...rest } = c;
    ops.push({ op: 'comment', id: c.id, value: rest });
  }
  return ops;
}
