// What React Flow reports about nodes, turned into plan edits: selection, resizes and drags. A
// drag moves nodes in the canvas's own state and reaches the plan once, when it ends: an edit per
// mouse move would re-render everything that reads the plan on every move.
import { useReactFlow, type NodeChange, type OnNodeDrag } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import type { PlanOp } from '../domain/ops/ops';
import { useAppStore } from '../store/app-store';
import type { NodeCache, ObjectNode } from './flow-model';
import { flowRects } from './flow-rects';
import { containOps, moveOps } from './placement';

type Point = { x: number; y: number };

export function useNodeChanges(nodeCache: NodeCache) {
  const rf = useReactFlow<ObjectNode>();
  const dragStart = useRef(new Map<string, Point>());
  const dragPositions = useRef(new Map<string, Point>());
  /** Where the nodes being dragged are, until the drag ends; null when nothing is dragged. */
  const [dragging, setDragging] = useState<ReadonlyMap<string, Point> | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<ObjectNode>[]) => {
      const s = useAppStore.getState();
      const ops: PlanOp[] = [];
      let selectionChanged = false;
      const nextSel = new Set(s.selection);
      let resizeDone = false;
      let dragged = false;
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging) {
          dragPositions.current.set(c.id, {
            x: Math.round(c.position.x),
            y: Math.round(c.position.y),
          });
          dragged = true;
        } else if (c.type === 'dimensions' && c.resizing !== undefined && c.dimensions) {
          const box = useAppStore.getState().plan.layout?.[c.id];
          const moved = ops.findLast((o) => o.op === 'layout' && o.id === c.id);
          const base = moved && moved.op === 'layout' && moved.box ? moved.box : box;
          ops.push({
            op: 'layout',
            id: c.id,
            box: {
              x: base?.x ?? 0,
              y: base?.y ?? 0,
              width: Math.round(c.dimensions.width),
              height: Math.round(c.dimensions.height),
            },
          });
          if (!c.resizing) resizeDone = true;
        } else if (
          c.type === 'position' &&
          c.position &&
          !c.dragging &&
          dragStart.current.size === 0
        ) {
          // A resize from the top or left edge moves the node too.
          const box = s.plan.layout?.[c.id];
          if (box && (box.x !== Math.round(c.position.x) || box.y !== Math.round(c.position.y))) {
            ops.push({
              op: 'layout',
              id: c.id,
              box: { ...box, x: Math.round(c.position.x), y: Math.round(c.position.y) },
            });
          }
        } else if (c.type === 'dimensions' && c.dimensions) {
          nodeCache.setMeasured(c.id, c.dimensions);
        } else if (c.type === 'select') {
          selectionChanged = true;
          if (c.selected) nextSel.add(c.id);
          else nextSel.delete(c.id);
        }
      }
      if (dragged) setDragging(new Map(dragPositions.current));
      if (ops.length > 0) s.apply(ops, { capture: 'eventually', label: 'Move' });
      if (resizeDone) s.commitGesture();
      if (selectionChanged) s.select([...nextSel]);
    },
    [nodeCache],
  );

  const onNodeDragStart: OnNodeDrag<ObjectNode> = useCallback((_e, _node, dragged) => {
    dragStart.current = new Map(dragged.map((n) => [n.id, { ...n.position }]));
    dragPositions.current = new Map();
  }, []);

  const onNodeDragStop: OnNodeDrag<ObjectNode> = useCallback(
    (_e, _node, dragged) => {
      const moved = dragPositions.current;
      dragPositions.current = new Map();
      const layout = useAppStore.getState().plan.layout;
      const moves: PlanOp[] = [...moved].map(([id, p]) => ({
        op: 'layout',
        id,
        box: { ...(layout?.[id] ?? {}), x: p.x, y: p.y },
      }));
      if (moves.length > 0)
        useAppStore.getState().apply(moves, { capture: 'eventually', label: 'Move' });
      setDragging(null);
      const s = useAppStore.getState();
      const result = moveOps(
        s.plan,
        dragged.map((n) => n.id),
        flowRects(rf),
      );
      dragStart.current = new Map();
      if (result.refused) {
        s.cancelGesture();
        s.toast(result.refused, 'error');
        return;
      }
      if (result.ops.length > 0) s.apply(result.ops, { capture: 'eventually', label: 'Move' });
      // Dropped near a container's edge: the container grows to hold it, in the same undo step.
      const grow = containOps(
        useAppStore.getState().plan,
        dragged.map((n) => n.id),
      );
      if (grow.length > 0) s.apply(grow, { capture: 'eventually', label: 'Move' });
      s.commitGesture();
      if (result.message) s.toast(result.message, 'info');
    },
    [rf],
  );

  return { dragging, onNodesChange, onNodeDragStart, onNodeDragStop };
}
