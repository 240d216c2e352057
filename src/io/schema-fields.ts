// One plan field's schema, the very one that parses a plan file, for the checks a person meets
// typing into that field (the inspector): what a file may say and what the form accepts agree,
// and both say what is wrong in the same words.
import * as v from 'valibot';
import type { Collection } from '../domain/model/plan';
import type { FieldOf } from '../domain/ops/update';
import * as s from './schema';

export type FieldSchema = v.GenericSchema;

/** Each collection's object schema. */
export const OBJECT_SCHEMAS = {
  vpcs: s.vpcSchema,
  subnets: s.subnetSchema,
  clusters: s.clusterSchema,
  resources: s.resourceSchema,
  natGateways: s.natGatewaySchema,
  peerings: s.peeringSchema,
  ccns: s.ccnSchema,
  idcs: s.idcSchema,
  routeTables: s.routeTableSchema,
} as const satisfies Record<Collection, v.LooseObjectSchema<v.ObjectEntries, undefined>>;

/** The schema of one field of a collection's objects. */
export function fieldSchema<C extends Collection>(collection: C, key: FieldOf<C>): FieldSchema {
  const entries: Readonly<Record<string, FieldSchema>> = OBJECT_SCHEMAS[collection].entries;
  const schema = entries[key];
  if (!schema) throw new Error(`no field ${key} in the ${collection} schema`);
  return schema;
}

/** Fields outside the plan's collections that a person also edits. */
export const PLAN_FIELDS = s.planSchema.entries;
export const RESERVATION_FIELDS = s.reservationSchema.entries;
export const ROUTE_FIELDS = s.routeSchema.entries;

/** Whether the field may be left out of an object (its schema accepts nothing at all). */
export function acceptsAbsent(schema: FieldSchema): boolean {
  return v.safeParse(schema, undefined).success;
}

export type FieldCheck = { ok: true } | { ok: false; error: string };

/**
 * Checks a value as the plan file's parser would, with its first problem as a sentence: the
 * parser's message (which quotes the text and often names the fix) with a capital letter.
 */
export function checkFieldValue(schema: FieldSchema, value: unknown): FieldCheck {
  const r = v.safeParse(schema, value, { abortEarly: true });
  if (r.success) return { ok: true };
  const message = r.issues[0].message;
  return { ok: false, error: message.charAt(0).toUpperCase() + message.slice(1) };
}
