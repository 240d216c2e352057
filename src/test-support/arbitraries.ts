// fast-check generators of plans that the reader must accept: every field of the format, each
// with a value of the right type and range, ids unique across the plan and every reference to
// an object of the right kind. Addresses and CIDRs are random (a plan may be full of findings;
// it is still a readable plan). Fields are written in the format's order, as the reader does.
import fc from 'fast-check';
import { blockAt, formatAddress, formatCidr } from '../domain/ip/cidr';
import {
  CLUSTER_MODES,
  IDC_LINKS,
  PLAN_FORMAT,
  PLAN_VERSION,
  RESOURCE_KINDS,
  type Plan,
} from '../domain/model/plan';

const MAX_V4 = 2 ** 32 - 1;
const MAX_V6 = (1n << 128n) - 1n;

export const ipv4CidrArb = fc
  .tuple(fc.integer({ min: 0, max: MAX_V4 }), fc.integer({ min: 0, max: 32 }))
  .map(([a, p]) => formatCidr(blockAt(4, a, p)));

export const ipv6CidrArb = fc
  .tuple(fc.bigInt({ min: 0n, max: MAX_V6 }), fc.integer({ min: 0, max: 128 }))
  .map(([a, p]) => formatCidr(blockAt(6, a, p)));

export const anyCidrArb = fc.oneof(ipv4CidrArb, ipv6CidrArb);

export const ipv4Arb = fc
  .integer({ min: 0, max: MAX_V4 })
  .map((a) => formatAddress(blockAt(4, a, 32)));

export const ipv6Arb = fc
  .bigInt({ min: 0n, max: MAX_V6 })
  .map((a) => formatAddress(blockAt(6, a, 128)));

export const ipArb = fc.oneof(ipv4Arb, ipv6Arb);

/** Free text: any code points, short. */
export const textArb = fc.string({ unit: 'binary', maxLength: 12 });

/** An ISO 8601 instant as Date#toISOString writes it, within years 2000..2100. */
export const timestampArb = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

const countArb = fc.integer({ min: 1, max: 1_000_000_000 });

/** A number the layout accepts: finite, within ±10^7, never -0 (JSON writes it as 0). */
const coordinateArb = fc
  .double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));
const extentArb = fc
  .double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));

interface Counts {
  vpcs: number;
  subnets: number;
  clusters: number;
  resources: number;
  natGateways: number;
  peerings: number;
  ccns: number;
  idcs: number;
  routeTables: number;
  reservations: number;
  comments: number;
  suffix: string;
}

const ids = (prefix: string, n: number, suffix: string): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}${suffix}`);

/** One of `list`, or nothing to choose from. */
function oneOf(list: readonly string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...list);
}

/** An object whose optional keys may be left out; keys keep the model's order. */
function obj<T extends Record<string, fc.Arbitrary<unknown>>>(
  model: T,
  required: readonly (keyof T & string)[],
) {
  // fc.record builds objects without a prototype; a plan read from JSON has plain objects.
  return fc.record(model, { requiredKeys: [...required] }).map((o) => ({ ...o }));
}

function planFrom(c: Counts): fc.Arbitrary<Plan> {
  const V = ids('vpc', c.vpcs, c.suffix);
  const S = c.vpcs > 0 ? ids('sn', c.subnets, c.suffix) : [];
  const C = c.vpcs > 0 ? ids('cls', c.clusters, c.suffix) : [];
  const R = S.length > 0 ? ids('res', c.resources, c.suffix) : [];
  const N = c.vpcs > 0 ? ids('nat', c.natGateways, c.suffix) : [];
  const P = c.vpcs > 0 ? ids('pcx', c.peerings, c.suffix) : [];
  const K = ids('ccn', c.ccns, c.suffix);
  const I = ids('idc', c.idcs, c.suffix);
  const T = c.vpcs > 0 ? ids('rtb', c.routeTables, c.suffix) : [];
  const all = [...V, ...S, ...C, ...R, ...N, ...P, ...K, ...I, ...T];
  const Z = ids('rsv', c.reservations, c.suffix);
  const M = ids('cm', c.comments, c.suffix);
  const common = { name: textArb, description: textArb };

  const vpcs = fc.tuple(
    ...V.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          region: textArb,
          cidr: ipv4CidrArb,
          secondaryCidrs: fc.array(ipv4CidrArb, { maxLength: 2 }),
          ipv6Cidr: ipv6CidrArb,
        },
        ['id', 'cidr'],
      ),
    ),
  );
  const subnets = fc.tuple(
    ...S.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          vpc: oneOf(V),
          cidr: ipv4CidrArb,
          ipv6Cidr: ipv6CidrArb,
          zone: textArb,
          ...(T.length > 0 ? { routeTable: oneOf(T) } : {}),
        },
        ['id', 'vpc', 'cidr'],
      ),
    ),
  );
  const subnetList =
    S.length > 0 ? fc.subarray(S, { maxLength: Math.min(3, S.length) }) : fc.constant([]);
  const clusters = fc.tuple(
    ...C.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          vpc: oneOf(V),
          mode: fc.constantFrom(...CLUSTER_MODES),
          nodeSubnets: subnetList,
          nodeCount: countArb,
          nodePublicIp: fc.boolean(),
          containerCidr: ipv4CidrArb,
          maxPodsPerNode: countArb,
          maxServices: countArb,
          serviceCidr: ipv4CidrArb,
          podSubnets: subnetList,
          nonMasqueradeCidrs: fc.array(ipv4CidrArb, { maxLength: 3 }),
          ignoreRouteConflict: fc.boolean(),
        },
        ['id', 'vpc'],
      ),
    ),
  );
  const resources = fc.tuple(
    ...R.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          kind: fc.constantFrom(...RESOURCE_KINDS),
          subnet: oneOf(S),
          ip: ipArb,
        },
        ['id', 'kind', 'subnet'],
      ),
    ),
  );
  const natGateways = fc.tuple(
    ...N.map((id) => obj({ id: fc.constant(id), ...common, vpc: oneOf(V) }, ['id', 'vpc'])),
  );
  const peerings = fc.tuple(
    ...P.map((id) =>
      obj({ id: fc.constant(id), ...common, vpcs: fc.tuple(oneOf(V), oneOf(V)) }, ['id', 'vpcs']),
    ),
  );
  const members = [...V, ...C, ...I];
  const ccns = fc.tuple(
    ...K.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          attachments:
            members.length > 0 ? fc.array(oneOf(members), { maxLength: 4 }) : fc.constant([]),
        },
        ['id', 'attachments'],
      ),
    ),
  );
  const idcs = fc.tuple(
    ...I.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          cidrs: fc.array(anyCidrArb, { maxLength: 3 }),
          // Absent for an IDC reached only through a CCN.
          ...(V.length > 0 ? { vpc: oneOf(V) } : {}),
          link: fc.constantFrom(...IDC_LINKS),
          returnRoutes: fc.array(anyCidrArb, { maxLength: 3 }),
        },
        ['id', 'cidrs'],
      ),
    ),
  );
  const routeTables = fc.tuple(
    ...T.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          vpc: oneOf(V),
          routes: fc.array(
            obj({ destination: anyCidrArb, target: oneOf(all) }, ['destination', 'target']),
            { maxLength: 4 },
          ),
        },
        ['id', 'vpc', 'routes'],
      ),
    ),
  );
  const sources = [...C, ...R];
  const targets = [...C, ...R, ...I];
  const flow =
    sources.length > 0
      ? obj(
          {
            from: oneOf(sources),
            to: fc.oneof(
              fc.constant('internet'),
              ipArb,
              ...(targets.length > 0 ? [oneOf(targets)] : []),
            ),
          },
          ['from', 'to'],
        )
      : undefined;
  const reservations = fc.tuple(
    ...Z.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...common,
          cidr: anyCidrArb,
          ...(V.length > 0 ? { vpc: oneOf(V) } : {}),
          note: textArb,
        },
        ['id', 'cidr'],
      ),
    ),
  );
  const reply = obj({ author: textArb, text: textArb, createdAt: timestampArb }, [
    'author',
    'text',
    'createdAt',
  ]);
  const pinnable = [...all, ...Z];
  const comments = fc.tuple(
    ...M.map((id) =>
      obj(
        {
          id: fc.constant(id),
          ...(pinnable.length > 0 ? { object: oneOf(pinnable) } : {}),
          author: textArb,
          text: textArb,
          createdAt: timestampArb,
          resolved: fc.boolean(),
          replies: fc.array(reply, { maxLength: 2 }),
        },
        ['id', 'author', 'text', 'createdAt'],
      ),
    ),
  );
  const box = obj({ x: coordinateArb, y: coordinateArb, width: extentArb, height: extentArb }, [
    'x',
    'y',
  ]);
  const layoutKeys = [...all, 'internet'];

  return obj(
    {
      format: fc.constant(PLAN_FORMAT),
      version: fc.constant(PLAN_VERSION),
      name: textArb,
      description: textArb,
      vpcs,
      subnets,
      clusters,
      resources,
      natGateways,
      peerings,
      ccns,
      idcs,
      routeTables,
      flows: flow ? fc.array(flow, { maxLength: 4 }) : fc.constant([]),
      reservations,
      comments,
      layout: fc.dictionary(oneOf(layoutKeys), box, { maxKeys: 4 }).map((d) => ({ ...d })),
    },
    [
      'format',
      'version',
      'vpcs',
      'subnets',
      'clusters',
      'resources',
      'natGateways',
      'peerings',
      'ccns',
      'idcs',
      'routeTables',
      // Comments may be pinned to a reservation, so the list is there when it has any.
      ...(Z.length > 0 ? ['reservations' as const] : []),
    ],
  ) as unknown as fc.Arbitrary<Plan>;
}

/** A plan the reader must accept, as the reader returns it (every list present). */
export const validPlanArb: fc.Arbitrary<Plan> = fc
  .record({
    vpcs: fc.integer({ min: 0, max: 3 }),
    subnets: fc.integer({ min: 0, max: 4 }),
    clusters: fc.integer({ min: 0, max: 3 }),
    resources: fc.integer({ min: 0, max: 3 }),
    natGateways: fc.integer({ min: 0, max: 2 }),
    peerings: fc.integer({ min: 0, max: 2 }),
    ccns: fc.integer({ min: 0, max: 2 }),
    idcs: fc.integer({ min: 0, max: 2 }),
    routeTables: fc.integer({ min: 0, max: 2 }),
    reservations: fc.integer({ min: 0, max: 2 }),
    comments: fc.integer({ min: 0, max: 2 }),
    suffix: fc.string({ unit: 'binary', maxLength: 3 }),
  })
  .chain(planFrom);

/** Every path to a value inside a JSON document (not the root itself). */
export function jsonPaths(doc: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(doc)) {
    doc.forEach((v, i) => {
      out.push([...at, i], ...jsonPaths(v, [...at, i]));
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) out.push([...at, k], ...jsonPaths(v, [...at, k]));
  }
  return out;
}

/** `doc` with the value at `path` replaced by `value` (or removed when `value` is undefined). */
export function withValueAt(
  doc: unknown,
  path: readonly (string | number)[],
  value: unknown,
): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}
