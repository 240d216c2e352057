// The designer's composition: toolbar, palette, canvas, inspector, and the problems and paths
// dock underneath; plus the keyboard and file drops.
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, type DragEvent } from 'react';
import { Canvas } from '../canvas/Canvas';
import { fitPlan } from '../canvas/fit';
import { placedCreationOps } from '../canvas/placement';
import { createObject, type PaletteKind } from '../domain/ops/create';
import { planIndexOf } from '../domain/model/plan-index';
import { CommandBar } from '../panels/CommandBar';
import { HelpOverlay } from '../panels/HelpOverlay';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { PathsPanel } from '../panels/PathsPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { RecoveryBanner } from '../panels/RecoveryBanner';
import { CrashBanner } from '../panels/CrashBanner';
import { download } from './download';
import { Toasts } from '../panels/Toasts';
import { useAppStore } from '../store/app-store';
import { openPlanFile } from './open-plan';
import { OpenProgress } from './open/OpenProgress';
import { installShortcuts } from './shortcuts';
import { Toolbar } from './Toolbar';
import { SharedBanner } from './SharedBanner';
import { LibraryBanner } from './library/LibraryBanner';
import { CommentsPanel } from '../panels/comments/CommentsPanel';
import { AuthorDialog } from '../panels/comments/AuthorDialog';
import { AddressMapSlot } from '../panels/address-map/AddressMapSlot';
import { ChangesPanelSlot } from './lazy-panels';
import { ReviewMode } from '../panels/review/ReviewMode';
import { LiveBanner } from './workspace/LiveBanner';
import { WorkspaceDialog } from './workspace/WorkspaceDialog';

function Designer() {
  const rf = useReactFlow();
  useEffect(() => installShortcuts(() => rf), [rf]);

  /** Click-to-add: into the selected subnet or VPC (or the one holding the selection). */
  const add = (kind: PaletteKind) => {
    const s = useAppStore.getState();
    const ix = planIndexOf(s.plan);
    const sel = s.selection[0];
    const k = sel ? ix.kindOf(sel) : undefined;
    let parent: string | undefined;
    if (k === 'subnet' || k === 'vpc') parent = sel;
    else if (k === 'resource') parent = ix.resource(sel)!.subnet;
    else if (k === 'cluster' || k === 'natGateway')
      parent = (ix.byId.get(sel!)!.object as { vpc: string }).vpc;
    const needsSubnet = ![
      'vpc',
      'subnet',
      'cluster',
      'vpc-cni-cluster',
      'nat',
      'idc',
      'ccn',
    ].includes(kind);
    if (
      !needsSubnet &&
      parent &&
      ix.kindOf(parent) === 'subnet' &&
      kind !== 'cluster' &&
      kind !== 'vpc-cni-cluster'
    )
      parent = ix.subnet(parent)!.vpc;
    if (kind === 'vpc' || kind === 'idc' || kind === 'ccn') parent = undefined;
    const count = parent ? s.plan.layout && Object.keys(s.plan.layout).length : 0;
    const at = parent
      ? { x: 24 + ((count ?? 0) % 5) * 12, y: 56 + ((count ?? 0) % 5) * 12 }
      : rf.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const created = createObject(s.plan, kind, at, parent, s.plan.vpcs[0]?.id);
    if (!created.ok) {
      s.toast(`${created.message} (or select one first, then click)`, 'error');
      return;
    }
    s.apply(placedCreationOps(s.plan, created.ops, created.id), { label: `Add ${kind}` });
    s.select([created.id]);
  };

  const onDrop = (e: DragEvent) => {
    if (e.defaultPrevented) return;
    const file = e.dataTransfer.files[0];
    if (file) {
      e.preventDefault();
      // A workspace plan is everyone's: a dropped file would replace it for all of them.
      if (useAppStore.getState().live) {
        useAppStore
          .getState()
          .toast(
            'This plan is shared: open files from your own plans (Workspace → Back to my own plans)',
            'error',
          );
        return;
      }
      void openPlanFile(file);
    }
  };

  const reviewing = useAppStore((s) => s.review !== null);
  return (
    <div className={`cc-app${reviewing ? ' cc-app--review' : ''}`}>
      <Toolbar onFitView={() => void fitPlan(rf)} />
      <SharedBanner />
      <LiveBanner />
      <LibraryBanner />
      <CrashBanner
        onDownload={(report) => download('cidr-canvas-validation-report.json', report)}
      />
      <RecoveryBanner onDownload={(raw) => download('cidr-canvas-saved-plan.json', raw)} />
      <div className="cc-main">
        <Palette onAdd={add} />
        <main className="cc-center" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <Canvas />
          <AddressMapSlot />
          <ChangesPanelSlot />
          <div className="cc-dock">
            <ProblemsPanel />
            <PathsPanel />
            <CommentsPanel />
          </div>
        </main>
        <Inspector />
      </div>
      <OpenProgress />
      <ReviewMode />
      <Toasts />
      <HelpOverlay />
      <AuthorDialog />
      <CommandBar />
      <WorkspaceDialog />
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Designer />
    </ReactFlowProvider>
  );
}
