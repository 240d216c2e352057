// Peerings, CCN attachments, IDC links and cluster-to-subnet ties.
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  getStraightPath,
  type EdgeProps,
} from '@xyflow/react';
import { memo } from 'react';
import type { LinkEdge as LinkEdgeType } from '../flow-model';
import { floatingEnds, useNodeBox } from './geometry';

export const LinkEdge = memo(function LinkEdge({
  id,
  source,
  target,
  data,
  selected,
}: EdgeProps<LinkEdgeType>) {
  const s = useNodeBox(source);
  const t = useNodeBox(target);
  if (!s || !t || !data) return null;
  const e = floatingEnds(s, t);
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
        <EdgeLabelRenderer>
          <div
            className={`cc-edge-label cc-edge-label--${data.kind}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
