// The address map: the plan's IPv4 space one root range at a time, drawn on a canvas (ranges at
// their place, coloured by kind, overlaps red, free space hatched), zoomed with the wheel around
// the cursor from the root down to a /28, panned by dragging. Hover names a range, a click selects
// its owner. Beside it, lists a keyboard reaches: largest free blocks, overlaps, ranges in view.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatV4 } from '../../domain/ip/cidr';
import { planIndexOf } from '../../domain/model/plan-index';
import { label } from '../../domain/model/defaults';
import { AddressMap } from '../../domain/planning/address-map';
import type { MapRoot } from '../../domain/planning/address-map-free';
import {
  MAP_KINDS,
  MAP_KIND_TITLES,
  collectRanges,
  rangesSeenBy,
  scopeSees,
  type RangeEntry,
} from '../../domain/planning/address-map-ranges';
import { useAppStore } from '../../store/app-store';
import { usePlanContent } from '../../store/hooks';
import { AddressMapLists, LIST_LIMIT, n } from './AddressMapLists';
import { AXIS_H, KIND_COLOURS, laneTop } from './draw';
import { MapRenderer } from './renderer';
import { spanPrefix, type MapWindow } from './viewport';

function rangeCount(map: AddressMap, root: MapRoot): number {
  let c = 0;
  for (const r of map.ranges) if (r.lo >= root.lo && r.hi <= root.hi) c++;
  return c;
}

/** A window around the ranges of a root, a little wider, so that the map opens on them. */
function usedExtent(map: AddressMap, root: MapRoot): MapWindow | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of map.ranges)
    if (r.lo >= root.lo && r.hi <= root.hi) {
      if (r.lo < lo) lo = r.lo;
      if (r.hi > hi) hi = r.hi;
    }
  if (lo > hi) return undefined;
  const span = (hi - lo + 1) * 1.5;
  return { lo: lo - (span - (hi - lo + 1)) / 4, span };
}

export default function AddressMapView() {
  const plan = usePlanContent();
  const selection = useAppStore((s) => s.selection);
  const [vpc, setVpc] = useState('');
  const ix = planIndexOf(plan);
  const all = useMemo(() => collectRanges(ix), [ix]);
  const map = useMemo(
    () => new AddressMap(vpc && ix.vpc(vpc) ? rangesSeenBy(ix, all, vpc) : all, scopeSees(ix)),
    [ix, all, vpc],
  );
  const counts = useMemo(() => map.roots.map((r) => rangeCount(map, r)), [map]);
  const [rootCidr, setRootCidr] = useState<string | null>(null);
  const rootIndex = Math.max(
    0,
    rootCidr === null
      ? counts.indexOf(Math.max(...counts))
      : map.roots.findIndex((r) => r.cidr === rootCidr),
  );
  const root = map.roots[rootIndex]!;
  const rootSize = root.hi - root.lo + 1;

  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<MapRenderer | null>(null);
  // The window the lists below follow: set when the map comes to rest, not every frame.
  const [settled, setSettled] = useState<MapWindow>({ lo: root.lo, span: rootSize });
  const selected = useMemo(() => new Set(selection), [selection]);
  // One height whatever the plan holds: six lanes, the free-space labels under them.
  const canvasHeight = laneTop(6) + 22;

  useEffect(() => {
    const canvas = canvasRef.current!;
    const r = new MapRenderer(canvas);
    r.onSettle = setSettled;
    setRenderer(r);
    // The canvas follows its box, at the screen's pixel density.
    const ro = new ResizeObserver(() => {
      const box = canvas.getBoundingClientRect();
      r.resize(box.width, box.height);
    });
    ro.observe(canvas);
    // Wheel zoom around the cursor (a listener of our own: React's is passive).
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = canvas.getBoundingClientRect();
      const at = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
      const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      r.zoom(Math.exp(Math.max(-3, Math.min(3, dy * 0.0025))), at);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      ro.disconnect();
      canvas.removeEventListener('wheel', onWheel);
      r.dispose();
    };
  }, []);
  // A new root (or filter) starts from the whole root.
  useEffect(() => {
    renderer?.setRoot(root.lo, rootSize, usedExtent(map, root));
    // Only a new root or filter re-frames; an edit of the plan keeps the window where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [renderer, root.lo, rootSize, vpc]);
  useEffect(() => {
    renderer?.setData(map, selected);
  }, [renderer, map, selected]);

  const showTip = (px: number, py: number) => {
    const tip = tipRef.current;
    if (!tip || !renderer) return;
    const i = renderer.hit(px, py);
    let lines: string[] = [];
    if (i >= 0) {
      const r = map.ranges[i]!;
      lines = [
        r.cidr,
        `${MAP_KIND_TITLES[r.kind]} · ${n(r.hi - r.lo + 1)} addresses`,
        `${r.kind === 'route' ? 'Route table' : r.kind === 'reservation' ? 'Reserved as' : 'Owner'}: ${r.ownerName}`,
        ...(map.conflict[i] ? ['Overlaps a range it should not'] : []),
      ];
    } else if (py > AXIS_H) {
      const f = map.freeAt(renderer.addressAt(px));
      if (f)
        lines = [
          `Free ${formatV4(f.lo)} – ${formatV4(f.hi)}`,
          `${n(f.hi - f.lo + 1)} addresses; largest block ${f.best.cidr}`,
        ];
    }
    renderer.setHover(i);
    if (lines.length === 0) {
      tip.hidden = true;
      return;
    }
    tip.hidden = false;
    tip.replaceChildren(
      ...lines.map((l, k) => {
        const el = document.createElement(k === 0 ? 'strong' : 'div');
        el.textContent = l;
        return el;
      }),
    );
    const left = Math.min(px + 14, renderer.width - 260);
    tip.style.transform = `translate(${Math.max(0, left)}px, ${py + 16}px)`;
  };

  const drag = useRef<{ x: number; lo: number; moved: boolean } | null>(null);
  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!renderer) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, lo: renderer.goal.lo, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!renderer) return;
    const box = e.currentTarget.getBoundingClientRect();
    const d = drag.current;
    if (d) {
      const dx = e.clientX - d.x;
      if (Math.abs(dx) > 3) d.moved = true;
      if (d.moved) {
        const span = renderer.goal.span;
        renderer.goTo({ lo: d.lo - (dx * span) / renderer.width, span }, 0.5, false);
        if (tipRef.current) tipRef.current.hidden = true;
        return;
      }
    }
    showTip(e.clientX - box.left, e.clientY - box.top);
  };
  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !renderer) return;
    const box = e.currentTarget.getBoundingClientRect();
    const i = renderer.hit(e.clientX - box.left, e.clientY - box.top);
    if (i >= 0) pick(map.ranges[i]!);
  };

  const pick = (r: RangeEntry) => {
    const s = useAppStore.getState();
    if (ix.kindOf(r.owner)) s.select([r.owner]);
  };
  const zoomTo = (lo: number, hi: number) => {
    const span = Math.max(16, (hi - lo + 1) * 1.25);
    renderer?.goTo({ lo: lo - (span - (hi - lo + 1)) / 2, span });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!renderer) return;
    const t = renderer.goal;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => renderer.goTo({ lo: t.lo - t.span / 8, span: t.span }),
      ArrowRight: () => renderer.goTo({ lo: t.lo + t.span / 8, span: t.span }),
      '+': () => renderer.zoom(0.5, 0.5),
      '=': () => renderer.zoom(0.5, 0.5),
      '-': () => renderer.zoom(2, 0.5),
      Home: () => renderer.whole(),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  };

  const inView = useMemo(() => {
    const out: number[] = [];
    let total = 0;
    const hi = settled.lo + settled.span;
    map.ranges.forEach((r, i) => {
      if (r.hi < settled.lo || r.lo >= hi || r.lo < root.lo || r.hi > root.hi) return;
      total++;
      if (out.length < LIST_LIMIT) out.push(i);
    });
    return { out, total };
  }, [map, settled, root]);
  const usedPct = (r: MapRoot) =>
    ((100 * r.used) / (r.hi - r.lo + 1)).toFixed(r.used > 0 && r.used * 1000 < r.hi - r.lo ? 2 : 1);

  return (
    <section className="cc-amap" aria-label="Address map">
      <header className="cc-amap__bar">
        <div className="cc-amap__roots" role="group" aria-label="Root range">
          {map.roots.map((r, i) => (
            <button
              key={r.cidr}
              type="button"
              aria-pressed={i === rootIndex}
              onClick={() => setRootCidr(r.cidr)}
              title={`${n(counts[i]!)} ranges, ${n(r.free)} addresses free`}
            >
              <span className="cc-amap__root-cidr">{r.cidr}</span>
              <span className="cc-amap__root-use">{usedPct(r)}% used</span>
            </button>
          ))}
        </div>
        <label className="cc-amap__filter">
          Seen by
          <select value={vpc} onChange={(e) => setVpc(e.target.value)}>
            <option value="">every VPC</option>
            {plan.vpcs.map((v) => (
              <option key={v.id} value={v.id}>
                {label(v)}
              </option>
            ))}
          </select>
        </label>
        <div className="cc-amap__zoom">
          <button type="button" aria-label="Zoom out" onClick={() => renderer?.zoom(4, 0.5)}>
            −
          </button>
          <button type="button" aria-label="Zoom in" onClick={() => renderer?.zoom(0.25, 0.5)}>
            +
          </button>
          <button type="button" onClick={() => renderer?.whole()}>
            Whole {root.cidr}
          </button>
        </div>
      </header>
      <div className="cc-amap__stage">
        <canvas
          ref={canvasRef}
          className="cc-amap__canvas"
          style={{ height: canvasHeight }}
          tabIndex={0}
          role="img"
          aria-label={`Address map of ${root.cidr}: ${n(inView.total)} ranges in view, ${map.conflictCount} overlapping. Arrow keys pan, plus and minus zoom; the lists below hold the same ranges.`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => {
            if (tipRef.current) tipRef.current.hidden = true;
            renderer?.setHover(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <div ref={tipRef} className="cc-amap__tip" role="tooltip" hidden />
      </div>
      <div className="cc-amap__legend" aria-label="Legend">
        {MAP_KINDS.map((k) => (
          <span key={k}>
            <i style={{ background: KIND_COLOURS[k].fill, borderColor: KIND_COLOURS[k].line }} />
            {MAP_KIND_TITLES[k]}
          </span>
        ))}
        <span>
          <i className="cc-amap__swatch--conflict" />
          Overlap
        </span>
        <span>
          <i className="cc-amap__swatch--free" />
          Free
        </span>
        <span className="cc-amap__where">
          Showing {formatV4(Math.round(settled.lo))} –{' '}
          {formatV4(Math.round(settled.lo + settled.span - 1))} (about a /{spanPrefix(settled.span)}
          )
        </span>
      </div>
      <AddressMapLists
        map={map}
        root={root}
        inView={inView}
        selected={selected}
        pick={pick}
        zoomTo={zoomTo}
        showRoot={(at) => {
          if (at !== rootIndex) setRootCidr(map.roots[at]!.cidr);
        }}
        ownerIsObject={(id) => ix.kindOf(id) !== undefined}
      />
    </section>
  );
}
