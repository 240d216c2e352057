// Objects a comparison finds removed, drawn where the plan compared with had them: faded, dashed
// and out of reach of editing, inside their old container when it is still on the canvas.
import type { Node } from '@xyflow/react';
import type { DiffKind, ObjectRef } from '../domain/diff/objects';
import { label } from '../domain/model/defaults';
import { containerOf, DRAW_ORDER, NODE_KIND_OF } from '../domain/model/node-kinds';
import type { LayoutBox, ObjectKind, Plan } from '../domain/model/plan';
import { ghostId } from '../store/compare-slice';
import type { CanvasKind } from './flow-model';
import { CANVAS_KIND, nodeSize, OBJECT_KIND_OF_CANVAS } from '../ui/kinds';

export interface GhostData extends Record<string, unknown> {
  readonly kind: CanvasKind;
  readonly objectKind: DiffKind;
  readonly id: string;
  readonly name: string;
  readonly detail: string | undefined;
}

export type GhostNode = Node<GhostData, 'ghost'>;

/** Ghosts are never the internet: every canvas kind they take is an object's. */
const OBJECT_KIND = OBJECT_KIND_OF_CANVAS as Readonly<Record<CanvasKind, ObjectKind>>;
/** Containers first: React Flow wants a parent before its children. */
const ORDER: readonly CanvasKind[] = DRAW_ORDER.map((k) => NODE_KIND_OF[k]!);

type Any = Readonly<Record<string, unknown>> & { readonly id: string };

function parentOf(kind: CanvasKind, o: Any): string | undefined {
  return containerOf(OBJECT_KIND[kind], o);
}

function detailOf(o: Any): string | undefined {
  for (const k of ['cidr', 'ip', 'containerCidr'] as const)
    if (typeof o[k] === 'string') return o[k];
  return undefined;
}

/**
 * Ghost nodes for the removed objects that have a place on the canvas. `drawn` holds the ids the
 * canvas draws now: a ghost whose container is still there sits in it; one whose container went
 * too sits in that container's ghost; otherwise it sits where the old layout put it on the page.
 */
export function ghostNodes(
  base: Plan,
  removed: readonly ObjectRef[],
  drawn: ReadonlySet<string>,
  picked: string | null,
): GhostNode[] {
  const byId = new Map<string, Any>();
  for (const list of [
    base.vpcs,
    base.subnets,
    base.clusters,
    base.resources,
    base.natGateways,
    base.idcs,
    base.ccns,
  ] as unknown as readonly (readonly Any[])[])
    for (const o of list) byId.set(o.id, o);
  const layout = base.layout ?? {};
  const gone = new Set(removed.map((r) => r.id));
  const absolute = (id: string): { x: number; y: number } => {
    const box: LayoutBox | undefined = layout[id];
    const o = byId.get(id);
    const kind = o ? kindOfId(id) : undefined;
    const parent = o && kind ? parentOf(kind, o) : undefined;
    const up = parent && byId.has(parent) ? absolute(parent) : { x: 0, y: 0 };
    return { x: up.x + (box?.x ?? 0), y: up.y + (box?.y ?? 0) };
  };
  const kindById = new Map<string, CanvasKind>();
  for (const r of removed) {
    const k = CANVAS_KIND[r.kind];
    if (k) kindById.set(r.id, k);
  }
  const kindOfId = (id: string): CanvasKind | undefined => {
    const known = kindById.get(id);
    if (known) return known;
    if (base.vpcs.some((v) => v.id === id)) return 'vpc';
    if (base.subnets.some((v) => v.id === id)) return 'subnet';
    return undefined;
  };
  const out: GhostNode[] = [];
  const placed = [...kindById].sort((a, b) => ORDER.indexOf(a[1]) - ORDER.indexOf(b[1]));
  for (const [id, kind] of placed) {
    const o = byId.get(id);
    const box = layout[id];
    if (!o || !box) continue;
    const parent = parentOf(kind, o);
    const size = nodeSize(kind);
    const inLive = parent !== undefined && drawn.has(parent);
    const inGhost = parent !== undefined && gone.has(parent) && layout[parent] !== undefined;
    const position =
      inLive || inGhost ? { x: box.x, y: box.y } : parent ? absolute(id) : { x: box.x, y: box.y };
    out.push({
      id: ghostId(id),
      type: 'ghost',
      position,
      ...(inLive ? { parentId: parent } : inGhost ? { parentId: ghostId(parent) } : {}),
      width: box.width ?? size.width,
      height: box.height ?? size.height,
      data: { kind, objectKind: OBJECT_KIND[kind], id, name: label(o), detail: detailOf(o) },
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      zIndex: kind === 'vpc' ? 0 : 2,
      domAttributes: {
        'data-ghost': id,
        'data-kind': kind,
        ...(picked === id ? { 'data-picked': 'true' } : {}),
      } as Record<string, string>,
    });
  }
  return out;
}
