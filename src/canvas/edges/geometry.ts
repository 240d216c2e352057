// Floating edges: each end sits where the line between the two node centres crosses the node's
// border, so links look right whichever way nodes are placed (after React Flow's example).
import { Position, useStore, type ReactFlowState } from '@xyflow/react';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

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

function intersection(from: Box, to: Box): { x: number; y: number } {
  const w = from.w / 2;
  const h = from.h / 2;
  const cx = from.x + w;
  const cy = from.y + h;
  const tx = to.x + to.w / 2;
  const ty = to.y + to.h / 2;
  if (w === 0 || h === 0) return { x: cx, y: cy };
  const xx1 = (tx - cx) / (2 * w) - (ty - cy) / (2 * h);
  const yy1 = (tx - cx) / (2 * w) + (ty - cy) / (2 * h);
  const a = 1 / (Math.abs(xx1) + Math.abs(yy1) || 1);
  const xx3 = a * xx1;
  const yy3 = a * yy1;
  return { x: w * (xx3 + yy3) + cx, y: h * (-xx3 + yy3) + cy };
}

function side(b: Box, p: { x: number; y: number }): Position {
  const nx = Math.round(b.x);
  const ny = Math.round(b.y);
  const px = Math.round(p.x);
  const py = Math.round(p.y);
  if (px <= nx + 1) return Position.Left;
  if (px >= nx + b.w - 1) return Position.Right;
  if (py <= ny + 1) return Position.Top;
  return Position.Bottom;
}

/** When one node sits inside the other, leave from the inner node's top towards the outer's header. */
function nested(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

export function floatingEnds(s: Box, t: Box) {
  if (nested(t, s) || nested(s, t)) {
    const [inner, outer] = nested(t, s) ? [s, t] : [t, s];
    const a = { x: inner.x + inner.w / 2, y: inner.y };
    const b = { x: a.x, y: outer.y + 18 };
    const [sp, tp] = inner === s ? [a, b] : [b, a];
    return {
      sx: sp.x,
      sy: sp.y,
      tx: tp.x,
      ty: tp.y,
      sourcePos: Position.Top,
      targetPos: Position.Bottom,
    };
  }
  const sp = intersection(s, t);
  const tp = intersection(t, s);
  return { sx: sp.x, sy: sp.y, tx: tp.x, ty: tp.y, sourcePos: side(s, sp), targetPos: side(t, tp) };
}
