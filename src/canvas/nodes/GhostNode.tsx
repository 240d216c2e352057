// A removed object where it was: its kind, name and range, faded and dashed; nothing to edit.
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GhostNode as GhostNodeType } from '../ghosts';
import { KIND_WORDS } from '../../ui/kind-words';
import './compare-marks.css';

export const GhostNode = memo(function GhostNode({ data }: NodeProps<GhostNodeType>) {
  return (
    <div
      className={`cc-ghost cc-ghost--${data.kind}`}
      data-testid={`ghost-${data.id}`}
      title={`Removed since the plan compared with: ${data.name}`}
    >
      <span className="cc-ghost__badge" aria-hidden>
        −
      </span>
      <span className="cc-ghost__kind">{KIND_WORDS[data.objectKind]} · removed</span>
      <span className="cc-ghost__name">{data.name}</span>
      {data.detail && <code className="cc-ghost__detail">{data.detail}</code>}
    </div>
  );
});
