// The plan's types are written twice: in the domain (src/domain/model/plan.ts, which may import
// nothing but itself) and here as valibot schemas (src/io/schema.ts). This file makes the
// compiler prove they agree, object by object: the same fields, each optional or required alike,
// of the same types. A field added to one alone fails `npm run typecheck` here, naming the object.
import type * as v from 'valibot';
import type {
  Ccn,
  Cluster,
  CommentReply,
  Flow,
  Idc,
  LayoutBox,
  NatGateway,
  Peering,
  Plan,
  PlanComment,
  Reservation,
  Resource,
  Route,
  RouteTable,
  Subnet,
  Vpc,
} from '../domain/model/plan';
import type * as s from './schema';

/** A schema's output without the index signature of a loose object (unknown fields are kept). */
export type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
export type Out<S extends v.GenericSchema> = Known<v.InferOutput<S>>;

/** Readonly dropped all the way down: the domain's types are readonly, the schemas' are not. */
type Mutable<T> = T extends readonly (infer E)[]
  ? Mutable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Which keys are optional: `a?: X` and `a: X | undefined` differ for a reader of a plan. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** True when both have the same keys, optional alike, and each accepts the other's values. */
export type Agree<Schema, Domain> =
  Equals<keyof Schema, keyof Domain> extends true
    ? Equals<OptionalKeys<Schema>, OptionalKeys<Domain>> extends true
      ? [Mutable<Schema>] extends [Mutable<Domain>]
        ? [Mutable<Domain>] extends [Mutable<Schema>]
          ? true
          : false
        : false
      : false
    : false;

/** Fails to compile unless `T` is `true`. */
export type Prove<T extends true> = T;

export type SchemaAgreesWithDomain = [
  Prove<Agree<Out<typeof s.vpcSchema>, Vpc>>,
  Prove<Agree<Out<typeof s.subnetSchema>, Subnet>>,
  Prove<Agree<Out<typeof s.clusterSchema>, Cluster>>,
  Prove<Agree<Out<typeof s.resourceSchema>, Resource>>,
  Prove<Agree<Out<typeof s.natGatewaySchema>, NatGateway>>,
  Prove<Agree<Out<typeof s.peeringSchema>, Peering>>,
  Prove<Agree<Out<typeof s.ccnSchema>, Ccn>>,
  Prove<Agree<Out<typeof s.idcSchema>, Idc>>,
  Prove<Agree<Out<typeof s.routeSchema>, Route>>,
  Prove<Agree<Out<typeof s.routeTableSchema>, RouteTable>>,
  Prove<Agree<Out<typeof s.flowSchema>, Flow>>,
  Prove<Agree<Out<typeof s.reservationSchema>, Reservation>>,
  Prove<Agree<Out<typeof s.commentReplySchema>, CommentReply>>,
  Prove<Agree<Out<typeof s.commentSchema>, PlanComment>>,
  Prove<Agree<Known<v.InferOutput<typeof s.layoutSchema>[string]>, LayoutBox>>,
  // The plan itself: the same fields (the lists the schema leaves optional, parsing fills in).
  Prove<Equals<keyof Out<typeof s.planSchema>, keyof Plan>>,
  Prove<Agree<Pick<Out<typeof s.planSchema>, PlanScalar>, Pick<Plan, PlanScalar>>>,
];

/** The plan's own fields that are not lists of objects (those are proved object by object). */
type PlanScalar = 'format' | 'version' | 'name' | 'description';
