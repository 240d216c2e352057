// The bar across the top: the plan, undo and redo, opening and exporting, paths, validation
// status and help.
import { CircleHelp, Download, FilePlus2, FolderOpen, Redo2, Undo2, Waypoints } from 'lucide-react';
import { useRef } from 'react';
import { emptyPlan } from '../domain/model/plan';
import { serializePlan } from '../io/serialize';
import { useAppStore } from '../store/app-store';
import { selectCanRedo, selectCanUndo } from '../store/selectors';
import { download, fileSafe } from './download';
import { openPlanFile } from './open-plan';

function ValidationStatus() {
  const v = useAppStore((s) => s.validation);
  const ms = useAppStore((s) => s.analysis?.ms);
  const text =
    v.state === 'paused'
      ? 'Validation paused'
      : v.state === 'running'
        ? 'Validating…'
        : v.state === 'starting'
          ? 'Starting…'
          : `Validated${ms !== undefined ? ` in ${ms < 1 ? '<1' : Math.round(ms)} ms` : ''}`;
  return (
    <span
      className={`cc-status cc-status--${v.state}`}
      data-state={v.state}
      title={v.message ?? 'The validation core runs in a Web Worker'}
    >
      <span className="cc-status__dot" aria-hidden />
      {text}
    </span>
  );
}

export function Toolbar() {
  const name = useAppStore((s) => s.plan.name);
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const showAll = useAppStore((s) => s.showAllPaths);
  const readOnly = useAppStore((s) => s.readOnly);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header className="cc-toolbar">
      <div className="cc-brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span>CIDR Canvas</span>
      </div>
      <span
        className="cc-plan-name"
        title="Plan name (edit it in the inspector with nothing selected)"
      >
        {name ?? 'Untitled plan'}
      </span>
      <div className="cc-toolbar__group">
        <button
          type="button"
          className="cc-tool"
          onClick={() => useAppStore.getState().undo()}
          disabled={!canUndo || readOnly}
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
        >
          <Undo2 size={16} />
        </button>
        <button
          type="button"
          className="cc-tool"
          onClick={() => useAppStore.getState().redo()}
          disabled={!canRedo || readOnly}
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
        >
          <Redo2 size={16} />
        </button>
      </div>
      <div className="cc-toolbar__group">
        <button
          type="button"
          className="cc-tool"
          disabled={readOnly}
          onClick={() => {
            const s = useAppStore.getState();
            s.openPlan({ ...emptyPlan('Untitled plan'), layout: {} }, { kind: 'new' });
          }}
          title="Start an empty plan (undo brings the current one back)"
        >
          <FilePlus2 size={16} /> New
        </button>
        <button
          type="button"
          className="cc-tool"
          onClick={() => fileInput.current?.click()}
          disabled={readOnly}
          title="Open a plan JSON file (or drop one on the canvas)"
        >
          <FolderOpen size={16} /> Open
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Open plan"
          className="cc-visually-hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void openPlanFile(f);
          }}
        />
        <button
          type="button"
          className="cc-tool"
          onClick={() => {
            const plan = useAppStore.getState().plan;
            download(`${fileSafe(plan.name)}.cidr-plan.json`, serializePlan(plan));
          }}
          title="Download the plan as JSON"
        >
          <Download size={16} /> Export
        </button>
      </div>
      <span className="cc-spacer" />
      <button
        type="button"
        className={`cc-tool cc-toggle${showAll ? ' is-on' : ''}`}
        aria-pressed={showAll}
        onClick={() => useAppStore.getState().setShowAllPaths(!showAll)}
        title="Show the paths of every cluster (P)"
      >
        <Waypoints size={16} /> All paths
      </button>
      <ValidationStatus />
      <button
        type="button"
        className="cc-tool"
        onClick={() => useAppStore.getState().setHelpOpen(true)}
        aria-label="Help"
        title="Keyboard shortcuts (?)"
      >
        <CircleHelp size={16} />
      </button>
    </header>
  );
}
