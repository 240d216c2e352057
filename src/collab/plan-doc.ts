// A plan as a Yjs document, so that several people can edit one plan at once and their edits
// merge. Each object is a map of fields (two people changing different fields of one subnet both
// win); each list keeps its order in an array of ids beside a map of objects (a concurrent
// insert and delete cannot lose an object or duplicate one). Values of fields stay plain JSON:
// a route list or a CIDR list changes as a whole, like an edit in the inspector does.
import * as Y from 'yjs';
import { COLLECTIONS, type Plan } from '../domain/model/plan';
import type { PlanOp } from '../domain/ops/ops';

/** The lists of objects with an id: the network's collections, then the notes. */
export const DOC_LISTS = [...COLLECTIONS, 'reservations', 'comments'] as const;
export type DocList = (typeof DOC_LISTS)[number];

/** Optional parts of a plan whose absence is kept: absent stays absent when written back. */
const OPTIONAL = ['reservations', 'comments', 'layout'] as const;
const KNOWN = new Set<string>([...DOC_LISTS, 'layout']);

type Json = unknown;
type Fields = Y.Map<Json>;

// The document's shared types (exported for the reader that keeps what did not change).
export const metaOf = (doc: Y.Doc) => doc.getMap<Json>('meta');
export const objectsOf = (doc: Y.Doc, list: DocList) => doc.getMap<Fields>(`${list}`);
export const orderOf = (doc: Y.Doc, list: DocList) => doc.getArray<string>(`${list}#order`);
export const layoutOf = (doc: Y.Doc) => doc.getMap<Json>('layout');
/** The meta key saying an optional part (`reservations`, `layout`) is present though empty. */
export const hasKey = (part: string) => `has:${part}`;

function fieldsOf(value: object): Fields {
  const m = new Y.Map<Json>();
  for (const [k, v] of Object.entries(value)) if (v !== undefined) m.set(k, v);
  return m;
}

function insertObject(doc: Y.Doc, list: DocList, value: { id: string }, index?: number) {
  const order = orderOf(doc, list);
  objectsOf(doc, list).set(value.id, fieldsOf(value));
  removeFromOrder(order, value.id);
  const at = index === undefined ? order.length : Math.max(0, Math.min(index, order.length));
  order.insert(at, [value.id]);
}

function removeFromOrder(order: Y.Array<string>, id: string) {
  for (let i = order.length - 1; i >= 0; i--) if (order.get(i) === id) order.delete(i, 1);
}

function removeObject(doc: Y.Doc, list: DocList, id: string) {
  objectsOf(doc, list).delete(id);
  removeFromOrder(orderOf(doc, list), id);
}

function clear(doc: Y.Doc) {
  const meta = metaOf(doc);
  for (const k of [...meta.keys()]) meta.delete(k);
  for (const list of DOC_LISTS) {
    objectsOf(doc, list).clear();
    const order = orderOf(doc, list);
    order.delete(0, order.length);
  }
  layoutOf(doc).clear();
}

function writePlan(doc: Y.Doc, plan: Plan) {
  clear(doc);
  const meta = metaOf(doc);
  for (const [k, v] of Object.entries(plan)) {
    if (!KNOWN.has(k) && v !== undefined) meta.set(k, v);
  }
  for (const part of OPTIONAL) if (plan[part] !== undefined) meta.set(hasKey(part), true);
  for (const list of DOC_LISTS) {
    const items = (plan[list] ?? []) as readonly { id: string }[];
    const objects = objectsOf(doc, list);
    for (const o of items) objects.set(o.id, fieldsOf(o));
    orderOf(doc, list).insert(
      0,
      items.map((o) => o.id),
    );
  }
  const layout = layoutOf(doc);
  for (const [id, box] of Object.entries(plan.layout ?? {})) layout.set(id, box);
}

/** Fills `doc` with `plan`, replacing what it held, as one change. */
export function planToDoc(plan: Plan, doc: Y.Doc = new Y.Doc(), origin?: unknown): Y.Doc {
  doc.transact(() => writePlan(doc, plan), origin);
  return doc;
}

/**
 * The document as plan JSON, not yet checked: a co-editor's change may have made any part of it
 * wrong (see read-plan.ts). Lists follow their order array; an object whose id is missing from
 * it (never expected, but a hostile client can write anything) comes after, by id.
 */
export function docToPlanJson(doc: Y.Doc): Record<string, unknown> {
  const meta = metaOf(doc);
  const out: Record<string, unknown> = {};
  // A copy of each list (flows): the reader leaves bad items out of the lists it is given, and
  // these are the document's own values, which must stay as everyone else has them.
  for (const [k, v] of meta.entries())
    if (!k.startsWith('has:')) out[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  for (const list of DOC_LISTS) {
    const objects = objectsOf(doc, list);
    const items: unknown[] = [];
    const seen = new Set<string>();
    for (const id of orderOf(doc, list).toArray()) {
      const o = objects.get(id);
      if (seen.has(id) || !(o instanceof Y.Map)) continue;
      seen.add(id);
      items.push(o.toJSON());
    }
    for (const id of [...objects.keys()].sort()) {
      const o = objects.get(id);
      if (!seen.has(id)) items.push(o instanceof Y.Map ? o.toJSON() : o);
    }
    if ((COLLECTIONS as readonly string[]).includes(list) || meta.get(hasKey(list)) === true)
      out[list] = items;
    else if (items.length > 0) out[list] = items;
  }
  const layout = layoutOf(doc);
  if (meta.get(hasKey('layout')) === true || layout.size > 0) out.layout = layout.toJSON();
  return out;
}

function applyOp(doc: Y.Doc, op: PlanOp) {
  const meta = metaOf(doc);
  switch (op.op) {
    case 'insert':
      insertObject(doc, op.collection, op.object, op.index);
      return;
    case 'remove':
      removeObject(doc, op.collection, op.id);
      return;
    case 'update': {
      const fields = objectsOf(doc, op.collection).get(op.id);
      if (!(fields instanceof Y.Map)) return;
      for (const [k, v] of Object.entries(op.set)) {
        if (k === 'id') continue;
        if (v === undefined) fields.delete(k);
        else fields.set(k, v);
      }
      for (const k of op.unset ?? []) fields.delete(k);
      return;
    }
    case 'layout': {
      const layout = layoutOf(doc);
      if (op.box === null) layout.delete(op.id);
      else layout.set(op.id, op.box);
      if (layout.size === 0) meta.delete(hasKey('layout'));
      else meta.set(hasKey('layout'), true);
      return;
    }
    case 'name':
      if (op.name === null) meta.delete('name');
      else meta.set('name', op.name);
      return;
    case 'flows':
      if (op.flows === null) meta.delete('flows');
      else meta.set('flows', op.flows);
      return;
    case 'reservation':
    case 'comment': {
      const list = op.op === 'reservation' ? 'reservations' : 'comments';
      const objects = objectsOf(doc, list);
      if (op.value === null) {
        removeObject(doc, list, op.id);
        if (objects.size === 0 && op.dropEmpty) meta.delete(hasKey(list));
        return;
      }
      meta.set(hasKey(list), true);
      const fields = objects.get(op.id);
      if (fields instanceof Y.Map) {
        for (const k of [...fields.keys()]) if (!(k in op.value)) fields.delete(k);
        for (const [k, v] of Object.entries(op.value)) if (v !== undefined) fields.set(k, v);
      } else insertObject(doc, list, op.value, op.index);
      return;
    }
    case 'replace':
      writePlan(doc, op.plan);
      return;
  }
}

/** Applies the designer's ops to the document as one change made by `origin`. */
export function applyOpsToDoc(doc: Y.Doc, ops: readonly PlanOp[], origin?: unknown): void {
  doc.transact(() => {
    for (const op of ops) applyOp(doc, op);
  }, origin);
}
