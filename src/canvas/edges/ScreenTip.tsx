// A tooltip in screen space: drawn over the page at a fixed, readable size whatever the canvas's
// zoom, next to the pointer (or, when a path is hovered in the paths panel, next to the path's
// midpoint on the canvas), and kept inside the window.
import { useReactFlow } from '@xyflow/react';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const OFFSET = 14;
const MARGIN = 8;

export function ScreenTip({
  pointer,
  anchor,
  children,
}: {
  /** Where the pointer is, in client pixels; without it the tip goes by `anchor`. */
  pointer: { x: number; y: number } | null;
  /** A point on the canvas, in flow coordinates. */
  anchor: { x: number; y: number };
  children: ReactNode;
}) {
  const rf = useReactFlow();
  const at = pointer ?? rf.flowToScreenPosition(anchor);
  const el = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: at.x + OFFSET, top: at.y + OFFSET });
  useLayoutEffect(() => {
    const box = el.current?.getBoundingClientRect();
    if (!box) return;
    const w = window.innerWidth;
    const h = window.innerHeight;
    // Beside the pointer, flipped to the other side where the window ends.
    let left = at.x + OFFSET;
    let top = at.y + OFFSET;
    if (left + box.width > w - MARGIN) left = Math.max(MARGIN, at.x - OFFSET - box.width);
    if (top + box.height > h - MARGIN) top = Math.max(MARGIN, at.y - OFFSET - box.height);
    if (left !== pos.left || top !== pos.top) setPos({ left, top });
  }, [at.x, at.y, pos.left, pos.top]);
  return createPortal(
    <div ref={el} className="cc-path-tip" role="tooltip" style={pos}>
      {children}
    </div>,
    document.body,
  );
}
