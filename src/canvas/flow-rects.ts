// The boxes React Flow has measured, in flow coordinates: what placement decides drops and moves
// on. Ghosts of removed objects are drawn like nodes but are no plan object, so they are left out.
import type { ReactFlowInstance } from '@xyflow/react';
import type { ObjectNode } from './flow-model';
import type { Rect } from './placement';

export function flowRects(rf: ReactFlowInstance<ObjectNode>): Rect[] {
  return rf.getNodes().flatMap((n) => {
    if ((n.type as string) === 'ghost') return [];
    const internal = rf.getInternalNode(n.id);
    if (!internal) return [];
    const p = internal.internals.positionAbsolute;
    return [
      {
        id: n.id,
        kind: n.type,
        x: p.x,
        y: p.y,
        w: internal.measured.width ?? n.width ?? 0,
        h: internal.measured.height ?? n.height ?? 0,
      },
    ];
  });
}
