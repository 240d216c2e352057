// The overview map in the corner: the whole plan drawn on one <canvas>, redrawn at most once a
// frame. React Flow's own minimap keeps an SVG shape and a store subscription per node, which
// on a plan of a thousand objects costs more on every frame of a drag than the drag itself.
import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef, type PointerEvent, type WheelEvent } from 'react';

interface Size {
  readonly width: number;
  readonly height: number;
}

const FULL: Size = { width: 170, height: 110 };
/** On a narrow canvas (a laptop at 1280 × 720) the map takes less of what it maps. */
const SMALL: Size = { width: 96, height: 64 };
const SMALL_BELOW = 900;
const PAD = 6;

const selectSmall = (s: ReactFlowState) => s.width > 0 && s.width < SMALL_BELOW;

const FILL: Readonly<Record<string, string>> = {
  vpc: '#dbeafe',
  subnet: '#e0f2fe',
  cluster: '#7c3aed',
  resource: '#0f766e',
  nat: '#0369a1',
  idc: '#b45309',
  ccn: '#9333ea',
  internet: '#334155',
};
const STATUS_FILL: Readonly<Record<string, string>> = { error: '#dc2626', warning: '#d97706' };

interface Frame {
  /** Flow coordinates of the map's top-left corner, and screen pixels per flow unit. */
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

function frameOf(s: ReactFlowState, { width: WIDTH, height: HEIGHT }: Size): Frame {
  const [tx, ty, zoom] = s.transform;
  let x0 = -tx / zoom;
  let y0 = -ty / zoom;
  let x1 = x0 + s.width / zoom;
  let y1 = y0 + s.height / zoom;
  for (const n of s.nodeLookup.values()) {
    if (n.parentId) continue;
    const p = n.internals.positionAbsolute;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + (n.measured.width ?? n.width ?? n.initialWidth ?? 0));
    y1 = Math.max(y1, p.y + (n.measured.height ?? n.height ?? n.initialHeight ?? 0));
  }
  const scale = Math.min((WIDTH - 2 * PAD) / (x1 - x0 || 1), (HEIGHT - 2 * PAD) / (y1 - y0 || 1));
  // Centred in the map.
  return {
    x: (x0 + x1) / 2 - WIDTH / 2 / scale,
    y: (y0 + y1) / 2 - HEIGHT / 2 / scale,
    scale,
  };
}

function draw(ctx: CanvasRenderingContext2D, s: ReactFlowState, size: Size): Frame {
  const f = frameOf(s, size);
  ctx.clearRect(0, 0, size.width, size.height);
  // Parents come before their children in the lookup, so containers are drawn underneath.
  for (const n of s.nodeLookup.values()) {
    if (n.hidden) continue;
    const p = n.internals.positionAbsolute;
    const w = (n.measured.width ?? n.width ?? n.initialWidth ?? 0) * f.scale;
    const h = (n.measured.height ?? n.height ?? n.initialHeight ?? 0) * f.scale;
    const status = (n.domAttributes as Record<string, string> | undefined)?.['data-status'];
    ctx.fillStyle = (status && STATUS_FILL[status]) ?? FILL[n.type ?? ''] ?? '#94a3b8';
    ctx.fillRect((p.x - f.x) * f.scale, (p.y - f.y) * f.scale, Math.max(w, 1), Math.max(h, 1));
  }
  const [tx, ty, zoom] = s.transform;
  ctx.strokeStyle = '#2563eb';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(
    (-tx / zoom - f.x) * f.scale,
    (-ty / zoom - f.y) * f.scale,
    (s.width / zoom) * f.scale,
    (s.height / zoom) * f.scale,
  );
  return f;
}

export function Overview() {
  const store = useStoreApi();
  const rf = useReactFlow();
  const size = useStore(selectSmall) ? SMALL : FULL;
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<Frame | null>(null);
  // Only a drag that starts on the map moves the view: a node dragged or a VPC resized across the
  // map also sends it pointer moves with the button down, and must not throw the canvas around.
  const panning = useRef(false);
  const dragFrame = useRef<Frame | null>(null);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = size.width * dpr;
    el.height = size.height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let pending = 0;
    const redraw = () => {
      pending = 0;
      frame.current = draw(ctx, store.getState(), size);
    };
    const schedule = () => {
      if (pending === 0) pending = requestAnimationFrame(redraw);
    };
    schedule();
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(pending);
    };
  }, [store, size]);

  /** Centres the canvas on the point of the map under the pointer. */
  const panTo = (e: PointerEvent<HTMLCanvasElement>) => {
    // The map as it was when the drag began: the map frames the view too, and reading it anew
    // on each move would chase the view it has just moved, off into the distance.
    const f = dragFrame.current ?? frame.current;
    if (!f) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = f.x + (e.clientX - r.left) / f.scale;
    const y = f.y + (e.clientY - r.top) / f.scale;
    void rf.setCenter(x, y, { zoom: rf.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="cc-overview">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Minimap"
        style={{ width: size.width, height: size.height }}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          panning.current = true;
          dragFrame.current = frame.current;
          e.currentTarget.setPointerCapture(e.pointerId);
          panTo(e);
        }}
        onPointerMove={(e) => {
          if (panning.current && e.buttons === 1) panTo(e);
        }}
        onPointerUp={() => {
          panning.current = false;
          dragFrame.current = null;
        }}
        onLostPointerCapture={() => {
          panning.current = false;
          dragFrame.current = null;
        }}
        onWheel={(e: WheelEvent) => {
          void rf.zoomTo(rf.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2));
        }}
      />
    </Panel>
  );
}
