// A communication path from a cluster: solid when the pod IP is kept, dashed and labelled when
// SNATed to the node IP, red with the reason when the packet never gets there and back.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import type { PathEdge as PathEdgeType } from '../flow-model';
import { floatingEnds, useNodeBox } from './geometry';

function shortLabel(p: NonNullable<PathEdgeType['data']>['path']): string | undefined {
  if (p.verdict === 'snat') return `SNAT → ${p.snatTo ?? 'node IP'}`;
  if (p.verdict === 'unreachable') return p.reason ?? 'unreachable';
  return undefined;
}

export const PathEdge = memo(function PathEdge({
  id,
  source,
  target,
  data,
}: EdgeProps<PathEdgeType>) {
  const s = useNodeBox(source);
  const t = useNodeBox(target);
  const [hover, setHover] = useState(false);
  const hovered = useAppStore((st) => data !== undefined && st.hoveredPath === data.key);
  if (!s || !t || !data) return null;
  const e = floatingEnds(s, t);
  const [path, lx, ly] = getBezierPath({
    sourceX: e.sx,
    sourceY: e.sy,
    sourcePosition: e.sourcePos,
    targetX: e.tx,
    targetY: e.ty,
    targetPosition: e.targetPos,
    curvature: 0.35,
  });
  const p = data.path;
  const label = shortLabel(p);
  const marker = `url(#cc-arrow-${p.verdict})`;
  return (
    <>
      <g onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
        <BaseEdge
          id={id}
          path={path}
          markerEnd={marker}
          className={`cc-path cc-path--${p.verdict}${hover || hovered ? ' is-hovered' : ''}`}
          interactionWidth={16}
        />
      </g>
      <EdgeLabelRenderer>
        {label && (
          <div
            className={`cc-path-label cc-path-label--${p.verdict}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
            onMouseEnter={() => setHover(true)}
            onMouseLeave={() => setHover(false)}
          >
            {label}
          </div>
        )}
        {(hover || hovered) && (
          <div
            className="cc-path-tip"
            role="tooltip"
            style={{ transform: `translate(-50%, 12px) translate(${lx}px, ${ly}px)` }}
          >
            <div className="cc-path-tip__title">
              {p.from} → {p.to}: <strong>{p.verdict}</strong>
              {p.reason ? ` (${p.reason})` : ''}
            </div>
            <ol className="cc-path-tip__hops">
              {p.hops.map((h, i) => (
                <li key={`${h}-${i}`}>{h}</li>
              ))}
            </ol>
            <div className="cc-path-tip__msg">{p.message}</div>
          </div>
        )}
      </EdgeLabelRenderer>
    </>
  );
});

/** Arrowheads for each verdict, defined once for the whole canvas. */
export function PathMarkers() {
  return (
    <svg className="cc-markers" aria-hidden>
      <defs>
        {(['direct', 'snat', 'unreachable'] as const).map((v) => (
          <marker
            key={v}
            id={`cc-arrow-${v}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={`cc-arrow cc-arrow--${v}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
