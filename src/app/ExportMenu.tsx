// Export the plan: JSON (the plan format), pictures of the canvas, Terraform for the
// tencentcloud provider, and the address table as CSV. The heavy parts load when chosen. A plan
// with error findings becomes Terraform only after a confirmation that lists them, as the CLI
// wants --force: infrastructure code for a network that cannot work should be a decision.
import { useReactFlow } from '@xyflow/react';
import { ChevronDown, Download } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Plan } from '../domain/model/plan';
import type { Finding } from '../domain/rules/codes';
import type { ObjectNode } from '../canvas/flow-model';
import { serializePlan } from '../io/serialize';
import { useAppStore } from '../store/app-store';
import { useMenu } from '../ui/menu';
import { download, fileSafe } from './download';

type Kind = 'json' | 'png' | 'svg' | 'terraform' | 'csv';

const ITEMS: ReadonlyArray<[Kind, string, string]> = [
  ['json', 'Plan (JSON)', 'The plan file: open it again, share it, validate it in CI'],
  ['png', 'Picture (PNG)', 'The plan with its paths, links and a legend'],
  ['svg', 'Picture (SVG)', 'The same, as a vector drawing any editor opens'],
  ['terraform', 'Terraform', 'tencentcloud provider resources for the plan'],
  ['csv', 'Address table (CSV)', 'Every range: first and last usable address, size, users'],
];

/**
 * The plan's error findings: the worker's when they describe this very revision, else computed
 * here (the worker may be behind the last edit, and the export must not miss an error).
 */
async function errorFindings(
  plan: Plan,
  current: { revision: number; findings: readonly Finding[] } | null,
  revision: number,
): Promise<Finding[]> {
  const isError = (f: Finding) => f.severity === 'error';
  if (current && current.revision === revision) return current.findings.filter(isError);
  const { analyzePlan } = await import('../domain/analyze');
  return analyzePlan(plan, { kind: 'none' }).findings.filter(isError);
}

async function downloadTerraform(plan: Plan, errors: readonly Finding[]): Promise<void> {
  const { planToTerraform } = await import('../io/export/terraform');
  download(`${fileSafe(plan.name)}.tf`, planToTerraform(plan, { errors }), 'text/plain');
}

export function ExportMenu() {
  const { open, setOpen, ref } = useMenu();
  const [confirm, setConfirm] = useState<{ plan: Plan; errors: Finding[] } | null>(null);
  const rf = useReactFlow<ObjectNode>();

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
        const errors = await errorFindings(plan, s.analysis, s.revision);
        if (errors.length > 0) setConfirm({ plan, errors });
        else await downloadTerraform(plan, []);
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
      {confirm && (
        <ConfirmErrorsDialog
          errors={confirm.errors}
          onCancel={() => setConfirm(null)}
          onExport={() => {
            const { plan, errors } = confirm;
            setConfirm(null);
            downloadTerraform(plan, errors).catch((e: unknown) =>
              useAppStore.getState().toast(`Export failed: ${(e as Error).message}`, 'error'),
            );
          }}
        />
      )}
    </div>
  );
}

function ConfirmErrorsDialog({
  errors,
  onCancel,
  onExport,
}: {
  errors: readonly Finding[];
  onCancel: () => void;
  onExport: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Cancel has the focus: the safe choice is the one Enter takes.
  useEffect(() => cancel.current?.focus(), []);
  const n = errors.length;
  // On the body, not inside the toolbar: the toolbar's light text must not reach the dialog.
  return createPortal(
    <div className="cc-overlay" role="presentation" onClick={onCancel}>
      <div
        className="cc-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="cc-export-errors-title"
        aria-describedby="cc-export-errors-text"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Tab') {
            // Keep the focus on the dialog's two buttons while it is open.
            e.preventDefault();
            const next =
              document.activeElement === cancel.current ? confirmButton.current : cancel.current;
            next?.focus();
          }
        }}
      >
        <h2 id="cc-export-errors-title">
          Export Terraform with {n} error{n === 1 ? '' : 's'}?
        </h2>
        <p id="cc-export-errors-text" className="cc-muted">
          The plan has {n} error finding{n === 1 ? '' : 's'}: the network it describes will not work
          as planned. The file will open with a comment listing {n === 1 ? 'it' : 'them'}.
        </p>
        <ul aria-label="Error findings" style={{ paddingLeft: 18 }}>
          {errors.map((f, i) => (
            <li key={i}>
              <code>{f.code}</code> {f.message}
            </li>
          ))}
        </ul>
        <div className="cc-row">
          <button type="button" className="cc-button" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="cc-button cc-button--danger"
            ref={confirmButton}
            onClick={onExport}
          >
            Export anyway
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
