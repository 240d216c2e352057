// Reading a shared document again after a change, at the cost of what changed. Reading the whole
// document checks every object with its schema: 1.5 s for a plan of 100,000 objects, on every
// remote edit. This reader keeps each object as last read and checked, keyed by its map in the
// document, and reads again only the maps a transaction changed; the checks across objects
// (references, ids, the size limit) run on the whole plan as before. Whenever anything does not
// read, it hands over to readDocPlan, which leaves the bad part out and says where it was: the
// result is always the one readDocPlan gives.
import * as Y from 'yjs';
import { COLLECTIONS, PLAN_FORMAT, PLAN_VERSION } from '../domain/model/plan';
import { joinPlanParts, parsePlanPart } from '../io/parse';
import type { PlanInput } from '../io/schema';
import { DOC_LISTS, hasKey, layoutOf, metaOf, objectsOf, orderOf } from './plan-doc';
import { readDocPlan, type ReadPlan } from './read-plan';

type Json = unknown;
const IS_COLLECTION = new Set<string>(COLLECTIONS);
const PARTS = new Set<string>([...DOC_LISTS, 'layout']);

export class DocReader {
  /** Each object as last read and checked, by its map in the document. */
  private readonly objects = new WeakMap<Y.Map<Json>, object>();
  /** Layout boxes as last checked, by the value the document holds (replaced on each change). */
  private readonly boxes = new WeakMap<object, object>();
  /** Maps changed since they were last read. */
  private readonly dirty = new Set<object>();
  private readonly onTransaction = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) this.dirty.add(type);
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onTransaction);
  }

  dispose(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  /** The plan the document holds, as readDocPlan reads it. */
  read(): ReadPlan {
    const plan = this.readKept();
    if (!plan) return readDocPlan(this.doc);
    // Only now: a read that stopped at a bad part left later changed maps unread.
    this.dirty.clear();
    return { plan, problems: [] };
  }

  /** The plan from kept and newly read parts, or undefined when a part does not read. */
  private readKept(): ReadPlan['plan'] | undefined {
    const meta = metaOf(this.doc);
    const head: Record<string, Json> = {};
    for (const [k, value] of meta.entries()) {
      // A list or layout kept among the plan's fields is a hostile client's: read it all.
      if (PARTS.has(k)) return undefined;
      if (!k.startsWith('has:')) head[k] = value;
    }
    head.format = PLAN_FORMAT;
    head.version = PLAN_VERSION;
    // The plan's own fields, read while its lists are left out.
    const top = parsePlanPart('head', head);
    if (!top) return undefined;
    const out: Record<string, Json> = { ...top };
    for (const list of DOC_LISTS) {
      const items = this.readList(list);
      if (!items) return undefined;
      if (IS_COLLECTION.has(list) || meta.get(hasKey(list)) === true || items.length > 0)
        out[list] = items;
    }
    const layout = layoutOf(this.doc);
    if (meta.get(hasKey('layout')) === true || layout.size > 0) {
      const boxes: Record<string, Json> = {};
      for (const [id, value] of layout.entries()) {
        const box = this.readBox(value);
        if (!box) return undefined;
        boxes[id] = box;
      }
      out.layout = boxes;
    }
    const joined = joinPlanParts(out as PlanInput);
    return joined.ok ? joined.value : undefined;
  }

  private readList(list: (typeof DOC_LISTS)[number]): object[] | undefined {
    const objects = objectsOf(this.doc, list);
    const order = orderOf(this.doc, list).toArray();
    // An id listed twice, or an object missing from the order, is a hostile client's: the whole
    // reader decides where such objects go.
    if (order.length !== objects.size) return undefined;
    const items: object[] = [];
    for (const id of order) {
      const fields = objects.get(id);
      if (!(fields instanceof Y.Map)) return undefined;
      let item = this.dirty.has(fields) ? undefined : this.objects.get(fields);
      if (!item) {
        item = parsePlanPart(list, fields.toJSON());
        if (!item) return undefined;
        this.objects.set(fields, item);
      }
      items.push(item);
    }
    // An id listed twice (and another missing) fails the id check when the plan is joined.
    return items;
  }

  private readBox(value: Json): object | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const kept = this.boxes.get(value);
    if (kept) return kept;
    const box = parsePlanPart('layout', value);
    if (!box) return undefined;
    this.boxes.set(value, box);
    return box;
  }
}
