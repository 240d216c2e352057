// What every object on the canvas shares: its status outline and badge, the highlight when a
// finding under the pointer names it, and the handles that edges and connections attach to.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useAppStore } from '../../store/app-store';
import { findingCountOf, highlightedBy, statusOf } from '../../store/selectors';

/**
 * Node components draw their object, not where it is: they skip the re-render React Flow asks
 * for on every frame of a drag (a VPC moves with every node inside it), which would also
 * re-render each node's handles and store subscriptions.
 */
export function sameObject(a: NodeProps, b: NodeProps): boolean {
  return (
    a.id === b.id &&
    a.data === b.data &&
    a.selected === b.selected &&
    a.isConnectable === b.isConnectable &&
    a.type === b.type
  );
}

export function useObjectState(id: string) {
  const status = useAppStore(statusOf(id));
  const count = useAppStore(findingCountOf(id));
  const highlighted = useAppStore(highlightedBy(id));
  return { status, count, highlighted };
}

export function statusClass(
  base: string,
  s: { status: string; highlighted: boolean },
  selected: boolean,
): string {
  return [
    base,
    `is-${s.status}`,
    s.highlighted ? 'is-highlighted' : '',
    selected ? 'is-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function StatusBadge({ status, count }: { status: string; count: number }) {
  if (status === 'ok' || count === 0) return null;
  return (
    <span
      className={`cc-badge cc-badge--${status}`}
      title={`${count} finding${count === 1 ? '' : 's'}`}
      aria-label={`${count} ${status === 'error' ? 'with errors' : 'warnings'}`}
    >
      {status === 'error' ? '!' : '▲'} {count}
    </span>
  );
}

/** Hidden handles at the centre for drawn links, and a visible one for drawing new links. */
export function Handles({ connectable }: { connectable: boolean }) {
  return (
    <>
      <Handle
        type="target"
        position={Position.Top}
        className="cc-handle-hidden"
        isConnectable={false}
        id="in"
      />
      <Handle
        type="source"
        position={Position.Bottom}
        className="cc-handle-hidden"
        isConnectable={false}
        id="out"
      />
      {connectable && (
        <Handle
          type="source"
          position={Position.Right}
          className="cc-handle-connect"
          id="connect"
          title="Drag to connect"
        />
      )}
    </>
  );
}

export function Chip({
  children,
  tone = 'plain',
  title,
}: {
  children: ReactNode;
  tone?: 'plain' | 'blue' | 'violet' | 'green' | 'amber';
  title?: string;
}) {
  return (
    <span className={`cc-chip cc-chip--${tone}`} title={title}>
      {children}
    </span>
  );
}

/**
 * The outlines of a container (VPC, subnet) in their own compositor layers, shown by opacity:
 * a big VPC lighting up then costs the browser no repaint of everything drawn inside it.
 */
export function StatusRings() {
  return (
    <>
      <span className="cc-ring cc-ring--error" aria-hidden />
      <span className="cc-ring cc-ring--warning" aria-hidden />
      <span className="cc-ring cc-ring--highlight" aria-hidden />
    </>
  );
}
