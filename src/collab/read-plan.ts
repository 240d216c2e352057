// Reading a shared document as a plan when anyone may have written it. Two honest edits can
// leave a dangling reference (one person deletes a VPC while another adds a subnet to it) and a
// hostile client can write anything; neither may make the plan unreadable for everyone else. The
// part at fault is left out and reported where it is, and the rest of the plan reads as usual.
import type * as Y from 'yjs';
import { PLAN_FORMAT, PLAN_VERSION, type Plan } from '../domain/model/plan';
import type { PlanError } from '../io/errors';
import { parsePlanValue } from '../io/parse';
import { docToPlanJson } from './plan-doc';

export interface DocProblem {
  /** Where the bad part was, as a JSON path into the plan (`$.subnets[3].cidr`). */
  readonly path: string;
  /** The id of the object left out, when the fault was inside one. */
  readonly id?: string;
  readonly message: string;
}

export interface ReadPlan {
  readonly plan: Plan;
  readonly problems: readonly DocProblem[];
}

const ITEM = /^\$\.([A-Za-z]+)\[(\d+)\]/;
const KEYED = /^\$\.([A-Za-z]+)(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/;
const TOP = /^\$\.([A-Za-z_$][\w$]*)/;

/** Removes the part of `doc` that `error` points at; false when there is nothing to remove. */
function dropAt(doc: Record<string, unknown>, error: PlanError): { id?: string } | false {
  const item = ITEM.exec(error.path);
  if (item) {
    const list = doc[item[1]!];
    const index = Number(item[2]);
    if (!Array.isArray(list) || index >= list.length) return false;
    const [gone] = list.splice(index, 1) as unknown[];
    const id = (gone as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? { id } : {};
  }
  const keyed = KEYED.exec(error.path);
  if (keyed && keyed[1] === 'layout') {
    const layout = doc.layout;
    const key = keyed[2] ?? (JSON.parse(keyed[3]!) as string);
    if (typeof layout !== 'object' || layout === null || !(key in layout)) return false;
    delete (layout as Record<string, unknown>)[key];
    return { id: key };
  }
  const top = TOP.exec(error.path);
  if (top && top[1] !== 'format' && top[1] !== 'version' && top[1]! in doc) {
    delete doc[top[1]!];
    return {};
  }
  return false;
}

/**
 * The plan the document holds, with every part that cannot be read left out and listed. Never
 * fails: at worst it is an empty plan and a list of what was wrong.
 */
export function readDocPlan(doc: Y.Doc): ReadPlan {
  const json = docToPlanJson(doc);
  json.format = PLAN_FORMAT;
  json.version = PLAN_VERSION;
  const problems: DocProblem[] = [];
  // Each round removes one bad part; a hostile document has at most as many as it has parts.
  for (;;) {
    const r = parsePlanValue(json);
    if (r.ok) return { plan: r.value, problems };
    const dropped = dropAt(json, r.error);
    if (dropped === false) {
      problems.push({ path: r.error.path, message: r.error.message });
      const empty = parsePlanValue({ format: PLAN_FORMAT, version: PLAN_VERSION });
      if (!empty.ok) throw new Error('an empty plan must read');
      return { plan: empty.value, problems };
    }
    problems.push({ path: r.error.path, message: r.error.message, ...dropped });
  }
}
