// VPCs and subnets: the containers everything else sits in.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Subnet, Vpc } from '../../domain/model/plan';
import { KIND_ICONS } from '../../ui/icons';
import type { ObjectNode } from '../flow-model';
import {
  Chip,
  Handles,
  StatusBadge,
  StatusRings,
  statusClass,
  useObjectState,
  sameObject,
} from './NodeChrome';
import { CommentBadge } from './CommentBadge';
import { ReservedChips } from './ReservedChips';
import { FarNode, useFar } from './far';
import { useAppStore } from '../../store/app-store';
import { nameOf, selectNames } from '../../store/selectors';
import { contentExtent } from '../placement';

/**
 * The smallest a selected container can be resized to: what it holds stays inside. Read only
 * while selected (its resize handles show), so a thousand containers add no store work.
 */
function useMinSize(id: string, selected: boolean, min: { width: number; height: number }) {
  const width = useAppStore((s) => (selected ? contentExtent(s.plan, id).width : 0));
  const height = useAppStore((s) => (selected ? contentExtent(s.plan, id).height : 0));
  return { minWidth: Math.max(min.width, width), minHeight: Math.max(min.height, height) };
}

export const VpcNode = memo(function VpcNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const v = data.obj as Vpc;
  const s = useObjectState(id);
  const far = useFar();
  const Icon = KIND_ICONS.vpc;
  const size = useMinSize(id, selected, { width: 260, height: 160 });
  if (far)
    return (
      <FarNode
        id={id}
        kind="vpc"
        state={s}
        selected={selected}
        title={`${v.name ?? v.id} ${v.cidr}`}
        label={
          <>
            <span className="cc-title">{v.name ?? v.id}</span> <code>{v.cidr}</code>
          </>
        }
        rings
      >
        <NodeResizer isVisible={selected} {...size} />
      </FarNode>
    );
  return (
    <div className={statusClass('cc-node cc-vpc', s, selected)} data-testid={`node-${id}`}>
      <StatusRings />
      <NodeResizer
        isVisible={selected}
        {...size}
        lineClassName="cc-resize-line"
        handleClassName="cc-resize-handle"
      />
      <Handles connectable />
      <div className="cc-vpc__head">
        <Icon size={16} aria-hidden />
        <span className="cc-title">{v.name ?? v.id}</span>
        <Chip tone="blue">{v.cidr}</Chip>
        {(v.secondaryCidrs ?? []).map((c) => (
          <Chip key={c} tone="blue" title="Secondary CIDR">
            +{c}
          </Chip>
        ))}
        {v.ipv6Cidr && <Chip title="IPv6 CIDR">{v.ipv6Cidr}</Chip>}
        <ReservedChips vpc={v} />
        <span className="cc-spacer" />
        {v.region && <span className="cc-muted">{v.region}</span>}
        <StatusBadge status={s.status} count={s.count} />
        <CommentBadge id={id} />
      </div>
    </div>
  );
}, sameObject);

export const SubnetNode = memo(function SubnetNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const sn = data.obj as Subnet;
  const s = useObjectState(id);
  const far = useFar();
  const Icon = KIND_ICONS.subnet;
  const size = useMinSize(id, selected, { width: 180, height: 90 });
  // People read the table's name; its id stays on hover.
  const tableName = useAppStore((st) =>
    sn.routeTable ? nameOf(selectNames(st), sn.routeTable) : undefined,
  );
  if (far)
    return (
      <FarNode
        id={id}
        kind="subnet"
        state={s}
        selected={selected}
        title={`${sn.name ?? sn.id} ${sn.cidr}`}
        label={<code>{sn.cidr}</code>}
        rings
      >
        <NodeResizer isVisible={selected} {...size} />
      </FarNode>
    );
  return (
    <div className={statusClass('cc-node cc-subnet', s, selected)} data-testid={`node-${id}`}>
      <StatusRings />
      <NodeResizer
        isVisible={selected}
        {...size}
        lineClassName="cc-resize-line"
        handleClassName="cc-resize-handle"
      />
      <Handles connectable={false} />
      <div className="cc-subnet__head">
        <Icon size={14} aria-hidden />
        <span className="cc-title">{sn.name ?? sn.id}</span>
        <StatusBadge status={s.status} count={s.count} />
        <CommentBadge id={id} />
      </div>
      <div className="cc-subnet__meta">
        <Chip tone="blue">{sn.cidr}</Chip>
        {sn.zone && <span className="cc-muted">{sn.zone}</span>}
        {sn.routeTable && (
          <span className="cc-muted" title={sn.routeTable}>
            rtb: {tableName}
          </span>
        )}
      </div>
    </div>
  );
}, sameObject);
