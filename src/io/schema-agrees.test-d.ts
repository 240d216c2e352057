// Type-level test, checked by `npm run typecheck` (tsc covers src/): the proof in
// ./schema-agrees.ts must fail when the schema and the domain type disagree. Each
// `@ts-expect-error` below is itself an error if its line compiles, so a proof that
// stopped catching a mismatch breaks typecheck.
import type * as v from 'valibot';
import type { Cluster, Resource, Route, Vpc } from '../domain/model/plan';
import type { Agree, Out, Prove } from './schema-agrees';
import type * as s from './schema';

export type AgreementFixtures = [
  // The real pair agrees.
  Prove<Agree<Out<typeof s.vpcSchema>, Vpc>>,
  // A field added to the domain type alone.
  // @ts-expect-error Vpc gains `tags` the schema does not read
  Prove<Agree<Out<typeof s.vpcSchema>, Vpc & { readonly tags?: string }>>,
  // A field added to the schema alone.
  // @ts-expect-error the schema gains `weight` the domain does not have
  Prove<Agree<Out<typeof s.routeSchema> & { weight?: number }, Route>>,
  // A field optional on one side, required on the other.
  // @ts-expect-error nodeCount required in the domain, optional in the schema
  Prove<Agree<Out<typeof s.clusterSchema>, Cluster & { readonly nodeCount: number }>>,
  // The same field of another type.
  // @ts-expect-error ip a number in the domain, a string in the schema
  Prove<Agree<Out<typeof s.resourceSchema>, Omit<Resource, 'ip'> & { readonly ip?: number }>>,
  // A list's item of another type.
  // @ts-expect-error secondaryCidrs holds numbers in the schema
  Prove<Agree<NumberCidrs, Vpc>>,
  // The schema's output as valibot infers it keeps unknown fields: only `Known` drops them.
  // @ts-expect-error without Known the loose object's index signature breaks the key check
  Prove<Agree<v.InferOutput<typeof s.vpcSchema>, Vpc>>,
];

type NumberCidrs = Omit<Out<typeof s.vpcSchema>, 'secondaryCidrs'> & { secondaryCidrs?: number[] };
