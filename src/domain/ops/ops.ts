// Edits as data. Every change to a plan (an edit in the designer, an undo, a message to the
// validation worker, later a co-editor's change) is a list of these plain, serializable ops,
// applied by one pure function that also returns the ops that undo it.
import type {
  Collection,
  Flow,
  LayoutBox,
  Plan,
  PlanComment,
  PlanObject,
  Reservation,
} from '../model/plan';
import { untypedUpdate, type UpdateOp } from './update';

export type { FieldOf, FieldsOf, ItemOf, OptionalFieldOf, UpdateOf, UpdateOp } from './update';

/** The plan's lists that hold no network object: what they say changes no verdict. */
export type NoteList = 'reservations' | 'comments';

export type PlanOp =
  | {
      readonly op: 'insert';
      readonly collection: Collection;
      readonly object: PlanObject;
      readonly index?: number;
    }
  | { readonly op: 'remove'; readonly collection: Collection; readonly id: string }
  | UpdateOp
  | { readonly op: 'layout'; readonly id: string; readonly box: LayoutBox | null }
  | { readonly op: 'name'; readonly name: string | null }
  | { readonly op: 'flows'; readonly flows: readonly Flow[] | null }
  /**
   * A reservation or comment set to `value` (inserted at `index`, default last, when the id is
   * new) or deleted (`value` null). `dropEmpty`: a delete that empties the list removes the list,
   * so that undoing the first insert into a plan without the list gives that plan back.
   */
  | {
      readonly op: 'reservation';
      readonly id: string;
      readonly value: Reservation | null;
      readonly index?: number;
      readonly dropEmpty?: boolean;
    }
  | {
      readonly op: 'comment';
      readonly id: string;
      readonly value: PlanComment | null;
      readonly index?: number;
      readonly dropEmpty?: boolean;
    }
  | { readonly op: 'replace'; readonly plan: Plan };

/** Ops that change nothing the validation core reads (where things sit on the canvas, the name). */
export function isCosmetic(op: PlanOp): boolean {
  return op.op === 'layout' || op.op === 'name';
}

export interface Applied {
  readonly plan: Plan;
  /** Ops that, applied to `plan`, give back the plan before: in the order to apply them. */
  readonly inverse: PlanOp[];
}

function list(plan: Plan, c: Collection): readonly PlanObject[] {
  return plan[c];
}

function withList(plan: Plan, c: Collection, items: readonly PlanObject[]): Plan {
  return { ...plan, [c]: items };
}

function applyOne(plan: Plan, op: PlanOp): Applied {
  switch (op.op) {
    case 'insert': {
      const items = list(plan, op.collection);
      if (items.some((o) => o.id === op.object.id))
        throw new Error(`insert: id ${op.object.id} already exists`);
      const index =
        op.index === undefined ? items.length : Math.max(0, Math.min(op.index, items.length));
      const next = [...items.slice(0, index), op.object, ...items.slice(index)];
      return {
        plan: withList(plan, op.collection, next),
        inverse: [{ op: 'remove', collection: op.collection, id: op.object.id }],
      };
    }
    case 'remove': {
      const items = list(plan, op.collection);
      const index = items.findIndex((o) => o.id === op.id);
      if (index < 0) throw new Error(`remove: no ${op.collection} with id ${op.id}`);
      const next = [...items.slice(0, index), ...items.slice(index + 1)];
      return {
        plan: withList(plan, op.collection, next),
        inverse: [{ op: 'insert', collection: op.collection, object: items[index]!, index }],
      };
    }
    case 'update': {
      const items = list(plan, op.collection);
      const index = items.findIndex((o) => o.id === op.id);
      if (index < 0) throw new Error(`update: no ${op.collection} with id ${op.id}`);
      const before = items[index]! as unknown as Record<string, unknown>;
      // Read as plain fields: ops also arrive from storage, the worker and co-editors.
      const fields: Readonly<Record<string, unknown>> = op.set;
      if ('id' in fields && fields.id !== op.id)
        throw new Error('update: ids do not change; remove and insert instead');
      const after: Record<string, unknown> = { ...before, ...fields };
      for (const k of op.unset ?? []) delete after[k];
      const set: Record<string, unknown> = {};
      const unset: string[] = [];
      for (const k of [...Object.keys(fields), ...(op.unset ?? [])]) {
        if (k in before) set[k] = before[k];
        else unset.push(k);
      }
      const next = [...items];
      next[index] = after as unknown as PlanObject;
      return {
        plan: withList(plan, op.collection, next),
        inverse: [untypedUpdate(op.collection, op.id, set, unset)],
      };
    }
    case 'layout': {
      const layout = { ...(plan.layout ?? {}) };
      const before = layout[op.id] ?? null;
      if (op.box === null) delete layout[op.id];
      else layout[op.id] = op.box;
      const next = { ...plan, layout } as { -readonly [K in keyof Plan]: Plan[K] };
      // No positions and no layout are the same thing: keep undo exact either way.
      if (Object.keys(layout).length === 0) delete next.layout;
      return { plan: next, inverse: [{ op: 'layout', id: op.id, box: before }] };
    }
    case 'name': {
      const next = { ...plan } as { -readonly [K in keyof Plan]: Plan[K] };
      if (op.name === null) delete next.name;
      else next.name = op.name;
      return { plan: next, inverse: [{ op: 'name', name: plan.name ?? null }] };
    }
    case 'flows': {
      const next = { ...plan } as { -readonly [K in keyof Plan]: Plan[K] };
      if (op.flows === null) delete next.flows;
      else next.flows = op.flows;
      return { plan: next, inverse: [{ op: 'flows', flows: plan.flows ?? null }] };
    }
    case 'reservation':
      return setNote(plan, 'reservations', op);
    case 'comment':
      return setNote(plan, 'comments', op);
    case 'replace':
      return { plan: op.plan, inverse: [{ op: 'replace', plan }] };
  }
}

function setNote(
  plan: Plan,
  key: NoteList,
  op: Extract<PlanOp, { op: 'reservation' | 'comment' }>,
): Applied {
  const had = plan[key];
  const items: readonly { id: string }[] = had ?? [];
  const at = items.findIndex((o) => o.id === op.id);
  const next = { ...plan } as { -readonly [K in keyof Plan]: Plan[K] };
  const put = (list: readonly { id: string }[]) => {
    (next as Record<string, unknown>)[key] = list;
  };
  const undo = (value: { id: string } | null, extra: { index?: number; dropEmpty?: boolean }) =>
    ({ op: op.op, id: op.id, value, ...extra }) as PlanOp;
  if (op.value === null) {
    if (at < 0) throw new Error(`${op.op}: no ${key} item with id ${op.id}`);
    const rest = [...items.slice(0, at), ...items.slice(at + 1)];
    if (rest.length === 0 && op.dropEmpty) delete next[key];
    else put(rest);
    return { plan: next, inverse: [undo(items[at]!, { index: at })] };
  }
  if (op.value.id !== op.id) throw new Error(`${op.op}: the value's id is not ${op.id}`);
  if (at >= 0) {
    put(items.map((o, i) => (i === at ? op.value! : o)));
    return { plan: next, inverse: [undo(items[at]!, {})] };
  }
  const index =
    op.index === undefined ? items.length : Math.max(0, Math.min(op.index, items.length));
  put([...items.slice(0, index), op.value, ...items.slice(index)]);
  return { plan: next, inverse: [undo(null, had === undefined ? { dropEmpty: true } : {})] };
}

/** Applies ops in order. Throws on an op that does not fit the plan (a bug in its producer). */
export function applyOps(plan: Plan, ops: readonly PlanOp[]): Applied {
  let current = plan;
  const inverse: PlanOp[] = [];
  for (const op of ops) {
    const r = applyOne(current, op);
    current = r.plan;
    inverse.unshift(...r.inverse);
  }
  return { plan: current, inverse };
}
