// The plan's objects as React Flow nodes (its lines are in flow-edges.ts). Node objects are reused while nothing they show
// changes, so that React Flow and the memoised node components skip them on every other update.
import { Position, type Node } from '@xyflow/react';
import { label } from '../domain/model/defaults';
import { RESOURCE_KIND_NAMES } from '../domain/ops/create';
import { nodeSize, type CanvasKind } from '../ui/kinds';
import { KINDS } from '../domain/model/kinds';
import {
  CONTAINER_FIELD,
  CONTAINER_KINDS,
  containerOf,
  DRAW_ORDER,
  NODE_KIND_OF,
} from '../domain/model/node-kinds';
import type { LayoutBox, Plan, PlanObject, ResourceKind } from '../domain/model/plan';

export type { CanvasKind } from '../ui/kinds';

/** The plan object travels in the node's data: a node changes exactly when its object does. */
export type ObjectNode = Node<{ kind: CanvasKind; obj: unknown }, CanvasKind>;

export const INTERNET_ID = 'internet';

interface Inputs {
  readonly obj: unknown;
  readonly box: LayoutBox | undefined;
  readonly selected: boolean;
  readonly status: string;
  readonly index: number;
  /** Added or changed since the plan compared with, if a comparison is on. */
  readonly mark: string | undefined;
}

const sizeOf = nodeSize;

/** What a screen reader says for a node: its kind, its name and its address ("subnet nodes-gz4 10.0.2.0/24"). */
export function nodeAriaLabel(kind: CanvasKind, obj: unknown): string {
  if (kind === 'internet') return 'Internet';
  const o = obj as {
    id: string;
    name?: string;
    cidr?: string;
    ip?: string;
    kind?: ResourceKind;
    containerCidr?: string;
    mode?: string;
    cidrs?: readonly string[];
  };
  const name = label(o);
  switch (kind) {
    case 'vpc':
      return `VPC ${name} ${o.cidr ?? ''}`.trim();
    case 'subnet':
      return `subnet ${name} ${o.cidr ?? ''}`.trim();
    case 'cluster':
      return `cluster ${name} ${o.containerCidr ?? (o.mode === 'vpc-cni' ? 'VPC-CNI' : '')}`.trim();
    case 'resource':
      return `${RESOURCE_KIND_NAMES[o.kind ?? 'other'] ?? 'resource'} ${name} ${o.ip ?? ''}`.trim();
    case 'nat':
      return `NAT gateway ${name}`;
    case 'idc':
      return `IDC ${name} ${(o.cidrs ?? []).join(', ')}`.trim();
    case 'ccn':
      return `CCN ${name}`;
  }
}

/** Where an object without a layout box goes: a grid inside its parent. */
export function fallbackPosition(kind: CanvasKind, index: number): { x: number; y: number } {
  switch (kind) {
    case 'vpc':
      return { x: 40 + index * 840, y: 40 };
    case 'subnet':
      return { x: 24 + (index % 2) * 330, y: 56 + Math.floor(index / 2) * 200 };
    case 'cluster':
    case 'nat':
      return { x: 700, y: 56 + index * 110 };
    case 'resource':
      return { x: 16 + (index % 2) * 150, y: 52 + Math.floor(index / 2) * 64 };
    case 'idc':
      return { x: 40 + index * 260, y: 620 };
    case 'ccn':
      return { x: 40 + index * 200, y: -160 };
    case 'internet':
      return { x: 880, y: -160 };
  }
}

/**
 * Edges here float (they meet a node's border wherever the line between centres crosses it), so
 * the handles they hang on need no measuring: declaring them keeps React Flow from dropping every
 * edge of a node while it measures the node's handles again after each edit.
 */
const FIXED_HANDLES: NonNullable<ObjectNode['handles']> = [
  { id: 'in', type: 'target', position: Position.Top, x: 0, y: 0, width: 1, height: 1 },
  { id: 'out', type: 'source', position: Position.Bottom, x: 0, y: 0, width: 1, height: 1 },
];
/** Objects a person connects by dragging from the dot on their right edge (see NodeChrome). */
const CONNECTABLE: ReadonlySet<CanvasKind> = new Set(['vpc', 'cluster', 'idc', 'ccn']);
/** Boxes laid out, without a layout, in a column beside their container's subnets. */
const SIDE_SLOT: ReadonlySet<CanvasKind> = new Set(['cluster', 'nat']);

/** Above everything else while dragged (React Flow lifts a node's children above it in turn). */
export const DRAG_Z = 1000;

/**
 * The nodes with the positions of a drag in progress. Only the dragged nodes change; the plan
 * takes the final positions when the drag ends, as one edit. Dragged nodes are lifted to the
 * top: the browser finds what is under the pointer from the top down, and on a large plan a
 * dragged VPC at the bottom costs a walk past every other node on every mouse move.
 */
export function withPositions(
  nodes: ObjectNode[],
  positions: ReadonlyMap<string, { x: number; y: number }> | null,
): ObjectNode[] {
  if (!positions || positions.size === 0) return nodes;
  return nodes.map((n) => {
    const p = positions.get(n.id);
    return p ? { ...n, position: p, zIndex: DRAG_Z } : n;
  });
}

export class NodeCache {
  private cache = new Map<string, { inputs: Inputs; node: ObjectNode }>();
  /**
   * Sizes React Flow measured. A node object handed over without `measured` makes React Flow
   * measure it again, and until then every edge at that node disappears and is mounted anew:
   * so each new node object carries the last measured size.
   */
  private readonly measured = new Map<string, { width: number; height: number }>();

  setMeasured(id: string, size: { width: number; height: number }): void {
    this.measured.set(id, size);
  }

  build(
    plan: Plan,
    selection: ReadonlySet<string>,
    status: Readonly<Record<string, string>>,
    marks: Readonly<Record<string, string>> = {},
  ): ObjectNode[] {
    const next = new Map<string, { inputs: Inputs; node: ObjectNode }>();
    const out: ObjectNode[] = [];
    const layout = plan.layout ?? {};
    const add = (id: string, kind: CanvasKind, obj: unknown, index: number, parentId?: string) => {
      const box = layout[id];
      const inputs: Inputs = {
        obj,
        box,
        selected: selection.has(id),
        status: status[id] ?? 'ok',
        index,
        mark: marks[id],
      };
      const prev = this.cache.get(id);
      let node = prev?.node;
      const same =
        prev &&
        prev.inputs.obj === obj &&
        prev.inputs.box === box &&
        prev.inputs.selected === inputs.selected &&
        prev.inputs.status === inputs.status &&
        prev.inputs.mark === inputs.mark &&
        (box !== undefined || prev.inputs.index === index) &&
        node?.parentId === parentId;
      if (!same || !node) {
        const resizable = kind === 'vpc' || kind === 'subnet';
        const size = sizeOf(kind);
        node = {
          id,
          type: kind,
          position: box ? { x: box.x, y: box.y } : fallbackPosition(kind, index),
          data: { kind, obj },
          ariaLabel: nodeAriaLabel(kind, obj),
          selected: inputs.selected,
          ...(parentId ? { parentId } : {}),
          // Leaves size themselves; their initial size lets a large plan's canvas tell which
          // are in view before they are drawn (React Flow takes a zero-sized node as visible).
          ...(resizable
            ? { width: box?.width ?? size.width, height: box?.height ?? size.height }
            : { initialWidth: size.width, initialHeight: size.height }),
          domAttributes: {
            'data-status': inputs.status,
            'data-kind': kind,
            ...(inputs.mark ? { 'data-diff': inputs.mark } : {}),
          } as Record<string, string>,
          handles: CONNECTABLE.has(kind)
            ? [
                ...FIXED_HANDLES,
                {
                  id: 'connect',
                  type: 'source',
                  position: Position.Right,
                  x: box?.width ?? size.width,
                  y: 19,
                  width: 11,
                  height: 11,
                },
              ]
            : FIXED_HANDLES,
          ...(this.measured.has(id) ? { measured: this.measured.get(id)! } : {}),
          ...(kind === 'vpc' ? { zIndex: 0 } : {}),
        };
      }
      next.set(id, { inputs, node });
      out.push(node);
    };
    // Boxes by the kind registry, containers first; one whose container is not drawn is not
    // either. Without a layout a box takes the next slot of its container (clusters and NAT
    // gateways a column of their own beside the subnets) or of the page.
    const containers = new Set<string>();
    const perSlot = new Map<string, number>();
    const nth = (slot: string) => {
      const n = perSlot.get(slot) ?? 0;
      perSlot.set(slot, n + 1);
      return n;
    };
    for (const kind of DRAW_ORDER) {
      const canvas = NODE_KIND_OF[kind]!;
      const holds = CONTAINER_KINDS.has(kind);
      const contained = CONTAINER_FIELD[kind] !== undefined;
      const list = plan[KINDS[kind].collection] as readonly PlanObject[];
      for (let i = 0; i < list.length; i++) {
        const o = list[i]!;
        if (!contained) add(o.id, canvas, o, i);
        else {
          const parent = containerOf(kind, o);
          if (parent === undefined || !containers.has(parent)) continue;
          add(o.id, canvas, o, nth(SIDE_SLOT.has(canvas) ? `${parent}/side` : parent), parent);
        }
        if (holds) containers.add(o.id);
      }
    }
    add(INTERNET_ID, 'internet', INTERNET_ID, 0);
    this.cache = next;
    return out;
  }
}
