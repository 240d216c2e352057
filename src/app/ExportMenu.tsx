// Export the plan: JSON (the plan format), pictures of the canvas, Terraform for the
// tencentcloud provider, and the address table as CSV. The heavy parts load when chosen.
import { useReactFlow } from '@xyflow/react';
import { ChevronDown, Download } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ObjectNode } from '../canvas/flow-model';
import { serializePlan } from '../io/serialize';
import { useAppStore } from '../store/app-store';
import { download, fileSafe } from './download';

type Kind = 'json' | 'png' | 'svg' | 'terraform' | 'csv';

const ITEMS: ReadonlyArray<[Kind, string, string]> = [
  ['json', 'Plan (JSON)', 'The plan file: open it again, share it, validate it in CI'],
  ['png', 'Picture (PNG)', 'The plan with its paths, links and a legend'],
  ['svg', 'Picture (SVG)', 'The same, as a vector drawing any editor opens'],
  ['terraform', 'Terraform', 'tencentcloud provider resources for the plan'],
  ['csv', 'Address table (CSV)', 'Every range: first and last usable address, size, users'],
];

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const rf = useReactFlow<ObjectNode>();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  const run = async (kind: Kind) => {
    setOpen(false);
    const s = useAppStore.getState();
    const plan = s.plan;
    const base = fileSafe(plan.name);
    try {
      if (kind === 'json') download(`${base}.cidr-plan.json`, serializePlan(plan));
      else if (kind === 'png' || kind === 'svg') {
        const { exportImage } = await import('./image-export');
        download(`${base}.${kind}`, await exportImage(kind, rf, s));
      } else if (kind === 'terraform') {
        const { planToTerraform } = await import('../io/export/terraform');
        download(`${base}.tf`, planToTerraform(plan), 'text/plain');
      } else {
        const { planToCsv } = await import('../io/export/address-table');
        download(`${base}.addresses.csv`, planToCsv(plan), 'text/csv');
      }
    } catch (e) {
      s.toast(`Export failed: ${(e as Error).message}`, 'error');
    }
  };

  return (
    <div className="cc-menu" ref={ref}>
      <button
        type="button"
        className="cc-tool"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Download size={16} /> Export <ChevronDown size={14} />
      </button>
      {open && (
        <div className="cc-menu__list" role="menu" aria-label="Export">
          {ITEMS.map(([kind, label, hint]) => (
            <button
              key={kind}
              type="button"
              role="menuitem"
              className="cc-menu__item"
              onClick={() => void run(kind)}
            >
              <span>{label}</span>
              <small>{hint}</small>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
