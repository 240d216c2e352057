// Import…: pick or drop Terraform state, .tf files or tccli responses together; what they
// describe is added to the plan (one undo step) and a report says what came in, what was
// skipped and why. A failed import lists its problems and leaves the plan as it was.
import { useRef, useState } from 'react';
import './import.css';
import { importedSummary, skippedLines } from '../../io/import/report';
import { useAppStore } from '../../store/app-store';
import { Modal } from '../../ui/modal';
import { importIntoPlan, type ImportOutcome } from './run-import';

export function ImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [dragging, setDragging] = useState(false);

  const run = async (files: File[]) => {
    if (files.length === 0) return;
    setOutcome(null);
    setBusy(files.map((f) => f.name).join(', '));
    const r = await importIntoPlan(files);
    setBusy(null);
    setOutcome(r);
    if (r.ok) {
      onImported();
      useAppStore
        .getState()
        .toast(`Imported ${importedSummary(r.report)} · undo with Ctrl+Z`, 'success');
    }
  };

  return (
    <Modal label="Import" className="cc-dialog--wide cc-import" onClose={onClose}>
      <h2>Import existing networks</h2>
      <p className="cc-muted">
        Terraform state or saved plan (<code>terraform show -json</code>), <code>.tf</code> files
        for the tencentcloud provider, or Tencent Cloud API responses as tccli prints them
        (DescribeVpcs, DescribeSubnets, DescribeRouteTables, DescribeNatGateways,
        DescribeVpcPeeringConnections, DescribeCcns, DescribeCcnAttachedInstances, TKE
        DescribeClusters). Pick several files at once; objects already in the plan (same id) are
        updated.
      </p>
      <div
        className={`cc-import__drop${dragging ? ' is-over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(false);
          void run([...e.dataTransfer.files]);
        }}
      >
        <button
          type="button"
          className="cc-button cc-button--primary"
          disabled={busy !== null}
          onClick={() => input.current?.click()}
        >
          Choose files…
        </button>
        <span className="cc-muted">or drop them here</span>
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.tf,.tfstate,application/json"
          aria-label="Files to import"
          tabIndex={-1}
          className="cc-visually-hidden"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void run(files);
          }}
        />
      </div>
      {busy !== null && (
        <p role="status" className="cc-muted">
          Importing {busy}…
        </p>
      )}
      {outcome?.ok === true && (
        <section className="cc-import__report" aria-label="Import report">
          <h3>Imported: {importedSummary(outcome.report)}</h3>
          <p>
            {outcome.added} added, {outcome.updated} updated
            {outcome.unchanged > 0 ? `, ${outcome.unchanged} already as in the plan` : ''}. Undo
            (Ctrl+Z) takes the whole import back.
          </p>
          {outcome.report.skipped.length > 0 && (
            <>
              <h4>Skipped</h4>
              <ul>
                {skippedLines(outcome.report).map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
          {outcome.report.notes.length > 0 && (
            <>
              <h4>Notes</h4>
              <ul>
                {outcome.report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {outcome?.ok === false && (
        <section
          className="cc-import__report cc-import__report--error"
          role="alert"
          aria-label="Import problems"
        >
          <h3>Nothing was imported: your plan is unchanged</h3>
          <ul>
            {outcome.problems.map((p) => (
              <li key={`${p.where}: ${p.message}`}>
                <code>{p.where}</code>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" className="cc-button" onClick={onClose}>
        {outcome?.ok ? 'Done' : 'Close'}
      </button>
    </Modal>
  );
}
