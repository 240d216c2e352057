// Reading a plan from untrusted text: a pipeline that returns a typed plan or the first
// problem with its JSON path, and never throws. JSON → envelope → too-new check → migrations →
// shape and ranges → references.
import * as v from 'valibot';
import {
  COLLECTIONS,
  PLAN_FORMAT,
  PLAN_VERSION,
  type LayoutBox,
  type Plan,
} from '../domain/model/plan';
import { jsonPath, type PlanError, type Result } from './errors';
import { checkIntegrity } from './integrity';
import { migrate, type Json, type Migration, MIGRATIONS } from './migrations';
import { ITEM_SCHEMAS, layoutBoxSchema, planSchema, type PlanInput } from './schema';

/** Plans larger than this are refused before parsing: 100,000 objects fit in about 20 MB. */
export const MAX_PLAN_BYTES = 50 * 1024 * 1024;

/**
 * Plans with more objects than this (routes, attachments and CIDR lists counted as objects) are
 * refused before the schema walks them: the bench's 100,000-object plans hold about 130,000.
 */
export const MAX_PLAN_OBJECTS = 500_000;

/** A plan is a few levels deep (plan, list, object, routes, route); extra fields may nest more. */
export const MAX_DEPTH = 32;

/**
 * The JSON path of the first value nested deeper than MAX_DEPTH, if any. Iterative: a document
 * nested a million levels deep parses, but a recursive walk (or JSON.stringify) overflows the stack.
 */
function tooDeep(root: unknown): string | undefined {
  type Frame = { value: unknown; depth: number; key: string | number; parent: Frame | undefined };
  const stack: Frame[] = [{ value: root, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (typeof f.value !== 'object' || f.value === null) continue;
    if (f.depth >= MAX_DEPTH) {
      const keys: (string | number)[] = [];
      for (let g: Frame | undefined = f; g?.parent; g = g.parent) keys.unshift(g.key);
      return jsonPath(keys);
    }
    const entries = Array.isArray(f.value)
      ? f.value.map((v, i) => [i, v] as const)
      : Object.entries(f.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, value] = entries[i]!;
      if (typeof value === 'object' && value !== null)
        stack.push({ value, depth: f.depth + 1, key, parent: f });
    }
  }
  return undefined;
}

/** The path of the list where the running count of objects passes MAX_PLAN_OBJECTS, if any. */
function tooManyObjects(doc: Json): { path: string; count: number } | undefined {
  let count = 0;
  let over: string | undefined;
  for (const key of [...COLLECTIONS, 'reservations', 'comments']) {
    const list = doc[key];
    if (!Array.isArray(list)) continue;
    count += list.length;
    for (const item of list as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      for (const inner of Object.values(item)) if (Array.isArray(inner)) count += inner.length;
    }
    if (count > MAX_PLAN_OBJECTS && over === undefined) over = `$.${key}`;
  }
  return over === undefined ? undefined : { path: over, count };
}

export type ParseResult = Result<Plan, PlanError>;

function crowdedError(crowded: { path: string; count: number }): ParseResult {
  return err(
    'too-large',
    crowded.path,
    `the plan has ${crowded.count.toLocaleString('en-US')} objects (routes and CIDR lists included); plans up to ${MAX_PLAN_OBJECTS.toLocaleString('en-US')} can be opened`,
  );
}

function err(kind: PlanError['kind'], path: string, message: string): ParseResult {
  return { ok: false, error: { kind, path, message } };
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

export function parsePlanText(
  text: string,
  options: { migrations?: readonly Migration[] } = {},
): ParseResult {
  if (text.length > MAX_PLAN_BYTES) {
    return err(
      'too-large',
      '$',
      `the file is ${(text.length / 1048576).toFixed(1)} MB; plans up to ${MAX_PLAN_BYTES / 1048576} MB can be opened`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const where = m ? ` at ${lineAndColumn(text, Number(m[1]))}` : '';
    return err('json', '$', `not valid JSON${where}: ${msg}`);
  }
  return parsePlanValue(value, options);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  Array: 'an array',
  Object: 'an object',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== 'schema') return issue.message;
  if (issue.received === 'undefined') return `required field is missing`;
  const expected = issue.expected ?? '';
  let want = EXPECTED_WORDS[expected];
  if (!want)
    want = expected.includes('|') ? `one of ${expected.split(' | ').join(', ')}` : expected;
  if (issue.type === 'tuple' || issue.type === 'strict_tuple') want = 'an array of two ids';
  return `expected ${want}, got ${describe(issue.input)}`;
}

export function parsePlanValue(
  value: unknown,
  options: { migrations?: readonly Migration[] } = {},
): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(
      'format',
      '$',
      `expected a JSON object (a CIDR Canvas plan), got ${describe(value)}`,
    );
  }
  const deep = tooDeep(value);
  if (deep !== undefined) {
    return err(
      'too-large',
      deep,
      `nested deeper than ${MAX_DEPTH} levels; a plan needs fewer than ten`,
    );
  }
  const doc = value as Json;
  if (doc.format !== PLAN_FORMAT) {
    return err(
      'format',
      '$.format',
      `expected ${JSON.stringify(PLAN_FORMAT)}, got ${doc.format === undefined ? 'nothing' : describe(doc.format)}: this is not a CIDR Canvas plan`,
    );
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(
      'version',
      '$.version',
      `expected the integer ${PLAN_VERSION}, got ${version === undefined ? 'nothing' : describe(version)}`,
    );
  }
  if (version > PLAN_VERSION) {
    return err(
      'too-new',
      '$.version',
      `version ${version} is newer than this reader knows (${PLAN_VERSION}): open it with a newer CIDR Canvas`,
    );
  }
  const migrated = migrate(doc, version, options.migrations ?? MIGRATIONS);
  if (!migrated.ok) return err('migration', '$', migrated.message);
  const crowded = tooManyObjects(migrated.doc);
  if (crowded) return crowdedError(crowded);

  if (Array.isArray(migrated.doc.layout)) {
    // valibot's record would read an array as an object keyed by index.
    return err('schema', '$.layout', 'expected an object keyed by object id, got an array');
  }
  const parsed = v.safeParse(planSchema, migrated.doc, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const segments = (issue.path ?? []).map((p) => p.key as string | number);
    // An extra item of a pair is the pair's fault: name the pair.
    if (issue.type === 'strict_tuple' && typeof segments[segments.length - 1] === 'number')
      segments.pop();
    const path = jsonPath(segments);
    return err('schema', path, issueMessage(issue));
  }
  const problem = checkIntegrity(parsed.output);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: normalize(parsed.output) };
}

/** The schema of each part a plan may be read in (joinPlanParts puts them together). */
const PART_SCHEMAS = {
  ...ITEM_SCHEMAS,
  layout: layoutBoxSchema,
  /** The plan's own fields (name, flows, ...), read without its lists and layout. */
  head: planSchema,
} as const;

export type PlanPart = keyof typeof PART_SCHEMAS;

/**
 * One part of a plan read alone with its schema: an item of a list, a layout box or the plan's
 * own fields; undefined when it does not read (parsePlanValue says where and why). The plan's
 * nesting limit holds for a part as deep in the plan as it sits there.
 */
export function parsePlanPart(part: PlanPart, value: unknown): object | undefined {
  const nested = part === 'head' ? value : [[value]];
  if (tooDeep(nested) !== undefined) return undefined;
  const r = v.safeParse(PART_SCHEMAS[part], value);
  return r.success ? r.output : undefined;
}

/**
 * A plan put together from parts each already read with its own schema (the workspace reads again
 * only the objects someone changed): the checks across parts that parsePlanValue makes after its
 * schema, and the same normalising.
 */
export function joinPlanParts(doc: PlanInput): ParseResult {
  const crowded = tooManyObjects(doc);
  if (crowded) return crowdedError(crowded);
  const problem = checkIntegrity(doc);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: normalize(doc) };
}

/** Lists default to empty; layout entries for objects that no longer exist are dropped. */
function normalize(p: PlanInput): Plan {
  const plan: Plan = {
    ...p,
    vpcs: p.vpcs ?? [],
    subnets: p.subnets ?? [],
    clusters: p.clusters ?? [],
    resources: p.resources ?? [],
    natGateways: p.natGateways ?? [],
    peerings: p.peerings ?? [],
    ccns: p.ccns ?? [],
    idcs: p.idcs ?? [],
    routeTables: p.routeTables ?? [],
  };
  if (p.layout) {
    const ids = new Set<string>();
    for (const key of COLLECTIONS) for (const o of plan[key]) ids.add(o.id);
    // Reservations may be drawn too (a range on the map): their positions are kept.
    for (const r of plan.reservations ?? []) ids.add(r.id);
    ids.add('internet');
    const layout: Record<string, LayoutBox> = {};
    for (const [k, box] of Object.entries(p.layout)) if (ids.has(k)) layout[k] = box;
    return { ...plan, layout };
  }
  return plan;
}
