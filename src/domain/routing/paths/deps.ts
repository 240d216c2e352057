// What a path was computed from, and what an edit changed: a path is kept unless they meet.
import { overlaps, type Cidr } from '../../ip/cidr';
import type { ReadSet } from '../read-tracker';

/** What a path was computed from: edits to anything else leave it as it is. */
export type PathDeps = ReadSet;

/** What an edit changed, as the path engine needs to know it. */
export interface PathChanges {
  /** Old and new ranges of everything that changed. */
  readonly ranges: readonly Cidr[];
  /** Objects that changed, were added or removed. */
  readonly ids: ReadonlySet<string>;
  /** VPCs whose routing changed as a whole (their CIDRs, CCN or peering membership, names). */
  readonly vpcs: ReadonlySet<string>;
  /** CCNs whose membership changed. */
  readonly ccns: ReadonlySet<string>;
  /** VPCs whose subnets changed. */
  readonly subnetVpcs: ReadonlySet<string>;
  /** Clusters whose own settings changed (container, masquerade ranges, subnets, mode). */
  readonly clusters: ReadonlySet<string>;
  /** VPC, container or IDC ranges changed: what holds an address may have changed. */
  readonly held: boolean;
}

export function depsAffected(d: PathDeps, c: PathChanges): boolean {
  for (const v of d.vpcs) if (c.vpcs.has(v)) return true;
  for (const x of d.ccns) if (c.ccns.has(x)) return true;
  for (const r of d.ranges) for (const x of c.ranges) if (overlaps(r, x)) return true;
  return false;
}
