// The map's drawing loop, outside React: the window eases towards its target one animation frame
// at a time and each frame draws from the map's query; React hands it data and gestures.
import { formatV4 } from '../../domain/ip/cidr';
import type { AddressMap } from '../../domain/planning/address-map';
import { AXIS_H, LANE_GAP, LANE_H, drawMap, lanesThatFit, laneTop } from './draw';
import { clampWindow, easeTowards, spanPrefix, zoomAround, type MapWindow } from './viewport';

declare global {
  interface Window {
    /** Set by the perf test: each frame's drawing time is pushed here. */
    __cidrMapDrawMs?: number[];
  }
}

export class MapRenderer {
  cur: MapWindow = { lo: 0, span: 1 };
  private target: MapWindow = this.cur;
  private anchor = 0.5;
  private hover = -1;
  private raf = 0;
  private labels = '';
  private rootLo = 0;
  private rootSize = 1;
  private map: AddressMap | undefined;
  private selected: ReadonlySet<string> = new Set();
  width = 800;
  height = 260;
  /** Hears of the window when it comes to rest. */
  onSettle: (w: MapWindow) => void = () => {};

  constructor(private readonly canvas: HTMLCanvasElement) {}

  setData(map: AddressMap, selected: ReadonlySet<string>): void {
    this.map = map;
    this.selected = selected;
    this.redraw();
  }

  /** Shows root [lo, lo + size), starting from `start` (the whole root when absent). */
  setRoot(lo: number, size: number, start?: MapWindow): void {
    this.rootLo = lo;
    this.rootSize = size;
    this.cur = this.target = clampWindow(start ?? { lo, span: size }, lo, size);
    this.redraw();
  }

  resize(width: number, height: number): void {
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.width = width;
    this.height = height;
    this.redraw();
  }

  get goal(): MapWindow {
    return this.target;
  }

  goTo(w: MapWindow, at = 0.5, animate = true): void {
    this.target = clampWindow(w, this.rootLo, this.rootSize);
    this.anchor = at;
    if (!animate) this.cur = this.target;
    this.redraw();
  }

  /** Zooms by `factor` around fraction `at` of the width, from where the zoom is heading. */
  zoom(factor: number, at: number): void {
    this.goTo(zoomAround(this.target, factor, at), at);
  }

  whole(): void {
    this.goTo({ lo: this.rootLo, span: this.rootSize });
  }

  setHover(i: number): void {
    if (this.hover === i) return;
    this.hover = i;
    this.redraw();
  }

  /** The range under a point of the canvas, as an index into map.ranges, or -1. */
  hit(px: number, py: number): number {
    const map = this.map;
    if (!map) return -1;
    const lanes = lanesThatFit(this.height, map.laneCount);
    const d = Math.floor((py - AXIS_H) / (LANE_H + LANE_GAP));
    if (d < 0 || d >= lanes || py > laneTop(d) + LANE_H) return -1;
    const perPixel = this.cur.span / this.width;
    const addr = Math.floor(this.cur.lo + px * perPixel);
    // The last lane also draws what is nested deeper: the deepest range there is on top.
    const deepest = d === lanes - 1 ? map.laneCount - 1 : d;
    for (let k = deepest; k >= d; k--) {
      const i = map.rangeNear(k, addr, Math.ceil(perPixel * 2));
      if (i >= 0) return i;
    }
    return -1;
  }

  /** The address under an x of the canvas. */
  addressAt(px: number): number {
    return Math.floor(this.cur.lo + (px * this.cur.span) / this.width);
  }

  redraw(): void {
    if (!this.raf) this.raf = requestAnimationFrame(this.frame);
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private readonly frame = () => {
    this.raf = 0;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.map) return;
    const next = easeTowards(this.cur, this.target, this.anchor);
    this.cur = next;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const t0 = performance.now();
    const labels = drawMap(ctx, {
      map: this.map,
      win: next,
      width: this.width,
      height: this.height,
      hover: this.hover,
      selected: this.selected,
    });
    window.__cidrMapDrawMs?.push(performance.now() - t0);
    const text = labels.join('\n');
    if (text !== this.labels) {
      this.labels = text;
      this.canvas.dataset.labels = text;
    }
    this.canvas.dataset.window = `${formatV4(Math.round(next.lo))}/${spanPrefix(next.span)}`;
    // The exact window, for a test to find a range's pixel.
    this.canvas.dataset.lo = String(next.lo);
    this.canvas.dataset.span = String(next.span);
    if (next !== this.target) this.raf = requestAnimationFrame(this.frame);
    else this.onSettle(next);
  };
}
