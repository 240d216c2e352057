// Every kind of object a plan lists, and what the domain and the plan files need to know about
// each: its list in the plan, the ids it is given, what it is called, what it refers to and what
// happens to it when that goes, which fields hold CIDRs. Integrity, cascade, the plan index,
// import counts and the Terraform export read this table; a kind added to `ObjectOfKind`
// without an entry here does not compile. What the screen needs (icons, sizes, canvas kinds) is
// in src/ui/kinds.ts, keyed by the same kind.
import type { ObjectKind, ObjectOfKind, Plan } from './plan';

/** What becomes of an object when an object it refers to is deleted. */
export type OnDelete =
  /** It lives inside the referenced object and goes with it. */
  | 'remove'
  /** It goes with it, unless a CCN it is attached to still reaches it; then the field is unset. */
  | 'remove-unless-on-ccn'
  /** The id is dropped from the list (or the list item that names it, with `item`). */
  | 'drop'
  /** The field is unset. */
  | 'unset';

export interface RefFact<F extends string = string> {
  readonly field: F;
  /** Kinds the id may name, in the order an error lists them; empty: any object. */
  readonly to: readonly ObjectKind[];
  /** A list of ids (or of items, with `item`) rather than one id. */
  readonly many?: boolean;
  /** The field of each list item that holds the id (a route's `target`). */
  readonly item?: string;
  readonly optional?: boolean;
  /**
   * The referenced object holds this one: the plan index lists it among that object's children
   * (a VPC's subnets, the CCNs a VPC is attached to).
   */
  readonly parent?: boolean;
  readonly onDelete: OnDelete;
}

/** F: the kind's field names; C: its list in the plan (checked per kind below). */
export interface KindFacts<F extends string = string, C extends string = Collection> {
  /** The plan's list of objects of this kind. */
  readonly collection: C;
  /** New ids are `<prefix>-N`; resources take theirs from their own kind (db-1, redis-1). */
  readonly idPrefix?: string;
  /** In running text: "2 NAT gateways", "expected the id of an IDC". */
  readonly one: string;
  readonly many: string;
  readonly article: 'a' | 'an';
  /** References to other objects, in the order the format writes the fields. */
  readonly refs: readonly RefFact<F>[];
  /** Fields holding CIDRs (or lists of them, or, with `item`, lists of items with one). */
  readonly cidrFields: readonly { readonly field: F; readonly item?: string }[];
}

/** The key of Plan whose list holds exactly the objects of kind K. */
type CollectionOf<K extends ObjectKind> = {
  [P in keyof Plan]-?: Plan[P] extends readonly ObjectOfKind[K][]
    ? readonly ObjectOfKind[K][] extends Plan[P]
      ? P
      : never
    : never;
}[keyof Plan];

const VPC_HOLDS = { field: 'vpc', to: ['vpc'], parent: true, onDelete: 'remove' } as const;

/** One entry per kind, in the order the format writes the lists. */
export const KINDS = {
  vpc: {
    collection: 'vpcs',
    idPrefix: 'vpc',
    one: 'VPC',
    many: 'VPCs',
    article: 'a',
    refs: [],
    cidrFields: [{ field: 'cidr' }, { field: 'secondaryCidrs' }, { field: 'ipv6Cidr' }],
  },
  subnet: {
    collection: 'subnets',
    idPrefix: 'subnet',
    one: 'subnet',
    many: 'subnets',
    article: 'a',
    refs: [
      VPC_HOLDS,
      { field: 'routeTable', to: ['routeTable'], optional: true, onDelete: 'unset' },
    ],
    cidrFields: [{ field: 'cidr' }, { field: 'ipv6Cidr' }],
  },
  cluster: {
    collection: 'clusters',
    idPrefix: 'cls',
    one: 'cluster',
    many: 'clusters',
    article: 'a',
    refs: [
      VPC_HOLDS,
      { field: 'nodeSubnets', to: ['subnet'], many: true, optional: true, onDelete: 'drop' },
      { field: 'podSubnets', to: ['subnet'], many: true, optional: true, onDelete: 'drop' },
    ],
    cidrFields: [
      { field: 'containerCidr' },
      { field: 'serviceCidr' },
      { field: 'nonMasqueradeCidrs' },
    ],
  },
  resource: {
    collection: 'resources',
    one: 'resource',
    many: 'resources',
    article: 'a',
    refs: [{ field: 'subnet', to: ['subnet'], parent: true, onDelete: 'remove' }],
    cidrFields: [],
  },
  natGateway: {
    collection: 'natGateways',
    idPrefix: 'nat',
    one: 'NAT gateway',
    many: 'NAT gateways',
    article: 'a',
    refs: [VPC_HOLDS],
    cidrFields: [],
  },
  peering: {
    collection: 'peerings',
    idPrefix: 'pcx',
    one: 'peering',
    many: 'peerings',
    article: 'a',
    // A peering of which either VPC goes has nothing left to join.
    refs: [{ field: 'vpcs', to: ['vpc'], many: true, parent: true, onDelete: 'remove' }],
    cidrFields: [],
  },
  ccn: {
    collection: 'ccns',
    idPrefix: 'ccn',
    one: 'CCN',
    many: 'CCNs',
    article: 'a',
    refs: [
      {
        field: 'attachments',
        to: ['vpc', 'cluster', 'idc'],
        many: true,
        parent: true,
        onDelete: 'drop',
      },
    ],
    cidrFields: [],
  },
  idc: {
    collection: 'idcs',
    idPrefix: 'idc',
    one: 'IDC',
    many: 'IDCs',
    article: 'an',
    refs: [
      {
        field: 'vpc',
        to: ['vpc'],
        optional: true,
        parent: true,
        onDelete: 'remove-unless-on-ccn',
      },
    ],
    cidrFields: [{ field: 'cidrs' }, { field: 'returnRoutes' }],
  },
  routeTable: {
    collection: 'routeTables',
    idPrefix: 'rtb',
    one: 'route table',
    many: 'route tables',
    article: 'a',
    refs: [
      VPC_HOLDS,
      // Any existing object may be named as a target: one of the wrong kind is the finding
      // ROUTE_TARGET_INVALID, not a broken file.
      { field: 'routes', item: 'target', to: [], many: true, onDelete: 'drop' },
    ],
    cidrFields: [{ field: 'routes', item: 'destination' }],
  },
} as const satisfies {
  readonly [K in ObjectKind]: KindFacts<keyof ObjectOfKind[K] & string, CollectionOf<K>>;
};

/** The kinds in the order the format writes their lists. */
export const OBJECT_KINDS = Object.keys(KINDS) as readonly ObjectKind[];

export type Collection = (typeof KINDS)[ObjectKind]['collection'];

/** The plan's lists of objects that carry an id, in the order the format writes them. */
export const COLLECTIONS: readonly Collection[] = OBJECT_KINDS.map((k) => KINDS[k].collection);

/** How many objects the plan's lists hold. */
export function objectCount(plan: Plan): number {
  return COLLECTIONS.reduce((n, c) => n + plan[c].length, 0);
}

export const KIND_OF_COLLECTION = Object.fromEntries(
  OBJECT_KINDS.map((k) => [KINDS[k].collection, k]),
) as Readonly<Record<Collection, ObjectKind>>;

export const COLLECTION_OF_KIND = Object.fromEntries(
  OBJECT_KINDS.map((k) => [k, KINDS[k].collection]),
) as Readonly<Record<ObjectKind, Collection>>;

/** The facts of a kind, without the per-kind field types (for code that walks every kind). */
export function kindFacts(kind: ObjectKind): KindFacts {
  return KINDS[kind];
}

/** "a VPC", "an IDC". */
export function withArticle(kind: ObjectKind): string {
  return `${KINDS[kind].article} ${KINDS[kind].one}`;
}

/** The kind's word at the start of a sentence or a label: "Route table", "NAT gateway". */
export function kindTitle(kind: ObjectKind): string {
  const one = KINDS[kind].one;
  return one.charAt(0).toUpperCase() + one.slice(1);
}

/** "1 subnet", "3 subnets". */
export function countOf(kind: ObjectKind, n: number): string {
  return `${n} ${n === 1 ? KINDS[kind].one : KINDS[kind].many}`;
}

/** The ids an object refers to through one of its kind's references. */
export function refIds(o: object, ref: RefFact): readonly string[] {
  const v = (o as Record<string, unknown>)[ref.field];
  if (v === undefined) return [];
  if (!ref.many) return [v as string];
  const list = v as readonly unknown[];
  return ref.item === undefined
    ? (list as readonly string[])
    : list.map((x) => (x as Record<string, string>)[ref.item!]!);
}
