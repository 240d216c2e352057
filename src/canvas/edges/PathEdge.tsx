// A communication path from a cluster: solid when the pod IP is kept, dashed and labelled when
// SNATed to the node IP, red with the reason when the packet never gets there and back.
import {
  BaseEdge,
  getBezierPath,
  useStore,
  type EdgeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { nameOf, type Names, selectNames, selectReviewing } from '../../store/selectors';
import type { PathEdge as PathEdgeType } from '../flow-edges';
import { floatingEnds, useNodeBox } from './geometry';
import { EdgeLabel } from './label-layer';
import { labelSize, labelSpot } from './label-spot';
import { ScreenTip } from './ScreenTip';
import { textZoom } from '../zoom-scale';

const selectTextZoom = (s: ReactFlowState) => textZoom(s.transform[2]);

function shortLabel(
  p: NonNullable<PathEdgeType['data']>['path'],
  names: Names,
): string | undefined {
  // snatTo is a NAT gateway's id or the node subnet's CIDR: people read the gateway's name.
  if (p.verdict === 'snat') return `SNAT → ${p.snatTo ? nameOf(names, p.snatTo) : 'node IP'}`;
  if (p.verdict === 'unreachable') return p.reason ?? 'unreachable';
  return undefined;
}

const CURVATURE = 0.35;

const VERDICT_WORD = { direct: 'direct', snat: 'SNAT', unreachable: 'unreachable' } as const;

export const PathEdge = memo(function PathEdge({
  id,
  source,
  target,
  data,
  markerEnd,
}: EdgeProps<PathEdgeType>) {
  const s = useNodeBox(source);
  const t = useNodeBox(target);
  // Where the pointer is while it is over the line or its label.
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);
  const reviewing = useAppStore(selectReviewing);
  // Stepped (`textZoom`): an edge draws again when its label's size steps, not every zoom frame.
  const zoom = useStore(selectTextZoom);
  const names = useAppStore(selectNames);
  const hovered = useAppStore(
    (st) =>
      data !== undefined &&
      st.hoveredPath !== null &&
      (st.hoveredPath === data.key || (data.keys?.includes(st.hoveredPath) ?? false)),
  );
  // While comparing: how this path's verdict moved since the plan compared with.
  const change = useAppStore((st) =>
    data && !data.keys ? st.compare?.pathChanges[data.key] : undefined,
  );
  if (!s || !t || !data) return null;
  const e = floatingEnds(s, t);
  const [path, midX, midY] = getBezierPath({
    sourceX: e.sx,
    sourceY: e.sy,
    sourcePosition: e.sourcePos,
    targetX: e.tx,
    targetY: e.ty,
    targetPosition: e.targetPos,
    curvature: CURVATURE,
  });
  const p = data.path;
  const count = data.keys?.length ?? 1;
  const base = shortLabel(p, names);
  const moved =
    change && change.after
      ? `${change.before ? VERDICT_WORD[change.before] : 'new'} → ${VERDICT_WORD[change.after]}`
      : undefined;
  const label = moved ?? (count > 1 ? `${count} × ${base ?? 'direct'}` : base);
  const size = label ? labelSize(label, zoom) : undefined;
  const { x: lx, y: ly } = size
    ? labelSpot(e, s, t, size.w, size.h, CURVATURE)
    : { x: midX, y: midY };
  return (
    <>
      <g
        onMouseEnter={(ev) => setHover({ x: ev.clientX, y: ev.clientY })}
        onMouseMove={(ev) => setHover({ x: ev.clientX, y: ev.clientY })}
        onMouseLeave={() => setHover(null)}
      >
        <BaseEdge
          id={id}
          path={path}
          markerEnd={markerEnd}
          className={`cc-path cc-path--${p.verdict}${hover || hovered ? ' is-hovered' : ''}`}
          interactionWidth={10}
        />
      </g>
      <EdgeLabel>
        {label && (
          <div
            className={`cc-path-label cc-path-label--${p.verdict}${moved ? ' cc-path-label--moved' : ''}`}
            {...(moved ? { 'data-change': moved } : {})}
            title={moved && base ? `${moved}: ${base}` : undefined}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
            onMouseEnter={(ev) => setHover({ x: ev.clientX, y: ev.clientY })}
            onMouseLeave={() => setHover(null)}
          >
            {label}
          </div>
        )}
      </EdgeLabel>
      {/* In review the card tells the path; a tip would cover the objects it is about. */}
      {(hover || (hovered && !reviewing)) && (
        <ScreenTip pointer={hover} anchor={{ x: lx, y: ly }}>
          <div className="cc-path-tip__title">
            {nameOf(names, p.from)} →{' '}
            {count > 1 ? `${count} resources of ${nameOf(names, target)}` : nameOf(names, p.to)}:{' '}
            <strong>{p.verdict}</strong>
            {p.reason ? ` (${p.reason})` : ''}
          </div>
          {count > 1 && <div className="cc-path-tip__msg">The first of them:</div>}
          <ol className="cc-path-tip__hops">
            {p.hops.map((h, i) => (
              <li key={`${h}-${i}`} data-id={h}>
                {nameOf(names, h)}
              </li>
            ))}
          </ol>
          <div className="cc-path-tip__msg">{p.message}</div>
        </ScreenTip>
      )}
    </>
  );
});
