// Peerings, CCN attachments, IDC links and cluster-to-subnet ties.
import { BaseEdge, getBezierPath, getStraightPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge as LinkEdgeType } from '../flow-edges';
import { useFar } from '../nodes/far';
import { floatingEnds, useNodeBox } from './geometry';
import { EdgeLabel } from './label-layer';

export const LinkEdge = memo(function LinkEdge({
  id,
  source,
  target,
  data,
  selected,
}: EdgeProps<LinkEdgeType>) {
  const s = useNodeBox(source);
  const t = useNodeBox(target);
  const far = useFar();
  if (!s || !t || !data) return null;
  const e = floatingEnds(s, t);
  if (far) return <FarLink kind={data.kind} sx={e.sx} sy={e.sy} tx={e.tx} ty={e.ty} />;
  const tie = data.kind === 'node-subnet' || data.kind === 'pod-subnet';
  const [path, lx, ly] = tie
    ? getStraightPath({ sourceX: e.sx, sourceY: e.sy, targetX: e.tx, targetY: e.ty })
    : getBezierPath({
        sourceX: e.sx,
        sourceY: e.sy,
        sourcePosition: e.sourcePos,
        targetX: e.tx,
        targetY: e.ty,
        targetPosition: e.targetPos,
      });
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`cc-link cc-link--${data.kind}${selected ? ' is-selected' : ''}`}
        interactionWidth={data.kind === 'peering' ? 14 : 0}
      />
      {data.label && (
        <EdgeLabel>
          <div
            className={`cc-edge-label cc-edge-label--${data.kind}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabel>
      )}
    </>
  );
});

/**
 * A link seen from far away: a straight bar placed by its transform alone. Moving it while a VPC is
 * dragged changes nothing but a transform, which the browser applies without repainting the
 * canvas; an SVG path whose shape changes repaints all thousand nodes on every frame.
 */
function FarLink({
  kind,
  sx,
  sy,
  tx,
  ty,
}: {
  kind: string;
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}) {
  const length = Math.hypot(tx - sx, ty - sy);
  const angle = Math.atan2(ty - sy, tx - sx);
  return (
    <EdgeLabel>
      <div
        className={`cc-far-link cc-far-link--${kind}`}
        style={{ transform: `translate(${sx}px, ${sy}px) rotate(${angle}rad) scaleX(${length})` }}
      />
    </EdgeLabel>
  );
}
