// The design surface: the plan drawn with React Flow. It reads the store through selectors and
// writes through store actions; what a drop or a drag means is decided in src/domain/ops.
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
  useNodesInitialized,
  useStoreApi,
  type Connection,
  type NodeChange,
  type OnConnectEnd,
  type OnNodeDrag,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import { Maximize } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  connectObjects,
  createObject,
  DEFAULT_SIZES,
  type PaletteKind,
} from '../domain/ops/create';
import { pathKey } from '../domain/incremental/delta';
import type { PlanOp } from '../domain/ops/ops';
import { useAppStore } from '../store/app-store';
import { selectShownPaths } from '../store/path-filter';
import {
  nameOf,
  selectCompareMarks,
  selectComparePicked,
  selectNames,
  selectPlan,
  selectReadOnly,
  selectReviewing,
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
import { linkEdges, NodeCache, PathEdgeCache, withPositions, type ObjectNode } from './flow-model';
import { containOps, moveOps, containerAt, placedCreationOps, type Rect } from './placement';
import { PALETTE_MIME } from '../ui/dnd';
import { FIT_MAX_ZOOM, FIT_PADDING, fitPlan, fitRect, onFitRequest, requestFit } from './fit';
import { covered, FOCUS_MARGIN, focusPadding } from './framing';
import { freeArea, reviewFrame } from './review-framing';
import { isLargePlan, largePlanMinZoom, MIN_ZOOM } from './large-plan';
import { FAR_ZOOM, FarContext, selectFar } from './nodes/far';
import { Overview } from './Overview';
import { textZoom } from './zoom-scale';

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

/**
 * Review's zoom band: names are drawn at least 14 screen pixels from the far-form zoom up (the
 * stylesheet raises the canvas's minimum font in review mode), and a walk settles at full size.
 */
const REVIEW_ZOOM_BAND = { legible: FAR_ZOOM, steady: 1, max: 1.25 };

/** Past this many paths, review draws only the current step's. */
const REVIEW_ALL_PATHS_MAX = 500;

/** A large plan opens at its top-left corner at this zoom, near enough to read. */
const LARGE_PLAN_OPEN_ZOOM = 0.5;

// One canvas per page: its node cache lives as long as the page.
const nodeCache = new NodeCache();
const pathEdgeCache = new PathEdgeCache();

export function Canvas() {
  const plan = useAppStore(selectPlan);
  const selection = useAppStore(selectSelection);
  const status = useAppStore(selectStatus);
  // The paths panel's filter decides which lines are drawn, worst first, at most its limit.
  const paths = useAppStore((s) => selectShownPaths(s).drawn);
  const names = useAppStore(selectNames);
  const readOnly = useAppStore(selectReadOnly);
  const focusRequest = useAppStore((s) => s.focusRequest);
  const marks = useAppStore(selectCompareMarks);
  const compareBase = useAppStore((s) => s.compare?.base);
  const removed = useAppStore((s) => s.compare?.diff?.objects.removed);
  const picked = useAppStore(selectComparePicked);
  const rf = useReactFlow<ObjectNode>();
  const far = useStore(selectFar);
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
  const dragStart = useRef(new Map<string, { x: number; y: number }>());
  // A drag moves nodes here, in the canvas's own state, and reaches the plan once, when it ends:
  // an edit per mouse move would re-render everything that reads the plan on every move.
  const dragPositions = useRef(new Map<string, { x: number; y: number }>());
  const [dragging, setDragging] = useState<ReadonlyMap<string, { x: number; y: number }> | null>(
    null,
  );

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
    () => linkEdges({ vpcs, subnets, clusters, peerings, ccns, idcs }),
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
    // reads the canvas's nodes as objects (placement, drops) takes them (see rects()).
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

  const rects = useCallback((): Rect[] => {
    return rf.getNodes().flatMap((n) => {
      if ((n.type as string) === 'ghost') return [];
      const internal = rf.getInternalNode(n.id);
      if (!internal) return [];
      const p = internal.internals.positionAbsolute;
      return [
        {
          id: n.id,
          kind: n.type,
          x: p.x,
          y: p.y,
          w: internal.measured.width ?? n.width ?? 0,
          h: internal.measured.height ?? n.height ?? 0,
        },
      ];
    });
  }, [rf]);

  const onNodesChange = useCallback((changes: NodeChange<ObjectNode>[]) => {
    const s = useAppStore.getState();
    const ops: PlanOp[] = [];
    let selectionChanged = false;
    const nextSel = new Set(s.selection);
    let resizeDone = false;
    let dragged = false;
    for (const c of changes) {
      if (c.type === 'position' && c.position && c.dragging) {
        dragPositions.current.set(c.id, {
          x: Math.round(c.position.x),
          y: Math.round(c.position.y),
        });
        dragged = true;
      } else if (c.type === 'dimensions' && c.resizing !== undefined && c.dimensions) {
        const box = useAppStore.getState().plan.layout?.[c.id];
        const moved = ops.findLast((o) => o.op === 'layout' && o.id === c.id);
        const base = moved && moved.op === 'layout' && moved.box ? moved.box : box;
        ops.push({
          op: 'layout',
          id: c.id,
          box: {
            x: base?.x ?? 0,
            y: base?.y ?? 0,
            width: Math.round(c.dimensions.width),
            height: Math.round(c.dimensions.height),
          },
        });
        if (!c.resizing) resizeDone = true;
      } else if (
        c.type === 'position' &&
        c.position &&
        !c.dragging &&
        dragStart.current.size === 0
      ) {
        // A resize from the top or left edge moves the node too.
        const box = s.plan.layout?.[c.id];
        if (box && (box.x !== Math.round(c.position.x) || box.y !== Math.round(c.position.y))) {
          ops.push({
            op: 'layout',
            id: c.id,
            box: { ...box, x: Math.round(c.position.x), y: Math.round(c.position.y) },
          });
        }
      } else if (c.type === 'dimensions' && c.dimensions) {
        nodeCache.setMeasured(c.id, c.dimensions);
      } else if (c.type === 'select') {
        selectionChanged = true;
        if (c.selected) nextSel.add(c.id);
        else nextSel.delete(c.id);
      }
    }
    if (dragged) setDragging(new Map(dragPositions.current));
    if (ops.length > 0) s.apply(ops, { capture: 'eventually', label: 'Move' });
    if (resizeDone) s.commitGesture();
    if (selectionChanged) s.select([...nextSel]);
  }, []);

  const onNodeDragStart: OnNodeDrag<ObjectNode> = useCallback((_e, _node, dragged) => {
    dragStart.current = new Map(dragged.map((n) => [n.id, { ...n.position }]));
    dragPositions.current = new Map();
  }, []);

  const onNodeDragStop: OnNodeDrag<ObjectNode> = useCallback(
    (_e, _node, dragged) => {
      const moved = dragPositions.current;
      dragPositions.current = new Map();
      const layout = useAppStore.getState().plan.layout;
      const moves: PlanOp[] = [...moved].map(([id, p]) => ({
        op: 'layout',
        id,
        box: { ...(layout?.[id] ?? {}), x: p.x, y: p.y },
      }));
      if (moves.length > 0)
        useAppStore.getState().apply(moves, { capture: 'eventually', label: 'Move' });
      setDragging(null);
      const s = useAppStore.getState();
      const result = moveOps(
        s.plan,
        dragged.map((n) => n.id),
        rects(),
      );
      dragStart.current = new Map();
      if (result.refused) {
        s.cancelGesture();
        s.toast(result.refused, 'error');
        return;
      }
      if (result.ops.length > 0) s.apply(result.ops, { capture: 'eventually', label: 'Move' });
      // Dropped near a container's edge: the container grows to hold it, in the same undo step.
      const grow = containOps(
        useAppStore.getState().plan,
        dragged.map((n) => n.id),
      );
      if (grow.length > 0) s.apply(grow, { capture: 'eventually', label: 'Move' });
      s.commitGesture();
      if (result.message) s.toast(result.message, 'info');
    },
    [rects],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      e.preventDefault();
      const s = useAppStore.getState();
      if (s.readOnly) return;
      const point = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const all = rects();
      // VPCs, IDCs and CCNs sit on the canvas itself, wherever they are dropped.
      const container =
        kind === 'vpc' || kind === 'idc' || kind === 'ccn' ? undefined : containerAt(all, point);
      const size =
        DEFAULT_SIZES[
          kind === 'vpc'
            ? 'vpc'
            : kind === 'subnet'
              ? 'subnet'
              : kind === 'cluster' || kind === 'vpc-cni-cluster'
                ? 'cluster'
                : kind === 'nat' || kind === 'idc' || kind === 'ccn'
                  ? kind
                  : 'resource'
        ]!;
      const topLeft = { x: point.x - Math.min(size.width / 2, 40), y: point.y - 20 };
      const at = container ? { x: topLeft.x - container.x, y: topLeft.y - container.y } : topLeft;
      const nearVpc = all
        .filter((r) => r.kind === 'vpc')
        .sort(
          (a, b) =>
            Math.hypot(a.x + a.w / 2 - point.x, a.y + a.h / 2 - point.y) -
            Math.hypot(b.x + b.w / 2 - point.x, b.y + b.h / 2 - point.y),
        )[0]?.id;
      const created = createObject(s.plan, kind, at, container?.id, nearVpc);
      if (!created.ok) {
        s.toast(created.message, 'error');
        return;
      }
      s.apply(placedCreationOps(s.plan, created.ops, created.id), {
        capture: 'immediately',
        label: `Add ${kind}`,
      });
      s.select([created.id]);
    },
    [rf, rects],
  );

  const connect = useCallback((source: string, target: string) => {
    const s = useAppStore.getState();
    const r = connectObjects(s.plan, source, target);
    if (!r.ok) {
      s.toast(r.message, 'error');
      return;
    }
    s.apply(r.ops, { capture: 'immediately', label: 'Connect' });
    s.toast(r.message, 'success');
  }, []);

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target), [connect]);

  // A connection dropped anywhere on an object (not only on its handle) connects to it.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode) return;
      const p = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!p) return;
      const from = state.fromNode.id;
      const under = [
        ...new Set(
          document
            .elementsFromPoint(p.clientX, p.clientY)
            .map((el) => el.closest('.react-flow__node')?.getAttribute('data-id'))
            .filter((id): id is string => !!id && id !== from),
        ),
      ];
      // Innermost first: dropped on a subnet inside a VPC, the VPC is the one a VPC peers with.
      const plan = useAppStore.getState().plan;
      const target = under.find((id) => connectObjects(plan, from, id).ok) ?? under[0];
      if (target) connect(from, target);
    },
    [connect],
  );

  // The zoom the last review step was shown at: the next one keeps it while its subject fits.
  const reviewZoomInUse = useRef<number | null>(null);
  useEffect(() => {
    if (!focusRequest || focusRequest.ids.length === 0) return;
    // After React Flow has seen the canvas's new size (review mode hides the side panels). A
    // request superseded in the meantime does nothing: on a large plan the frames in between can
    // take seconds, and a late move to an older target would land after, or cut, the newer one.
    let live = true;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        if (live) frame(focusRequest.ids);
      });
    });
    const frame = (requested: readonly string[]) => {
      const ids = new Set(requested);
      const all = rf.getNodes();
      const nodes = all.filter((n) => ids.has(n.id));
      if (nodes.length === 0) return;
      const bounds = rf.getNodesBounds(nodes);
      // A large plan jumps: every frame of a glide draws the nodes it passes over, so a glide
      // across a 100,000-object plan takes seconds, and anything that moves the view meanwhile
      // (a zoom clamp, the next request) stops it part way, the object out of view.
      const duration = isLargePlan(all) ? 0 : 300;
      // The summary card is read first and stepped past; a step's card stays under its subject.
      const card = document.querySelector('.cc-review:not(.cc-review--summary)');
      const pane = canvasEl.current?.getBoundingClientRect();
      if (card && pane && pane.width > 0 && pane.height > 0) {
        const area = freeArea(
          pane.width,
          pane.height,
          covered(pane, card.getBoundingClientRect()),
          FOCUS_MARGIN,
        );
        const view = reviewFrame(bounds, area, reviewZoomInUse.current, {
          ...REVIEW_ZOOM_BAND,
          min: flowStore.getState().minZoom,
        });
        reviewZoomInUse.current = view.zoom;
        void rf.setViewport(view, { duration, interpolate: 'linear' });
        return;
      }
      void fitRect(rf, bounds, {
        duration,
        padding: focusPadding(canvasEl.current, card),
        maxZoom: 1.25,
      });
    };
    return () => {
      live = false;
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [focusRequest, rf, flowStore]);

  // A plan opened (a template, a file, a link), Tidy up, or leaving review: show the whole plan
  // rather than whatever part of the old one the view was on.
  const planSource = useAppStore((s) => s.planSource);
  const shownSource = useRef(planSource);
  useEffect(() => {
    if (shownSource.current === planSource) return;
    shownSource.current = planSource;
    if (!large) {
      requestFit();
      return;
    }
    // A plan too large to show whole at the zoom where the canvas still draws its part: start at
    // its top-left corner, where its first objects are, rather than somewhere in its middle.
    const b = rf.getNodesBounds(rf.getNodes());
    const zoom = Math.max(minZoom, LARGE_PLAN_OPEN_ZOOM);
    void rf.setViewport({ x: 40 - b.x * zoom, y: 60 - b.y * zoom, zoom });
    // Only a newly opened plan moves the view; its size is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planSource, rf]);
  // The first view of a plan (React Flow's own fit, once its nodes are measured) knows nothing of
  // the overview in the corner: fit again, clear of it, at once.
  const initialized = useNodesInitialized();
  const refitted = useRef(useAppStore.getState().viewport !== null);
  useEffect(() => {
    if (!initialized || refitted.current) return;
    refitted.current = true;
    if (!large) void fitPlan(rf, 0);
  }, [initialized, large, rf]);
  const reviewing = useAppStore(selectReviewing);
  const wasReviewing = useRef(reviewing);
  useEffect(() => {
    if (!reviewing) reviewZoomInUse.current = null;
    if (wasReviewing.current && !reviewing) requestFit();
    wasReviewing.current = reviewing;
  }, [reviewing, rf]);
  useEffect(
    () =>
      onFitRequest(() => {
        // After the canvas has drawn the new layout: a fit now would frame the old one.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const card = document.querySelector('.cc-review:not(.cc-review--summary)');
            void fitPlan(rf, 300, card ? focusPadding(canvasEl.current, card) : undefined);
          }),
        );
      }),
    [rf],
  );

  return (
    <div
      ref={canvasEl}
      className={far ? 'cc-canvas cc-canvas--far' : 'cc-canvas'}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <FarContext.Provider value={far}>
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
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
          <Overview />
          {large && (
            <Panel position="top-left" className="cc-large-note" role="note">
              Large plan: {planNodes.length.toLocaleString('en-US')} objects. The canvas draws what
              is in view; the overview shows them all.
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
        </ReactFlow>
      </FarContext.Provider>
    </div>
  );
}
