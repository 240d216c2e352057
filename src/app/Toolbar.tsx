// The bar across the top: the plan, undo and redo, starting, opening, exporting and sharing
// plans, tidying the layout, review mode, paths, validation status and help.
import {
  CircleHelp,
  FilePlus2,
  FolderOpen,
  Import,
  LayoutGrid,
  Presentation,
  Redo2,
  Share2,
  Undo2,
  Waypoints,
} from 'lucide-react';
import { lazy, Suspense, useDeferredValue, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PlanOp } from '../domain/ops/ops';
import { useAppStore } from '../store/app-store';
import {
  selectCanRedo,
  selectCanUndo,
  selectReadOnly,
  selectReviewing,
  selectShowAllPaths,
} from '../store/selectors';
import { requestFit } from '../canvas/fit';
import { autoLayout } from './auto-layout';
import { ExportMenu } from './ExportMenu';
import { LibraryButtons } from './library/LibraryButtons';
import { openPlanFile } from './open-plan';
import { useOpenProgress } from './open/progress';
import { CompareButton } from '../panels/changes/CompareButton';
import { PresenceBar } from './workspace/PresenceBar';
import { WorkspaceButton } from './workspace/WorkspaceButton';

// Import brings in the HCL parser and the readers: loaded when someone imports.
const TemplatesDialog = lazy(() =>
  import('./TemplatesDialog').then((m) => ({ default: m.TemplatesDialog })),
);
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));
const ImportDialog = lazy(() =>
  import('./import/ImportDialog').then((m) => ({ default: m.ImportDialog })),
);

function ValidationStatus() {
  // Deferred with the panels' lists: "Validated" appears in the commit that shows what was validated.
  const v = useDeferredValue(useAppStore((s) => s.validation));
  const ms = useDeferredValue(useAppStore((s) => s.analysis?.ms));
  // While a file opens, what is on screen is not what will be validated: say so.
  const opening = useOpenProgress((s) => s.task?.name);
  const state = opening !== undefined ? 'opening' : v.state;
  const text =
    opening !== undefined
      ? `Opening ${opening}…`
      : v.state === 'paused'
        ? 'Validation paused'
        : v.state === 'running'
          ? 'Validating…'
          : v.state === 'starting'
            ? 'Starting…'
            : `Validated${ms !== undefined ? ` in ${ms < 1 ? '<1' : Math.round(ms)} ms` : ''}`;
  return (
    <span
      className={`cc-status cc-status--${state}`}
      data-state={state}
      title={v.message ?? 'The validation core runs in a Web Worker'}
      role="status"
      aria-label="Validation"
    >
      <span className="cc-status__dot" aria-hidden />
      {text}
    </span>
  );
}

async function tidyUp(): Promise<void> {
  const s = useAppStore.getState();
  const layout = await autoLayout(s.plan);
  const ops: PlanOp[] = Object.entries(layout).map(([id, box]) => ({ op: 'layout', id, box }));
  s.apply(ops, { label: 'Tidy up' });
  requestFit();
  s.toast('Laid out anew: undo brings the old layout back', 'info');
}

export function Toolbar({ onFitView }: { onFitView: () => void }) {
  const name = useAppStore((s) => s.plan.name);
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const showAll = useAppStore(selectShowAllPaths);
  const readOnly = useAppStore(selectReadOnly);
  const reviewing = useAppStore(selectReviewing);
  // On a workspace plan, New, Open and the browser's own plans would replace the plan for everyone.
  const live = useAppStore((s) => s.live !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<'templates' | 'share' | 'import' | null>(null);
  return (
    <header className="cc-toolbar">
      <div className="cc-brand">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <h1 className="cc-brand__name">CIDR Canvas</h1>
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
        <LibraryButtons shared={live} />
      </div>
      <div className="cc-toolbar__group">
        {!live && (
          <>
            <button
              data-collapse="1360"
              type="button"
              className="cc-tool"
              disabled={readOnly}
              onClick={() => setDialog('templates')}
              title="Start an empty plan or one from a template"
            >
              <FilePlus2 size={16} /> New
            </button>
            <button
              data-collapse="1360"
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
              // The Open button is the control; the input itself is no tab stop with nothing to show.
              tabIndex={-1}
              className="cc-visually-hidden"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void openPlanFile(f);
              }}
            />
          </>
        )}
        <CompareButton />
        <button
          data-collapse="1600"
          type="button"
          className="cc-tool"
          onClick={() => setDialog('import')}
          disabled={readOnly}
          title="Add existing networks from Terraform state, .tf files or Tencent Cloud API responses"
        >
          <Import size={16} /> Import…
        </button>
        <ExportMenu />
        <button
          data-collapse="1600"
          type="button"
          className="cc-tool"
          onClick={() => setDialog('share')}
          title="A link that holds the whole plan"
        >
          <Share2 size={16} /> Share
        </button>
      </div>
      <div className="cc-toolbar__group">
        <button
          data-collapse="1400"
          type="button"
          className="cc-tool"
          disabled={readOnly}
          onClick={() => void tidyUp().then(onFitView)}
          title="Lay the plan out anew"
        >
          <LayoutGrid size={16} /> Tidy up
        </button>
        <button
          type="button"
          className={`cc-tool cc-toggle${reviewing ? ' is-on' : ''}`}
          aria-pressed={reviewing}
          onClick={() =>
            reviewing ? useAppStore.getState().endReview() : useAppStore.getState().startReview()
          }
          title="Walk through the plan in a meeting"
        >
          <Presentation size={16} /> Review
        </button>
      </div>
      <WorkspaceButton />
      <PresenceBar />
      <span className="cc-spacer" />
      <button
        type="button"
        className={`cc-tool cc-toggle${showAll ? ' is-on' : ''}`}
        data-collapse="live"
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
      {/* Dialogs live outside the toolbar: its dark colours and its landmark are not theirs. */}
      {dialog === 'templates' &&
        createPortal(
          <Suspense fallback={null}>
            <TemplatesDialog onClose={() => setDialog(null)} />
          </Suspense>,
          document.body,
        )}
      {dialog === 'share' &&
        createPortal(
          <Suspense fallback={null}>
            <ShareDialog onClose={() => setDialog(null)} />
          </Suspense>,
          document.body,
        )}
      {dialog === 'import' &&
        createPortal(
          <Suspense fallback={null}>
            <ImportDialog onClose={() => setDialog(null)} onImported={onFitView} />
          </Suspense>,
          document.body,
        )}
    </header>
  );
}
