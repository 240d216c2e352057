// VPCs and subnets: the containers everything else sits in.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Subnet, Vpc } from '../../domain/model/plan';
import { KIND_ICONS } from '../../ui/icons';
import type { ObjectNode } from '../flow-model';
import { Chip, Handles, StatusBadge, StatusRings, statusClass, useObjectState } from './NodeChrome';

export const VpcNode = memo(function VpcNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const v = data.obj as Vpc;
  const s = useObjectState(id);
  const Icon = KIND_ICONS.vpc;
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
      </header>
    </div>
  );
});

export const SubnetNode = memo(function SubnetNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const sn = data.obj as Subnet;
  const s = useObjectState(id);
  const Icon = KIND_ICONS.subnet;
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
      </header>
      <div className="cc-subnet__meta">
        <Chip tone="blue">{sn.cidr}</Chip>
        {sn.zone && <span className="cc-muted">{sn.zone}</span>}
        {sn.routeTable && <span className="cc-muted">rtb: {sn.routeTable}</span>}
      </div>
    </div>
  );
});
