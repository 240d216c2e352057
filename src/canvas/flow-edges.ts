// The plan's lines as React Flow edges: the links between objects (peerings, CCN attachments, IDC
// links, clusters' subnets) and the communication paths. Path edges are reused while their path
// says the same, so that React Flow and the memoised edges skip them on every other update.
import { planLinks } from '../io/export/picture/from-plan';
import type { LinkKind } from '../io/export/picture/picture';
import { MarkerType, type Edge } from '@xyflow/react';
import { label } from '../domain/model/defaults';
import type { Plan } from '../domain/model/plan';
import type { PathResult } from '../domain/routing/paths';
import { pathKey, samePath } from '../domain/incremental/delta';

export type { LinkKind };

export type LinkEdge = Edge<{ kind: LinkKind; label?: string }, 'link'>;
export type PathEdge = Edge<
  {
    /** The path drawn, or the first of a bundle. */
    path: PathResult;
    key: string;
    /** For a bundle: the keys of every path it stands for. */
    keys?: readonly string[];
  },
  'path'
>;

/** Above this many path edges, paths to the resources of one subnet with one verdict become one edge. */
export const BUNDLE_ABOVE = 40;

const LINK_WORDS: Readonly<Record<LinkKind, string>> = {
  peering: 'peering',
  ccn: 'CCN attachment',
  'node-subnet': 'node subnet of',
  'pod-subnet': 'pod subnet of',
  idc: 'IDC link',
};

/** Peerings, CCN attachments, IDC links and the ties between clusters and their subnets. */
export function linkEdges(
  plan: Pick<Plan, 'vpcs' | 'subnets' | 'clusters' | 'peerings' | 'ccns' | 'idcs'>,
): LinkEdge[] {
  const edges: LinkEdge[] = [];
  const ids = new Set<string>(
    [...plan.vpcs, ...plan.subnets, ...plan.clusters, ...plan.ccns, ...plan.idcs].map((o) => o.id),
  );
  const names = new Map<string, string>(
    [...plan.vpcs, ...plan.subnets, ...plan.clusters, ...plan.ccns, ...plan.idcs].map((o) => [
      o.id,
      label(o),
    ]),
  );
  // Which links a plan has is the picture export's too: one list, drawn two ways.
  for (const { id, source, target, kind, label } of planLinks(plan, ids)) {
    edges.push({
      id,
      source,
      target,
      type: 'link',
      ariaLabel: `${LINK_WORDS[kind]} ${names.get(source)} to ${names.get(target)}`,
      data: { kind, ...(label ? { label } : {}) },
      selectable: kind === 'peering',
      focusable: false,
      domAttributes: { 'data-kind': kind } as Record<string, string>,
      zIndex: kind === 'node-subnet' || kind === 'pod-subnet' ? 5 : 1,
    });
  }
  return edges;
}

/** What a link edge draws and says: two with the same signature draw the same. */
function linkSignature(e: LinkEdge): string {
  return [e.id, e.source, e.target, e.ariaLabel, e.data!.kind, e.data!.label ?? ''].join('\u0000');
}

/**
 * Link edges that stay the same objects while they say the same: an edit of a cluster's CIDR
 * rebuilds the list (the clusters changed) but leaves every link as it was, so React Flow and the
 * memoised edges skip them all and the canvas's edge list stays the same array.
 */
export class LinkEdgeCache {
  private last: { edges: LinkEdge[]; signatures: Map<string, LinkEdge> } = {
    edges: [],
    signatures: new Map(),
  };

  build(plan: Parameters<typeof linkEdges>[0]): LinkEdge[] {
    const fresh = linkEdges(plan);
    const signatures = new Map<string, LinkEdge>();
    let same = fresh.length === this.last.edges.length;
    const edges = fresh.map((e, i) => {
      const sig = linkSignature(e);
      const kept = this.last.signatures.get(sig) ?? e;
      signatures.set(sig, kept);
      if (kept !== this.last.edges[i]) same = false;
      return kept;
    });
    this.last = { edges: same ? this.last.edges : edges, signatures };
    return this.last.edges;
  }
}

const VERDICT_COLORS = { direct: '#059669', snat: '#2563eb', unreachable: '#dc2626' } as const;

/**
 * One edge per path whose ends are drawn on the canvas. An edge whose path says the same as
 * before is the same object, so React Flow and the memoised edge skip it: a result that changes
 * two paths out of a hundred re-renders two edges.
 */
export class PathEdgeCache {
  private cache = new Map<string, PathEdge>();
  private last: PathEdge[] = [];

  /**
   * Resources are the ends of most paths; with many on the canvas, a path to each becomes a
   * hairball that tells nothing. Beyond BUNDLE_ABOVE edges, the paths from one cluster to the
   * resources of one subnet that share a verdict and reason are drawn as one edge to the subnet.
   */
  build(
    paths: readonly PathResult[],
    drawn: ReadonlySet<string>,
    subnetOf: (id: string) => string | undefined,
    nameOf: (id: string) => string = (id) => id,
  ): PathEdge[] {
    const next = new Map<string, PathEdge>();
    const out: PathEdge[] = [];
    const shown = paths.filter((p) => drawn.has(p.from) && drawn.has(p.to) && p.from !== p.to);
    const bundles = new Map<string, PathResult[]>();
    const single: PathResult[] = [];
    if (shown.length > BUNDLE_ABOVE) {
      for (const p of shown) {
        const subnet = subnetOf(p.to);
        if (!subnet || !drawn.has(subnet)) {
          single.push(p);
          continue;
        }
        const key = `${p.from}->${subnet}:${p.verdict}:${p.reason ?? ''}`;
        const list = bundles.get(key);
        if (list) list.push(p);
        else bundles.set(key, [p]);
      }
    } else single.push(...shown);
    for (const p of single) {
      const key = pathKey(p);
      const prev = this.cache.get(key);
      const aria = pathAriaLabel(p, nameOf);
      const edge =
        prev && !prev.data!.keys && samePath(prev.data!.path, p) && prev.ariaLabel === aria
          ? prev
          : pathEdge(p, key, aria);
      next.set(key, edge);
      out.push(edge);
    }
    // A bundle's id names its place (the nth bundle from this cluster to this subnet), not its
    // verdict: when an edit flips the verdict, React Flow updates the drawn edge in place
    // instead of unmounting it and mounting a new one.
    const nth = new Map<string, number>();
    for (const [key, list] of bundles) {
      const first = list[0]!;
      if (list.length === 1) {
        const k = pathKey(first);
        const prev = this.cache.get(k);
        const aria = pathAriaLabel(first, nameOf);
        const edge =
          prev && !prev.data!.keys && samePath(prev.data!.path, first) && prev.ariaLabel === aria
            ? prev
            : pathEdge(first, k, aria);
        next.set(k, edge);
        out.push(edge);
        continue;
      }
      const keys = list.map(pathKey);
      const prev = this.cache.get(key);
      const same =
        prev?.data?.keys?.length === keys.length &&
        prev.data.keys.every((k, i) => k === keys[i]) &&
        samePath(prev.data.path, first);
      const subnet = subnetOf(first.to)!;
      const group = `${first.from}->${subnet}`;
      const slot = nth.get(group) ?? 0;
      nth.set(group, slot + 1);
      const id = `paths:${group}#${slot}`;
      const aria = `${list.length} paths from ${nameOf(first.from)} to resources of ${nameOf(subnet)}: ${VERDICT_WORDS[first.verdict]}`;
      const edge: PathEdge =
        same && prev.ariaLabel === aria && prev.id === id
          ? prev
          : {
              ...pathEdge(first, key, aria),
              id,
              target: subnet,
              data: { path: first, key, keys },
              domAttributes: {
                'data-verdict': first.verdict,
                'data-from': first.from,
                'data-to': subnet,
                'data-count': String(list.length),
              } as Record<string, string>,
            };
      next.set(key, edge);
      out.push(edge);
    }
    this.cache = next;
    // The same edges in the same order are the same list: an edit that leaves every path as it
    // was (a CIDR typed while its paths hold) hands React Flow nothing new to take in.
    if (out.length === this.last.length && out.every((e, i) => e === this.last[i]))
      return this.last;
    this.last = out;
    return out;
  }
}

const VERDICT_WORDS = {
  direct: 'pod IP kept',
  snat: 'SNAT',
  unreachable: 'unreachable',
} as const;

/** Worse verdicts lie on top where lines cross. */
const VERDICT_Z = { direct: 10, snat: 11, unreachable: 12 } as const;

/** What a screen reader says for a path line, in the names people read. */
export function pathAriaLabel(p: PathResult, nameOf: (id: string) => string): string {
  const why = p.verdict === 'unreachable' && p.reason ? ` (${p.reason})` : '';
  return `path ${nameOf(p.from)} to ${nameOf(p.to)}: ${VERDICT_WORDS[p.verdict]}${why}`;
}

function pathEdge(p: PathResult, key: string, ariaLabel: string): PathEdge {
  return {
    id: `path:${key}`,
    ariaLabel,
    source: p.from,
    target: p.to,
    type: 'path',
    data: { path: p, key },
    // React Flow draws these arrowheads inside the viewport, so picture exports keep them.
    markerEnd: {
      type: MarkerType.ArrowClosed,
      color: VERDICT_COLORS[p.verdict],
      width: 14,
      height: 14,
    },
    selectable: false,
    focusable: false,
    zIndex: VERDICT_Z[p.verdict],
    domAttributes: { 'data-verdict': p.verdict, 'data-from': p.from, 'data-to': p.to } as Record<
      string,
      string
    >,
  };
}
