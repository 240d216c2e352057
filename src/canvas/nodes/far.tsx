// Objects seen from far away. Below FAR_ZOOM a node's text is a few pixels high and its icons and
// chips are specks, yet each of them costs the browser on every frame of a drag; so a node then
// shows its outline, its status and, for containers, a title large enough to read from there.
import type { ReactFlowState } from '@xyflow/react';
import { createContext, useContext, type ReactNode } from 'react';
import { Handles, StatusRings, statusClass } from './NodeChrome';

/** Below this zoom the canvas draws objects at reduced detail. */
export const FAR_ZOOM = 0.4;

export const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/**
 * Whether the canvas is zoomed out past FAR_ZOOM, read once by the canvas and handed to the
 * nodes through context: a store subscription per node would run a thousand selectors on every
 * frame of a drag.
 */
export const FarContext = createContext(false);

export function useFar(): boolean {
  return useContext(FarContext);
}

export function FarNode({
  id,
  kind,
  state,
  selected,
  title,
  label,
  rings = false,
  children,
}: {
  id: string;
  kind: string;
  state: { status: string; highlighted: boolean };
  selected: boolean;
  /** Shown on hover: the name and address the node no longer draws. */
  title: string;
  /** Drawn large, for containers. */
  label?: ReactNode;
  rings?: boolean;
  children?: ReactNode;
}) {
  return (
    <div
      className={statusClass(`cc-node cc-${kind} cc-far`, state, selected)}
      data-testid={`node-${id}`}
      data-detail="far"
      title={title}
    >
      {rings && <StatusRings />}
      {/* Links are drawn from closer up: each handle is a store subscription run on every frame. */}
      <Handles connectable={false} />
      {label !== undefined && <div className="cc-far__label">{label}</div>}
      {children}
    </div>
  );
}
