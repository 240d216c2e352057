// The plan format, version 1, as a validator: the shape of every field, and every CIDR and
// address parsed on the way in (host bits refused, naming the block probably meant). What one
// object says about another (ids, references) is checked afterwards, in ./integrity.ts.
import * as v from 'valibot';
import { parseCidr, parseIp } from '../domain/ip/cidr';
import { CLUSTER_MODES, IDC_LINKS, RESOURCE_KINDS } from '../domain/model/plan';

/** Longest string the format accepts anywhere: names are for people, not for payloads. */
export const MAX_STRING = 1000;

const text = v.pipe(
  v.string(),
  v.maxLength(
    MAX_STRING,
    (i) => `expected at most ${MAX_STRING} characters, got ${i.input.length}`,
  ),
);

const id = v.pipe(
  v.string(),
  v.minLength(1, 'expected a non-empty id'),
  v.maxLength(200, (i) => `expected an id of at most 200 characters, got ${i.input.length}`),
);

function cidrField(family: 4 | 6 | 'any') {
  const want = family === 'any' ? 'a CIDR' : `an IPv${family} CIDR`;
  return v.pipe(
    v.string(),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const r = parseCidr(dataset.value);
      if (!r.ok) addIssue({ message: `expected ${want}: ${r.error}`, expected: want });
      else if (family !== 'any' && r.cidr.family !== family) {
        addIssue({
          message: `expected ${want}, got IPv${r.cidr.family} ${JSON.stringify(dataset.value)}`,
          expected: want,
        });
      }
    }),
  );
}

export const ipv4Cidr = cidrField(4);
export const ipv6Cidr = cidrField(6);
export const anyCidr = cidrField('any');

export const ipAddress = v.pipe(
  v.string(),
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const r = parseIp(dataset.value);
    if (!r.ok)
      addIssue({ message: `expected an IP address: ${r.error}`, expected: 'an IP address' });
  }),
);

const count = v.pipe(
  v.number(),
  v.integer((i) => `expected a positive integer, got ${i.input}`),
  v.minValue(1, (i) => `expected a positive integer, got ${i.input}`),
  v.maxValue(1_000_000_000, (i) => `expected at most 1000000000, got ${i.input}`),
);

const list = <T extends v.GenericSchema>(item: T) => v.optional(v.array(item));

const common = { id, name: v.optional(text), description: v.optional(text) };

export const vpcSchema = v.looseObject({
  ...common,
  region: v.optional(text),
  cidr: ipv4Cidr,
  secondaryCidrs: list(ipv4Cidr),
  ipv6Cidr: v.optional(ipv6Cidr),
});

export const subnetSchema = v.looseObject({
  ...common,
  vpc: id,
  cidr: ipv4Cidr,
  ipv6Cidr: v.optional(ipv6Cidr),
  zone: v.optional(text),
  routeTable: v.optional(id),
});

export const clusterSchema = v.looseObject({
  ...common,
  vpc: id,
  mode: v.optional(v.picklist(CLUSTER_MODES)),
  nodeSubnets: list(id),
  nodeCount: v.optional(count),
  nodePublicIp: v.optional(v.boolean()),
  containerCidr: v.optional(ipv4Cidr),
  maxPodsPerNode: v.optional(count),
  maxServices: v.optional(count),
  serviceCidr: v.optional(ipv4Cidr),
  podSubnets: list(id),
  nonMasqueradeCidrs: list(ipv4Cidr),
  ignoreRouteConflict: v.optional(v.boolean()),
});

export const resourceSchema = v.looseObject({
  ...common,
  kind: v.picklist(RESOURCE_KINDS),
  subnet: id,
  ip: v.optional(ipAddress),
});

export const natGatewaySchema = v.looseObject({ ...common, vpc: id });

export const peeringSchema = v.looseObject({ ...common, vpcs: v.strictTuple([id, id]) });

export const ccnSchema = v.looseObject({ ...common, attachments: v.array(id) });

export const idcSchema = v.looseObject({
  ...common,
  cidrs: v.array(anyCidr),
  vpc: v.optional(id),
  link: v.optional(v.picklist(IDC_LINKS)),
  returnRoutes: list(anyCidr),
});

export const routeSchema = v.looseObject({ destination: anyCidr, target: id });

export const routeTableSchema = v.looseObject({ ...common, vpc: id, routes: v.array(routeSchema) });

export const flowSchema = v.looseObject({ from: id, to: id });

export const reservationSchema = v.looseObject({
  ...common,
  cidr: anyCidr,
  vpc: v.optional(id),
  note: v.optional(text),
});

/** A date and time as ISO 8601 writes it (2026-12-01T09:30:00Z); the zone may be an offset. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const timestamp = v.pipe(
  v.string(),
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const s = dataset.value;
    if (!ISO_8601.test(s) || Number.isNaN(Date.parse(s)))
      addIssue({
        message: `expected an ISO 8601 date and time such as "2026-12-01T09:30:00Z", got ${JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)}`,
        expected: 'an ISO 8601 date and time',
      });
  }),
);

export const commentReplySchema = v.looseObject({
  author: text,
  text,
  createdAt: timestamp,
});

export const commentSchema = v.looseObject({
  id,
  object: v.optional(id),
  author: text,
  text,
  createdAt: timestamp,
  resolved: v.optional(v.boolean()),
  replies: list(commentReplySchema),
});

const coordinate = v.pipe(v.number(), v.finite(), v.minValue(-1e7), v.maxValue(1e7));
const extent = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e7));

export const layoutSchema = v.record(
  v.string(),
  v.looseObject({
    x: coordinate,
    y: coordinate,
    width: v.optional(extent),
    height: v.optional(extent),
  }),
);

export const planSchema = v.looseObject({
  format: v.literal('cidr-canvas/plan'),
  version: v.literal(1),
  name: v.optional(text),
  description: v.optional(text),
  vpcs: list(vpcSchema),
  subnets: list(subnetSchema),
  clusters: list(clusterSchema),
  resources: list(resourceSchema),
  natGateways: list(natGatewaySchema),
  peerings: list(peeringSchema),
  ccns: list(ccnSchema),
  idcs: list(idcSchema),
  routeTables: list(routeTableSchema),
  flows: list(flowSchema),
  reservations: list(reservationSchema),
  comments: list(commentSchema),
  layout: v.optional(layoutSchema),
});

export type PlanInput = v.InferOutput<typeof planSchema>;

/** The schema of one item of each list of the plan, as planSchema reads it. */
export const ITEM_SCHEMAS = {
  vpcs: vpcSchema,
  subnets: subnetSchema,
  clusters: clusterSchema,
  resources: resourceSchema,
  natGateways: natGatewaySchema,
  peerings: peeringSchema,
  ccns: ccnSchema,
  idcs: idcSchema,
  routeTables: routeTableSchema,
  reservations: reservationSchema,
  comments: commentSchema,
} as const;

/** The schema of one layout entry. */
export const layoutBoxSchema = layoutSchema.value;
