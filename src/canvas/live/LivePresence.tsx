// Everyone else on a workspace plan, drawn on the canvas: their pointers with their names and
// the objects they have selected, outlined in their colour. Also this person's own pointer and
// view, sent to the others, and Follow: the view goes where the followed person's view goes, and
// their review step becomes this person's.
import { useOnViewportChange, useReactFlow, useStore, ViewportPortal } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import type { Peer } from '../../store/live-slice';
import './live.css';

function useTrackMe(): void {
  const rf = useReactFlow();
  const dom = useStore((s) => s.domNode);
  const live = useAppStore((s) => s.live !== null);

  const sendView = () => {
    if (!dom) return;
    const r = dom.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    const a = rf.screenToFlowPosition({ x: r.left, y: r.top }, { snapToGrid: false });
    const b = rf.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false });
    useAppStore.getState().setMyView({ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
  };
  // The handler is stored in React Flow's store: a new one on each render would write that store
  // and run every node's and edge's subscription again.
  const latestSend = useRef(sendView);
  useEffect(() => {
    latestSend.current = sendView;
  });
  const onEnd = useCallback(() => {
    if (live) latestSend.current();
  }, [live]);
  useOnViewportChange({ onEnd });

  useEffect(() => {
    if (!dom || !live) return;
    const s = useAppStore.getState;
    const move = (e: PointerEvent) =>
      s().setMyCursor(
        rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false }),
      );
    const leave = () => s().setMyCursor(null);
    // Panning or zooming by hand ends following: the person has taken their own view back.
    const takeOver = (e: Event) => {
      if (s().live?.following == null) return;
      if (e.type === 'pointerdown' && !(e.target as Element).closest('.react-flow__pane')) return;
      s().follow(null);
    };
    dom.addEventListener('pointermove', move);
    dom.addEventListener('pointerleave', leave);
    // Captured: the pan and zoom handlers stop these events before they would bubble here.
    dom.addEventListener('wheel', takeOver, { passive: true, capture: true });
    dom.addEventListener('pointerdown', takeOver, { capture: true });
    sendView();
    return () => {
      dom.removeEventListener('pointermove', move);
      dom.removeEventListener('pointerleave', leave);
      dom.removeEventListener('wheel', takeOver, { capture: true });
      dom.removeEventListener('pointerdown', takeOver, { capture: true });
    };
    // sendView reads the latest rf and dom itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dom, live, rf]);
}

function useFollow(): void {
  const rf = useReactFlow();
  const followed = useAppStore((s) =>
    s.live?.following == null
      ? null
      : (s.live.peers.find((p) => p.id === s.live!.following) ?? null),
  );
  const view = followed?.view ?? null;
  const step = followed ? followed.reviewStep : undefined;
  const joinedReview = useRef(false);

  // By value: every awareness message (anyone's pointer moving) brings new peer objects, and the
  // view should move only when the followed person's view does.
  const { x, y, width, height } = view ?? { x: 0, y: 0, width: 0, height: 0 };
  useEffect(() => {
    if (width === 0 || height === 0) return;
    void rf.fitBounds({ x, y, width, height }, { padding: 0, duration: 0 });
  }, [rf, x, y, width, height]);

  useEffect(() => {
    const s = useAppStore.getState();
    if (step === undefined) {
      joinedReview.current = false;
      return;
    }
    if (step === null) {
      if (joinedReview.current && s.review) s.endReview();
      joinedReview.current = false;
      return;
    }
    if (!s.review) {
      s.startReview();
      joinedReview.current = true;
    }
    useAppStore.getState().setReviewStep(step);
  }, [step]);
}

function Cursor({ peer, zoom }: { peer: Peer; zoom: number }) {
  if (!peer.cursor) return null;
  return (
    <div
      className="cc-peer-cursor"
      style={{
        transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})`,
        color: peer.color,
      }}
      data-peer={peer.name}
      aria-hidden
    >
      <svg width="18" height="18" viewBox="0 0 18 18">
        <path
          d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 Z"
          fill="currentColor"
          stroke="#fff"
        />
      </svg>
      <span className="cc-peer-cursor__name" style={{ background: peer.color }}>
        {peer.name}
      </span>
    </div>
  );
}

function Selections({ peer, zoom }: { peer: Peer; zoom: number }) {
  const lookup = useStore((s) => s.nodeLookup);
  return (
    <>
      {peer.selection.map((id) => {
        const n = lookup.get(id);
        if (!n) return null;
        const { x, y } = n.internals.positionAbsolute;
        const w = n.measured.width ?? n.width ?? 0;
        const h = n.measured.height ?? n.height ?? 0;
        const pad = 4 / zoom;
        return (
          <div
            key={id}
            className="cc-peer-selection"
            data-peer={peer.name}
            data-object={id}
            style={{
              transform: `translate(${x - pad}px, ${y - pad}px)`,
              width: w + 2 * pad,
              height: h + 2 * pad,
              borderColor: peer.color,
              borderWidth: 2 / zoom,
            }}
            aria-hidden
          >
            <span
              className="cc-peer-selection__name"
              style={{ background: peer.color, transform: `scale(${1 / zoom})` }}
            >
              {peer.name}
            </span>
          </div>
        );
      })}
    </>
  );
}

// Memoised: it takes no props, and the canvas re-renders on every edit and every result.
export const LivePresence = memo(function LivePresence() {
  useTrackMe();
  useFollow();
  const peers = useAppStore((s) => s.live?.peers);
  const zoom = useStore((s) => s.transform[2]);
  if (!peers || peers.length === 0) return null;
  return (
    <ViewportPortal>
      {peers.map((p) => (
        <Selections key={`s${p.id}`} peer={p} zoom={zoom} />
      ))}
      {peers.map((p) => (
        <Cursor key={`c${p.id}`} peer={p} zoom={zoom} />
      ))}
    </ViewportPortal>
  );
});
