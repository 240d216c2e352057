// The kinds of object an architect can draw, dragged onto the canvas (or clicked to add to the
// selected container, for keyboards).
import type { DragEvent } from 'react';
import type { PaletteKind } from '../domain/ops/create';
import { KIND_ICONS, RESOURCE_ICONS } from '../ui/icons';
import { useAppStore } from '../store/app-store';
import { selectReadOnly } from '../store/selectors';
import { PALETTE_MIME } from '../ui/dnd';

const GROUPS: ReadonlyArray<{
  title: string;
  items: ReadonlyArray<{
    kind: PaletteKind;
    label: string;
    icon: keyof typeof KIND_ICONS | `r:${keyof typeof RESOURCE_ICONS}`;
    hint: string;
  }>;
}> = [
  {
    title: 'Network',
    items: [
      { kind: 'vpc', label: 'VPC', icon: 'vpc', hint: 'Drop anywhere' },
      { kind: 'subnet', label: 'Subnet', icon: 'subnet', hint: 'Drop in a VPC' },
      { kind: 'nat', label: 'NAT gateway', icon: 'nat', hint: 'Drop in a VPC' },
    ],
  },
  {
    title: 'Kubernetes',
    items: [
      { kind: 'cluster', label: 'TKE cluster', icon: 'cluster', hint: 'GlobalRouter, in a VPC' },
      {
        kind: 'vpc-cni-cluster',
        label: 'VPC-CNI cluster',
        icon: 'cluster',
        hint: 'Pods in VPC subnets',
      },
    ],
  },
  {
    title: 'Resources',
    items: [
      { kind: 'cdb', label: 'Database (CDB)', icon: 'r:cdb', hint: 'Drop in a subnet' },
      { kind: 'redis', label: 'Redis', icon: 'r:redis', hint: 'Drop in a subnet' },
      { kind: 'memcached', label: 'Memcached', icon: 'r:memcached', hint: 'Drop in a subnet' },
      { kind: 'cvm', label: 'CVM', icon: 'r:cvm', hint: 'Drop in a subnet' },
      { kind: 'clb', label: 'Load balancer', icon: 'r:clb', hint: 'Drop in a subnet' },
    ],
  },
  {
    title: 'Connectivity',
    items: [
      { kind: 'ccn', label: 'CCN', icon: 'ccn', hint: 'Connect VPCs to it' },
      { kind: 'idc', label: 'On-prem IDC', icon: 'idc', hint: 'Links to a VPC or a CCN' },
    ],
  },
];

export function Palette({ onAdd }: { onAdd: (kind: PaletteKind) => void }) {
  const readOnly = useAppStore(selectReadOnly);
  const onDragStart = (e: DragEvent, kind: PaletteKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className={`cc-palette${readOnly ? ' cc-palette--read-only' : ''}`} aria-label="Palette">
      <h2 className="cc-visually-hidden">Palette</h2>
      {GROUPS.map((g) => (
        <section key={g.title}>
          <h3>{g.title}</h3>
          {g.items.map((item) => {
            const Icon = item.icon.startsWith('r:')
              ? RESOURCE_ICONS[item.icon.slice(2) as keyof typeof RESOURCE_ICONS]
              : KIND_ICONS[item.icon as keyof typeof KIND_ICONS];
            return (
              <button
                key={item.kind}
                type="button"
                className="cc-palette__item"
                draggable={!readOnly}
                disabled={readOnly}
                data-kind={item.kind}
                onDragStart={(e) => onDragStart(e, item.kind)}
                onClick={() => onAdd(item.kind)}
                title={
                  readOnly
                    ? 'Read-only: edit a copy to add objects'
                    : `${item.hint} (or click to add to the selection)`
                }
              >
                <Icon size={16} aria-hidden />
                <span>{item.label}</span>
              </button>
            );
          })}
        </section>
      ))}
      <p className="cc-palette__tip">
        {readOnly
          ? 'This plan is read-only: “Edit a copy” above the canvas to add objects.'
          : 'Drag onto the canvas. Connect two VPCs from the dot on their edge to peer them.'}
      </p>
    </nav>
  );
}
