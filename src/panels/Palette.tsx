// The kinds of object an architect can draw, dragged onto the canvas (or clicked to add to the
// selected container, for keyboards).
import type { DragEvent } from 'react';
import type { PaletteKind } from '../domain/ops/create';
import { PALETTE_KINDS } from '../ui/kinds';
import { useAppStore } from '../store/app-store';
import { selectReadOnly } from '../store/selectors';
import { PALETTE_MIME } from '../ui/dnd';

const GROUPS: ReadonlyArray<{
  title: string;
  items: ReadonlyArray<{
    kind: PaletteKind;
    label: string;
    hint: string;
  }>;
}> = [
  {
    title: 'Network',
    items: [
      { kind: 'vpc', label: 'VPC', hint: 'Drop anywhere' },
      { kind: 'subnet', label: 'Subnet', hint: 'Drop in a VPC' },
      { kind: 'nat', label: 'NAT gateway', hint: 'Drop in a VPC' },
    ],
  },
  {
    title: 'Kubernetes',
    items: [
      { kind: 'cluster', label: 'TKE cluster', hint: 'GlobalRouter, in a VPC' },
      {
        kind: 'vpc-cni-cluster',
        label: 'VPC-CNI cluster',

        hint: 'Pods in VPC subnets',
      },
    ],
  },
  {
    title: 'Resources',
    items: [
      { kind: 'cdb', label: 'Database (CDB)', hint: 'Drop in a subnet' },
      { kind: 'redis', label: 'Redis', hint: 'Drop in a subnet' },
      { kind: 'memcached', label: 'Memcached', hint: 'Drop in a subnet' },
      { kind: 'cvm', label: 'CVM', hint: 'Drop in a subnet' },
      { kind: 'clb', label: 'Load balancer', hint: 'Drop in a subnet' },
    ],
  },
  {
    title: 'Connectivity',
    items: [
      { kind: 'ccn', label: 'CCN', hint: 'Connect VPCs to it' },
      { kind: 'idc', label: 'On-prem IDC', hint: 'Links to a VPC or a CCN' },
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
            const Icon = PALETTE_KINDS[item.kind].icon;
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
