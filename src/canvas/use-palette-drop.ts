// A kind dragged from the palette and dropped on the canvas: the object is created where it
// lands, inside the VPC or subnet under the pointer, with free ranges (src/domain/ops/create).
import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { createObject, type PaletteKind } from '../domain/ops/create';
import { useAppStore } from '../store/app-store';
import { PALETTE_MIME } from '../ui/dnd';
import { nodeSize, PALETTE_KINDS } from '../ui/kinds';
import type { ObjectNode } from './flow-model';
import { flowRects } from './flow-rects';
import { containerAt, placedCreationOps } from './placement';

export function usePaletteDrop() {
  const rf = useReactFlow<ObjectNode>();
  return useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      e.preventDefault();
      const s = useAppStore.getState();
      if (s.readOnly) return;
      const point = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const all = flowRects(rf);
      // VPCs, IDCs and CCNs sit on the canvas itself, wherever they are dropped.
      const container =
        kind === 'vpc' || kind === 'idc' || kind === 'ccn' ? undefined : containerAt(all, point);
      const size = nodeSize(PALETTE_KINDS[kind].canvas);
      const topLeft = { x: point.x - Math.min(size.width / 2, 40), y: point.y - 20 };
      const at = container ? { x: topLeft.x - container.x, y: topLeft.y - container.y } : topLeft;
      const nearVpc = all
        .filter((r) => r.kind === 'vpc')
        .sort(
          (a, b) =>
            Math.hypot(a.x + a.w / 2 - point.x, a.y + a.h / 2 - point.y) -
            Math.hypot(b.x + b.w / 2 - point.x, b.y + b.h / 2 - point.y),
        )[0]?.id;
      const created = createObject(s.plan, kind, at, container?.id, nearVpc);
      if (!created.ok) {
        s.toast(created.message, 'error');
        return;
      }
      s.apply(placedCreationOps(s.plan, created.ops, created.id), {
        capture: 'immediately',
        label: `Add ${kind}`,
      });
      s.select([created.id]);
    },
    [rf],
  );
}
