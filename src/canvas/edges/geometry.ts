// Floating edges: each end sits where the line between the two node centres crosses the node's
// border, so links look right whichever way nodes are placed (after React Flow's example). The
// geometry itself is the picture export's (one home, so the picture's lines are the canvas's);
// here it meets React Flow's store and its Position.
import { Position, useStore, type ReactFlowState } from '@xyflow/react';
import { floatingEnds as ends, type Box, type Side } from '../../io/export/picture/geometry';

export type { Box };

const sameBox = (a: Box | undefined, b: Box | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h);

/**
 * Where a node is on the canvas, and nothing else: an edge re-renders when its ends move or
 * resize, not when the objects they show are edited.
 */
export function useNodeBox(id: string): Box | undefined {
  return useStore((s: ReactFlowState) => {
    const n = s.nodeLookup.get(id);
    if (!n) return undefined;
    const p = n.internals.positionAbsolute;
    return {
      x: p.x,
      y: p.y,
      w: n.measured.width ?? n.width ?? 0,
      h: n.measured.height ?? n.height ?? 0,
    };
  }, sameBox);
}

const POSITION: Readonly<Record<Side, Position>> = {
  left: Position.Left,
  right: Position.Right,
  top: Position.Top,
  bottom: Position.Bottom,
};

export function floatingEnds(s: Box, t: Box) {
  const e = ends(s, t);
  return { ...e, sourcePos: POSITION[e.sourceSide], targetPos: POSITION[e.targetSide] };
}
