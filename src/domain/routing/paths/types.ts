// The shapes a path evaluation passes around: what comes out (PathResult), the ranges of a
// destination evaluated one by one (legs), the source's side, and the forward answer.
import type { Cidr } from '../../ip/cidr';
import { label } from '../../model/defaults';
import type { PlanIndex } from '../../model/plan-index';
import type { Cluster, Idc, Resource, Subnet } from '../../model/plan';
import type { PathReason } from '../../rules/codes';
import type { Router } from '../route-table';
import type { PathCaches } from './caches';

export type Verdict = 'direct' | 'snat' | 'unreachable';

export interface PathResult {
  readonly from: string;
  readonly to: string;
  readonly verdict: Verdict;
  readonly hops: readonly string[];
  readonly reason: PathReason | null;
  readonly message: string;
  /** For snat: the address the pod's traffic leaves with (the node subnet, or a NAT gateway). */
  readonly snatTo?: string;
}

export const RANK: Readonly<Record<Verdict, number>> = { direct: 0, snat: 1, unreachable: 2 };

/** What the evaluation functions read: the plan, its routes, and what is cached about both. */
export interface PathContext {
  readonly ix: PlanIndex;
  readonly router: Router;
  readonly caches: PathCaches;
}

/** One range of a destination to evaluate on its own; a flow's verdict is the worst of them. */
export type Leg =
  | { kind: 'internet' }
  | { kind: 'resource'; resource: Resource; subnet: Subnet; vpc: string; cidr: Cidr; text: string }
  | { kind: 'pods'; cluster: Cluster; vpc: string; subnet?: Subnet; cidr: Cidr; text: string }
  | { kind: 'idc'; idc: Idc; cidr: Cidr; text: string }
  | { kind: 'address'; cidr: Cidr; text: string };

/** A leg with an address range: every leg but the internet. */
export type RangeLeg = Exclude<Leg, { kind: 'internet' }>;

/** Where the reply starts from, for the return-route check. */
export type Far =
  | { kind: 'vpc'; vpc: string; tables: readonly (string | undefined)[] }
  | { kind: 'idc'; idc: Idc }
  | { kind: 'none' };

export interface Delivered {
  ok: true;
  hops: string[];
  far: Far;
  /** The route went to the internet through a NAT gateway: always SNAT. */
  nat?: string;
  /** For an address: the object found holding it, for the message. */
  holder?: string;
  via: string[];
}

export interface Failed {
  ok: false;
  reason: PathReason;
  hops: string[];
  message: string;
}

export type Forward = Delivered | Failed;

/** The source's side of a flow: who sends, from which subnet, with which address. */
export interface Source {
  readonly id: string;
  readonly vpc: string;
  readonly origin: Subnet;
  readonly address: Cidr;
  readonly addressText: string;
  /** The address is a GlobalRouter container CIDR (delivered by a container route). */
  readonly isContainer: boolean;
  readonly cluster?: string;
}

/**
 * A path result, made by one of two object literals: snatTo in the object itself (an added
 * property goes to a separate properties array, one more object per SNAT result that lives as
 * long as the analysis), and no object spread (slow on Node 20's V8 in hot loops). Positional, so
 * the template fill on the hottest path makes no object but the result.
 */
export function pathResult(
  from: string,
  to: string,
  verdict: Verdict,
  hops: readonly string[],
  reason: PathReason | null,
  message: string,
  snatTo: string | undefined,
): PathResult {
  if (snatTo !== undefined) return { from, to, verdict, hops, reason, message, snatTo };
  return { from, to, verdict, hops, reason, message };
}

/** A path result from its ends and what was found. */
export function result(
  base: { readonly from: string; readonly to: string },
  r: {
    verdict: Verdict;
    hops: readonly string[];
    reason: PathReason | null;
    message: string;
    snatTo?: string;
  },
): PathResult {
  return pathResult(base.from, base.to, r.verdict, r.hops, r.reason, r.message, r.snatTo);
}

export function fail(reason: PathReason, hops: string[], message: string): Failed {
  return { ok: false, reason, hops, message };
}

export function legOwnerVpc(leg: RangeLeg): string | undefined {
  return leg.kind === 'resource' || leg.kind === 'pods' ? leg.vpc : undefined;
}

/** "the pods of prod-tke … are", "orders-db … is": the verb that agrees with `legName`. */
export function verbFor(leg: Leg): 'is' | 'are' {
  return leg.kind === 'pods' ? 'are' : 'is';
}

export function legName(leg: Leg): string {
  switch (leg.kind) {
    case 'internet':
      return 'the internet';
    case 'resource':
      return `${label(leg.resource)} (${leg.text})`;
    case 'pods':
      return `the pods of ${label(leg.cluster)} (${leg.text})`;
    case 'idc':
      return `IDC ${label(leg.idc)} (${leg.text})`;
    case 'address':
      return leg.text;
  }
}
