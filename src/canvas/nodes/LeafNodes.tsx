// Clusters, resources, gateways and the networks outside the cloud.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Ccn, Cluster, Idc, NatGateway, Resource } from '../../domain/model/plan';
import { useAppStore } from '../../store/app-store';
import { capacityOf } from '../../store/selectors';
import { KIND_ICONS, RESOURCE_ICONS } from '../../ui/icons';
import type { ObjectNode } from '../flow-model';
import { Chip, Handles, StatusBadge, sameObject, statusClass, useObjectState } from './NodeChrome';
import { CommentBadge } from './CommentBadge';
import { FarNode, useFar } from './far';

export const ClusterNode = memo(function ClusterNode({
  id,
  data,
  selected,
}: NodeProps<ObjectNode>) {
  const c = data.obj as Cluster;
  const s = useObjectState(id);
  const cap = useAppStore(capacityOf(id));
  const far = useFar();
  const Icon = KIND_ICONS.cluster;
  const cni = c.mode === 'vpc-cni';
  if (far)
    return (
      <FarNode
        id={id}
        kind="cluster"
        state={s}
        selected={selected}
        title={`${c.name ?? c.id} ${c.containerCidr ?? ''}`}
        label={<span className="cc-title">{c.name ?? c.id}</span>}
      />
    );
  return (
    <div className={statusClass('cc-node cc-cluster', s, selected)} data-testid={`node-${id}`}>
      <Handles connectable />
      <div className="cc-cluster__head">
        <Icon size={15} aria-hidden />
        <span className="cc-title">{c.name ?? c.id}</span>
        <Chip tone={cni ? 'green' : 'violet'}>{cni ? 'VPC-CNI' : 'GlobalRouter'}</Chip>
        <StatusBadge status={s.status} count={s.count} />
        <CommentBadge id={id} />
      </div>
      <div className="cc-cluster__body">
        {c.containerCidr && (
          <div>
            <span className="cc-label">pods</span> <code>{c.containerCidr}</code>
          </div>
        )}
        <div>
          <span className="cc-label">services</span>{' '}
          <code>{c.serviceCidr ?? cap?.serviceCidr ?? '—'}</code>
        </div>
        {cap && cap.maxNodes !== null && (
          <div className="cc-muted">
            {cap.podsPerNode} pods/node · {cap.maxNodes} nodes max
          </div>
        )}
      </div>
    </div>
  );
}, sameObject);

export const ResourceNode = memo(function ResourceNode({
  id,
  data,
  selected,
}: NodeProps<ObjectNode>) {
  const r = data.obj as Resource;
  const s = useObjectState(id);
  const Icon = RESOURCE_ICONS[r.kind];
  const far = useFar();
  if (far)
    return (
      <FarNode
        id={id}
        kind="resource"
        state={s}
        selected={selected}
        title={`${r.name ?? r.id} ${r.ip ?? ''}`}
      />
    );
  return (
    <div
      className={statusClass('cc-node cc-leaf cc-resource', s, selected)}
      data-testid={`node-${id}`}
    >
      <Handles connectable={false} />
      <Icon size={16} aria-hidden className={`cc-kind-${r.kind}`} />
      <div className="cc-leaf__text">
        <span className="cc-title">{r.name ?? r.id}</span>
        <code className="cc-muted">{r.ip ?? 'any address'}</code>
      </div>
      <StatusBadge status={s.status} count={s.count} />
      <CommentBadge id={id} />
    </div>
  );
}, sameObject);

export const NatNode = memo(function NatNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const n = data.obj as NatGateway;
  const s = useObjectState(id);
  const Icon = KIND_ICONS.nat;
  const far = useFar();
  if (far)
    return <FarNode id={id} kind="nat" state={s} selected={selected} title={n.name ?? n.id} />;
  return (
    <div className={statusClass('cc-node cc-leaf cc-nat', s, selected)} data-testid={`node-${id}`}>
      <Handles connectable={false} />
      <Icon size={16} aria-hidden />
      <div className="cc-leaf__text">
        <span className="cc-title">{n.name ?? n.id}</span>
        <span className="cc-muted">NAT gateway</span>
      </div>
      <StatusBadge status={s.status} count={s.count} />
      <CommentBadge id={id} />
    </div>
  );
}, sameObject);

export const IdcNode = memo(function IdcNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const d = data.obj as Idc;
  const s = useObjectState(id);
  const Icon = KIND_ICONS.idc;
  const far = useFar();
  if (far)
    return (
      <FarNode
        id={id}
        kind="idc"
        state={s}
        selected={selected}
        title={`${d.name ?? d.id} ${d.cidrs.join(' ')}`}
      />
    );
  return (
    <div className={statusClass('cc-node cc-leaf cc-idc', s, selected)} data-testid={`node-${id}`}>
      <Handles connectable />
      <Icon size={18} aria-hidden />
      <div className="cc-leaf__text">
        <span className="cc-title">{d.name ?? d.id}</span>
        {d.cidrs.map((c) => (
          <code key={c} className="cc-muted">
            {c}
          </code>
        ))}
      </div>
      <StatusBadge status={s.status} count={s.count} />
      <CommentBadge id={id} />
    </div>
  );
}, sameObject);

export const CcnNode = memo(function CcnNode({ id, data, selected }: NodeProps<ObjectNode>) {
  const c = data.obj as Ccn;
  const s = useObjectState(id);
  const Icon = KIND_ICONS.ccn;
  const far = useFar();
  if (far)
    return <FarNode id={id} kind="ccn" state={s} selected={selected} title={c.name ?? c.id} />;
  return (
    <div className={statusClass('cc-node cc-leaf cc-ccn', s, selected)} data-testid={`node-${id}`}>
      <Handles connectable />
      <Icon size={18} aria-hidden />
      <div className="cc-leaf__text">
        <span className="cc-title">{c.name ?? c.id}</span>
        <span className="cc-muted">CCN · {c.attachments.length} attached</span>
      </div>
      <StatusBadge status={s.status} count={s.count} />
      <CommentBadge id={id} />
    </div>
  );
}, sameObject);

export const InternetNode = memo(function InternetNode({ selected }: NodeProps<ObjectNode>) {
  const Icon = KIND_ICONS.internet;
  return (
    <div
      className={`cc-node cc-leaf cc-internet${selected ? ' is-selected' : ''}`}
      data-testid="node-internet"
    >
      <Handles connectable={false} />
      <Icon size={18} aria-hidden />
      <div className="cc-leaf__text">
        <span className="cc-title">Internet</span>
      </div>
    </div>
  );
}, sameObject);
