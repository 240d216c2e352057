// Undo in a plan several people edit: a step takes back only what is still as this person left
// it. When someone else changed a field (or moved a box) after this person's edit, undoing the
// edit keeps their value instead of putting the old one back over it, as Yjs's own undo manager
// would. Working alone nothing is skipped: later edits of one's own are undone first.
import { planIndexOf } from '../model/plan-index';
import type { Collection, Plan } from '../model/plan';
import { sameJson } from '../model/same-json';
import type { PlanOp } from './ops';
import { untypedUpdate } from './update';

const ABSENT = Symbol('absent');
type Value = unknown;

const fieldKey = (collection: Collection, id: string, field: string) =>
  `${collection}\u0000${id}\u0000${field}`;

/**
 * What `done` left behind: each field it set or unset (ABSENT), each layout box it wrote (null:
 * removed), by the last op that touched it.
 */
function leftBehind(done: readonly PlanOp[]) {
  const fields = new Map<string, Value>();
  const boxes = new Map<string, Value>();
  for (const op of done) {
    if (op.op === 'update') {
      for (const [field, value] of Object.entries(op.set))
        fields.set(fieldKey(op.collection, op.id, field), value === undefined ? ABSENT : value);
      for (const field of op.unset ?? []) fields.set(fieldKey(op.collection, op.id, field), ABSENT);
    } else if (op.op === 'layout') boxes.set(op.id, op.box);
  }
  return { fields, boxes };
}

/**
 * `undo` (the ops that take back `done`) without the fields and boxes someone else changed since
 * `done` was applied: `plan` is the plan now. Ops other than field updates and layout boxes are
 * kept as they are.
 */
export function withoutOverwritten(
  plan: Plan,
  done: readonly PlanOp[],
  undo: readonly PlanOp[],
): PlanOp[] {
  const { fields, boxes } = leftBehind(done);
  const out: PlanOp[] = [];
  for (const op of undo) {
    if (op.op === 'layout') {
      const left = boxes.get(op.id);
      const now = plan.layout?.[op.id] ?? null;
      if (left !== undefined && !sameJson(now, left)) continue;
      out.push(op);
      continue;
    }
    if (op.op !== 'update') {
      out.push(op);
      continue;
    }
    // The plan's shared index: a step of thousands of updates must not search the lists each time.
    const object = planIndexOf(plan).byId.get(op.id)?.object;
    if (!object) {
      out.push(op);
      continue;
    }
    const current = object as unknown as Readonly<Record<string, Value>>;
    const kept = (field: string) => {
      const left = fields.get(fieldKey(op.collection, op.id, field));
      if (left === undefined) return true;
      const now = field in current && current[field] !== undefined ? current[field] : ABSENT;
      return left === ABSENT ? now === ABSENT : now !== ABSENT && sameJson(now, left);
    };
    const set = Object.fromEntries(Object.entries(op.set).filter(([field]) => kept(field)));
    const unset = (op.unset ?? []).filter(kept);
    if (Object.keys(set).length === 0 && unset.length === 0) continue;
    if (
      Object.keys(set).length === Object.keys(op.set).length &&
      unset.length === (op.unset ?? []).length
    ) {
      out.push(op);
      continue;
    }
    out.push(untypedUpdate(op.collection, op.id, set, unset.length > 0 ? unset : undefined));
  }
  return out;
}
