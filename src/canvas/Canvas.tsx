// The design surface: the plan drawn with React Flow. It reads the store through selectors and
// writes through store actions; what a drop or a drag means is decided in src/domain/ops, how
// React Flow's events become edits in the use-* hooks beside it.
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  Panel,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import { Maximize } from 'lucide-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { pathKey } from '../domain/incremental/delta';
import { useAppStore } from '../store/app-store';
import { selectShownPaths } from '../store/path-filter';
import {
  nameOf,
  selectCompareMarks,
  selectComparePicked,
  selectNames,
  selectPlan,
  selectReadOnly,
  selectSelection,
  selectStatus,
} from '../store/selectors';
import {
  ClusterNode,
  CcnNode,
  IdcNode,
  InternetNode,
  NatNode,
  ResourceNode,
} from './nodes/LeafNodes';
import { SubnetNode, VpcNode } from './nodes/ContainerNodes';
import { GhostNode } from './nodes/GhostNode';
import { ghostNodes } from './ghosts';
import { LinkEdge } from './edges/LinkEdge';
import { PathEdge } from './edges/PathEdge';
import { NodeCache, withPositions, type ObjectNode } from './flow-model';
import { LinkEdgeCache, PathEdgeCache } from './flow-edges';
import { FIT_MAX_ZOOM, FIT_PADDING, fitPlan } from './fit';
import { isLargePlan, largePlanMinZoom, MIN_ZOOM } from './large-plan';
import { FarContext, selectFar } from './nodes/far';
import { LabelLayerContext, selectLabelLayer } from './edges/label-layer';
import { Overview } from './Overview';
import { LivePresence } from './live/LivePresence';
import { textZoom } from './zoom-scale';
import { onConnect, onConnectEnd } from './connect-handlers';
import { useNodeChanges } from './use-node-changes';
import { usePaletteDrop } from './use-palette-drop';
import { useViewFraming } from './use-view-framing';

const nodeTypes = {
  vpc: VpcNode,
  subnet: SubnetNode,
  cluster: ClusterNode,
  resource: ResourceNode,
  nat: NatNode,
  idc: IdcNode,
  ccn: CcnNode,
  internet: InternetNode,
  ghost: GhostNode,
};
const edgeTypes = { link: LinkEdge, path: PathEdge };

// React Flow copies any prop whose identity changes into its store, and every store write runs
// every node's and edge's subscription: props built inline would cost three extra passes over a
// thousand subscribers on each frame of a drag.
const FIT_VIEW_OPTIONS = {
  padding: FIT_PADDING,
  maxZoom: FIT_MAX_ZOOM,
  includeHiddenNodes: true,
};
const SNAP_GRID: [number, number] = [10, 10];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const selectWidth = (s: ReactFlowState) => s.width;
const selectHeight = (s: ReactFlowState) => s.height;
const onPaneClick = () => useAppStore.getState().select([]);
const onMoveEnd = (_e: unknown, v: Viewport) => useAppStore.getState().setViewport(v);

/** Past this many paths, review draws only the current step's. */
const REVIEW_ALL_PATHS_MAX = 500;

// One canvas per page: its node cache lives as long as the page.
const nodeCache = new NodeCache();
const pathEdgeCache = new PathEdgeCache();
const linkEdgeCache = new LinkEdgeCache();

export function Canvas() {
  const plan = useAppStore(selectPlan);
  const selection = useAppStore(selectSelection);
  const status = useAppStore(selectStatus);
  // The paths panel's filter decides which lines are drawn, worst first, at most its limit.
  // Deferred: a result's highlights on the objects come first, its lines with the panels.
  const paths = useDeferredValue(useAppStore((s) => selectShownPaths(s).drawn));
  const names = useAppStore(selectNames);
  const readOnly = useAppStore(selectReadOnly);
  const marks = useAppStore(selectCompareMarks);
  const compareBase = useAppStore((s) => s.compare?.base);
  const removed = useAppStore((s) => s.compare?.diff?.objects.removed);
  const picked = useAppStore(selectComparePicked);
  const rf = useReactFlow<ObjectNode>();
  const far = useStore(selectFar);
  const labelLayer = useStore(selectLabelLayer);
  const canvasEl = useRef<HTMLDivElement>(null);
  const flowStore = useStoreApi<ObjectNode>();
  useEffect(() => {
    // Written straight to the element: a React render per zoom step would re-render the canvas.
    let last = NaN;
    const update = () => {
      const z = textZoom(flowStore.getState().transform[2]);
      if (z === last) return;
      last = z;
      canvasEl.current?.style.setProperty('--cc-zoom', String(z));
    };
    update();
    return flowStore.subscribe(update);
  }, [flowStore]);
  const { dragging, onNodesChange, onNodeDragStart, onNodeDragStop } = useNodeChanges(nodeCache);

  const selected = useMemo(() => new Set(selection), [selection]);
  const planNodes = useMemo(
    () => nodeCache.build(plan, selected, status, marks),
    [plan, selected, status, marks],
  );
  const large = isLargePlan(planNodes);
  const paneWidth = useStore(selectWidth);
  const paneHeight = useStore(selectHeight);
  const minZoom = useMemo(
    () => (large ? largePlanMinZoom(planNodes, paneWidth, paneHeight) : MIN_ZOOM),
    [large, planNodes, paneWidth, paneHeight],
  );
  const belowMin = useStore(
    useCallback((s: ReactFlowState) => s.transform[2] < minZoom - 1e-6, [minZoom]),
  );
  useEffect(() => {
    // A large plan opened at a wide view: come in to where the canvas draws a bounded part.
    if (belowMin) void rf.zoomTo(minZoom);
  }, [belowMin, minZoom, rf]);
  const { vpcs, subnets, clusters, peerings, ccns, idcs } = plan;
  const links = useMemo(
    () => linkEdgeCache.build({ vpcs, subnets, clusters, peerings, ccns, idcs }),
    [vpcs, subnets, clusters, peerings, ccns, idcs],
  );
  // The ids drawn change only when objects come and go, not on every edit or drag frame.
  const drawnKey = useMemo(() => planNodes.map((n) => n.id).join('\u0000'), [planNodes]);
  const drawn = useMemo(() => new Set(drawnKey.split('\u0000')), [drawnKey]);
  const ghosts = useMemo(
    () => (compareBase && removed ? ghostNodes(compareBase, removed, drawn, picked) : []),
    [compareBase, removed, drawn, picked],
  );
  const nodes = useMemo(() => {
    const moved = withPositions(planNodes, dragging);
    // Ghosts are drawn by React Flow like the plan's nodes but are no plan object: nothing that
    // reads the canvas's nodes as objects (placement, drops) takes them (see flowRects).
    return ghosts.length > 0 ? [...moved, ...(ghosts as unknown as ObjectNode[])] : moved;
  }, [planNodes, dragging, ghosts]);
  const subnetOfResource = useMemo(() => {
    const m = new Map(plan.resources.map((r) => [r.id, r.subnet]));
    return (id: string) => m.get(id);
  }, [plan.resources]);
  // Reviewing a plan with thousands of paths, the canvas draws the step's path alone: thousands
  // of lines would hold the page for seconds at every step and tell the room nothing.
  const reviewFocus = useAppStore((s) =>
    s.review !== null && paths.length > REVIEW_ALL_PATHS_MAX ? (s.hoveredPath ?? '') : null,
  );
  const shownPaths = useMemo(
    () => (reviewFocus === null ? paths : paths.filter((p) => pathKey(p) === reviewFocus)),
    [paths, reviewFocus],
  );
  const pathList = useMemo(
    () => pathEdgeCache.build(shownPaths, drawn, subnetOfResource, (id) => nameOf(names, id)),
    [shownPaths, drawn, subnetOfResource, names],
  );
  const edges = useMemo(() => [...links, ...pathList], [links, pathList]);

  const onDrop = usePaletteDrop();

  // The same elements while nothing they show changes: React skips them (the overview, the zoom
  // buttons and their icons) when an edit or a result draws the canvas again.
  const objectCount = large ? planNodes.length : 0;
  const chrome = useMemo(
    () => (
      <>
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
        <Overview />
        <LivePresence />
        {objectCount > 0 && (
          <Panel position="top-left" className="cc-large-note" role="note">
            Large plan: {objectCount.toLocaleString('en-US')} objects. The canvas draws what is in
            view; the overview shows them all.
          </Panel>
        )}
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
          <ControlButton
            onClick={() => void fitPlan(rf)}
            aria-label="Fit View"
            title="Fit View"
            className="react-flow__controls-fitview"
          >
            <Maximize aria-hidden />
          </ControlButton>
        </Controls>
      </>
    ),
    [objectCount, rf],
  );

  useViewFraming(canvasEl, large, minZoom);

  return (
    <div
      ref={canvasEl}
      className={far ? 'cc-canvas cc-canvas--far' : 'cc-canvas'}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <FarContext.Provider value={far}>
        <LabelLayerContext.Provider value={labelLayer}>
          <ReactFlow<ObjectNode>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            onPaneClick={onPaneClick}
            onMoveEnd={onMoveEnd}
            defaultViewport={useAppStore.getState().viewport ?? undefined}
            fitView={useAppStore.getState().viewport === null}
            fitViewOptions={FIT_VIEW_OPTIONS}
            connectionMode={ConnectionMode.Loose}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={null}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            selectionKeyCode="Shift"
            snapToGrid
            snapGrid={SNAP_GRID}
            minZoom={minZoom}
            maxZoom={2.5}
            elevateNodesOnSelect={false}
            onlyRenderVisibleElements={large}
            proOptions={PRO_OPTIONS}
          >
            {chrome}
          </ReactFlow>
        </LabelLayerContext.Provider>
      </FarContext.Provider>
    </div>
  );
}
