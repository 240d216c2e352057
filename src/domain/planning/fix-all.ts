// Suggestions for many findings at once. Each finding's own suggestion is the first free block
// as if it were the only one moving, so forty overlapping subnets all offer the same block and
// applying them all would make forty new overlaps. Here the findings are taken in order and each
// block offered avoids every block offered before it, so that "fix all" leaves no conflict.
import { freeContainerCidr, freeServiceCidr, freeSubnetCidr } from '../allocate';
import { cidrOf, parseCidr, type Cidr } from '../ip/cidr';
import { COLLECTIONS, KIND_OF_COLLECTION, type Collection } from '../model/plan';
import type { PlanIndex } from '../model/plan-index';
import type { PlanOp } from '../ops/ops';
import { untypedUpdate } from '../ops/update';
import type { Finding, Suggestion } from '../rules/codes';

function prefixOf(value: string): number | undefined {
  const r = parseCidr(value);
  return r.ok && r.cidr.family === 4 ? r.cidr.prefix : undefined;
}

/**
 * One suggestion per finding (undefined where there is none), in the findings' order. A range
 * suggested for an object avoids the ranges suggested before it: subnet blocks those of the same
 * VPC, container and service CIDRs those of every cluster. An object and field suggested twice
 * (a subnet that overlaps three others) gets the same value each time. The objects' current
 * ranges are all still avoided, including those about to move: the result is conflict-free
 * whichever of the suggestions are applied.
 */
export function chainSuggestions(
  ix: PlanIndex,
  findings: readonly Finding[],
): (Suggestion | undefined)[] {
  const subnetBlocks = new Map<string, Cidr[]>();
  const clusterBlocks: Cidr[] = [];
  const given = new Map<string, Suggestion | undefined>();
  return findings.map((f) => {
    const s = f.suggestion;
    if (!s) return undefined;
    const key = `${s.object}\u0000${s.field}`;
    if (given.has(key)) return given.get(key);
    const next = rechosen(ix, s, subnetBlocks, clusterBlocks);
    given.set(key, next);
    return next;
  });
}

function rechosen(
  ix: PlanIndex,
  s: Suggestion,
  subnetBlocks: Map<string, Cidr[]>,
  clusterBlocks: Cidr[],
): Suggestion | undefined {
  const prefix = prefixOf(s.value);
  if (prefix === undefined) return s;
  const subnet = ix.subnet(s.object);
  if (subnet && s.field === 'cidr') {
    const mine = subnetBlocks.get(subnet.vpc) ?? [];
    const value = freeSubnetCidr(ix, subnet.vpc, prefix, subnet.id, [...mine, ...clusterBlocks]);
    if (value === undefined) return undefined;
    subnetBlocks.set(subnet.vpc, [...mine, cidrOf(value)]);
    return { ...s, value };
  }
  const cluster = ix.cluster(s.object);
  if (cluster && (s.field === 'containerCidr' || s.field === 'serviceCidr')) {
    const value = (s.field === 'containerCidr' ? freeContainerCidr : freeServiceCidr)(
      ix,
      cluster.vpc,
      prefix,
      cluster.id,
      clusterBlocks,
    );
    if (value === undefined) return undefined;
    clusterBlocks.push(cidrOf(value));
    return { ...s, value };
  }
  return s;
}

const COLLECTION_OF_KIND = new Map(COLLECTIONS.map((c) => [KIND_OF_COLLECTION[c], c] as const));

/** The edits that apply the suggestions, each object and field once: one undo step's worth. */
export function suggestionOps(
  ix: PlanIndex,
  suggestions: readonly (Suggestion | undefined)[],
): PlanOp[] {
  const sets = new Map<string, { collection: Collection; set: Record<string, string> }>();
  for (const s of suggestions) {
    if (!s) continue;
    const kind = ix.kindOf(s.object);
    const collection = kind && COLLECTION_OF_KIND.get(kind);
    if (!collection) continue;
    const entry = sets.get(s.object) ?? { collection, set: {} };
    entry.set[s.field] ??= s.value;
    sets.set(s.object, entry);
  }
  // A suggestion names its field at run time: the rules suggest CIDR fields only.
  return [...sets].map(([id, { collection, set }]) => untypedUpdate(collection, id, set));
}
