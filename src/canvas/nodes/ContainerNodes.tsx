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
import { FarNode, useFar } from './far';

export const VpcNode = memo(function VpcNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const v = data.obj as Vpc;
  const s = useObjectState(id);
  const far = useFar();
  const Icon = KIND_ICONS.vpc;
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
        <NodeResizer isVisible={selected} minWidth={260} minHeight={160} />
      </FarNode>
    );
  return (
    <div className={statusClass('cc-node cc-vpc', s, selected)} data-testid={`node-${id}`}>
      <StatusRings />
      <NodeResizer
        isVisible={selected}
        minWidth={260}
        minHeight={160}
        lineClassName="cc-resize-line"
        handleClassName="cc-resize-handle"
      />
      <Handles connectable />
      <header className="cc-vpc__head">
        <Icon size={16} aria-hidden />
        <span className="cc-title">{v.name ?? v.id}</span>
        <Chip tone="blue">{v.cidr}</Chip>
        {(v.secondaryCidrs ?? []).map((c) => (
          <Chip key={c} tone="blue" title="Secondary CIDR">
            +{c}
          </Chip>
        ))}
        {v.ipv6Cidr && <Chip title="IPv6 CIDR">{v.ipv6Cidr}</Chip>}
        <span className="cc-spacer" />
        {v.region && <span className="cc-muted">{v.region}</span>}
        <StatusBadge status={s.status} count={s.count} />
        <CommentBadge id={id} />
      </header>
    </div>
  );
}, sameObject);

export const SubnetNode = memo(function SubnetNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const sn = data.obj as Subnet;
  const s = useObjectState(id);
  const far = useFar();
  const Icon = KIND_ICONS.subnet;
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
        <NodeResizer isVisible={selected} minWidth={180} minHeight={90} />
      </FarNode>
    );
  return (
    <div className={statusClass('cc-node cc-subnet', s, selected)} data-testid={`node-${id}`}>
      <StatusRings />
      <NodeResizer
        isVisible={selected}
        minWidth={180}
        minHeight={90}
        lineClassName="cc-resize-line"
        handleClassName="cc-resize-handle"
      />
      <Handles connectable={false} />
      <header className="cc-subnet__head">
        <Icon size={14} aria-hidden />
        <span className="cc-title">{sn.name ?? sn.id}</span>
        <StatusBadge status={s.status} count={s.count} />
        <CommentBadge id={id} />
      </header>
      <div className="cc-subnet__meta">
        <Chip tone="blue">{sn.cidr}</Chip>
        {sn.zone && <span className="cc-muted">{sn.zone}</span>}
        {sn.routeTable && <span className="cc-muted">rtb: {sn.routeTable}</span>}
      </div>
    </div>
  );
}, sameObject);
