// What a picture of the plan shows: the objects where the canvas draws them, and the lines
// between them. The browser fills this from the canvas, the CLI from the plan's stored layout;
// svg.ts draws it.
import type { ClusterCapacity } from '../../../domain/capacity/capacity';
import { label } from '../../../domain/model/defaults';
import type { NodeKind } from '../../../domain/model/node-kinds';
import { COLLECTIONS, type Plan } from '../../../domain/model/plan';
import type { PathResult } from '../../../domain/routing/paths';
import type { Box } from './geometry';

/** The boxes a picture draws: the canvas's (src/domain/model/node-kinds.ts). */
export type PictureNodeKind = NodeKind;

export type LinkKind = 'peering' | 'ccn' | 'node-subnet' | 'pod-subnet' | 'idc';
export type LineKind = PathResult['verdict'] | LinkKind;

export interface PictureNode {
  readonly id: string;
  readonly kind: PictureNodeKind;
  /** The plan object (a Vpc, Subnet, Cluster...); the internet has none. */
  readonly obj?: unknown;
  /** Absolute position and size on the canvas. */
  readonly box: Box;
  readonly status?: 'error' | 'warning';
  readonly findings?: number;
  /** For a cluster: its service CIDR when the plan leaves it to TKE, and how many nodes fit. */
  readonly capacity?: Pick<ClusterCapacity, 'serviceCidr' | 'podsPerNode' | 'maxNodes'>;
}

export interface PictureEdge {
  readonly id: string;
  readonly kind: LineKind;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
}

export interface Picture {
  readonly title: string;
  /** Plan ids to the names people read: the gateway a path is SNATed through, a subnet's table. */
  readonly names?: ReadonlyMap<string, string>;
  readonly nodes: readonly PictureNode[];
  readonly edges: readonly PictureEdge[];
}

export const PATH_KINDS: readonly LineKind[] = ['direct', 'snat', 'unreachable'];

/** The label a path edge carries on the canvas: what happens to the pod IP, or why it fails. */
export function pathLabel(
  p: PathResult,
  count = 1,
  names?: ReadonlyMap<string, string>,
): string | undefined {
  const base =
    p.verdict === 'snat'
      ? `SNAT → ${p.snatTo ? (names?.get(p.snatTo) ?? p.snatTo) : 'node IP'}`
      : p.verdict === 'unreachable'
        ? (p.reason ?? 'unreachable')
        : undefined;
  return count > 1 ? `${count} × ${base ?? 'direct'}` : base;
}

export function linkLabel(kind: LinkKind, label: string | undefined): string | undefined {
  return kind === 'peering' || kind === 'idc' ? label : undefined;
}

/** Every object's name as people read it (its id when it has none). */
export function planNames(plan: Plan): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const c of COLLECTIONS) for (const o of plan[c]) names.set(o.id, label(o));
  return names;
}
