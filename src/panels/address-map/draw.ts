// Drawing the address map on a 2D canvas: an address axis on top, one lane a nesting depth under
// it, free space hatched behind, ranges coloured by kind, overlaps red, labels where they fit.
// The map's query folds ranges narrower than a pixel, so a frame draws about as many rectangles
// as the canvas is wide per lane, whatever the plan's size.
import { formatV4 } from '../../domain/ip/cidr';
import type { AddressMap } from '../../domain/planning/address-map';
import type { MapKind } from '../../domain/planning/address-map-ranges';
import { tickStep, type MapWindow } from './viewport';

export const AXIS_H = 34;
export const LANE_H = 30;
export const LANE_GAP = 6;
const FREE_LABEL_H = 22;
const FONT = '11px ui-monospace, "SF Mono", Menlo, Consolas, monospace';
const FONT_BOLD = '600 11px ui-monospace, "SF Mono", Menlo, Consolas, monospace';

export const KIND_COLOURS: Readonly<Record<MapKind, { fill: string; line: string; ink: string }>> =
  {
    vpc: { fill: '#dbeafe', line: '#3b82f6', ink: '#1e3a8a' },
    'vpc-secondary': { fill: '#e0e7ff', line: '#6366f1', ink: '#312e81' },
    subnet: { fill: '#e0f2fe', line: '#0284c7', ink: '#0c4a6e' },
    'pod-subnet': { fill: '#ccfbf1', line: '#0d9488', ink: '#134e4a' },
    container: { fill: '#ede9fe', line: '#7c3aed', ink: '#4c1d95' },
    service: { fill: '#fae8ff', line: '#c026d3', ink: '#701a75' },
    idc: { fill: '#fef3c7', line: '#d97706', ink: '#78350f' },
    route: { fill: '#f1f5f9', line: '#64748b', ink: '#334155' },
    reservation: { fill: '#f5f5f4', line: '#78716c', ink: '#44403c' },
  };
const CONFLICT = { fill: '#fee2e2', line: '#dc2626', ink: '#991b1b' };

export interface DrawInput {
  readonly map: AddressMap;
  readonly win: MapWindow;
  readonly width: number;
  readonly height: number;
  /** Index into map.ranges of the hovered range, or -1. */
  readonly hover: number;
  readonly selected: ReadonlySet<string>;
}

/** How many lanes fit under the axis (the rest are folded into the last one's count). */
export function lanesThatFit(height: number, laneCount: number): number {
  return Math.max(
    1,
    Math.min(laneCount, Math.floor((height - AXIS_H - FREE_LABEL_H) / (LANE_H + LANE_GAP))),
  );
}

export function laneTop(depth: number): number {
  return AXIS_H + depth * (LANE_H + LANE_GAP);
}

let hatch: CanvasPattern | null = null;
function hatchPattern(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  if (hatch) return hatch;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.fillStyle = '#f8fafc';
  t.fillRect(0, 0, 8, 8);
  t.strokeStyle = '#cbd5e1';
  t.lineWidth = 1;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.moveTo(-2, 2);
  t.lineTo(2, -2);
  t.moveTo(6, 10);
  t.lineTo(10, 6);
  t.stroke();
  hatch = ctx.createPattern(tile, 'repeat');
  return hatch;
}

let charWidth = 0;

/** Draws one frame; returns the labels drawn (for tests and the accessible summary). */
export function drawMap(ctx: CanvasRenderingContext2D, input: DrawInput): string[] {
  const { map, win, width, height, hover, selected } = input;
  const perPixel = win.span / width;
  const x = (addr: number) => (addr - win.lo) / perPixel;
  const lo = win.lo;
  const hi = win.lo + win.span - 1;
  const labels: string[] = [];
  ctx.font = FONT;
  if (!charWidth) charWidth = ctx.measureText('0000000000').width / 10;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  const lanes = lanesThatFit(height, map.laneCount);
  const lanesBottom = laneTop(lanes) - LANE_GAP;

  // Free space: hatched columns through every lane, the largest block of each labelled.
  const pattern = hatchPattern(ctx);
  for (const f of map.freeSegments(lo, hi, perPixel)) {
    const x0 = Math.max(0, x(f.lo));
    const x1 = Math.min(width, x(f.hi + 1));
    if (x1 - x0 < 0.5) continue;
    ctx.fillStyle = pattern ?? '#f8fafc';
    ctx.fillRect(x0, AXIS_H, x1 - x0, lanesBottom - AXIS_H);
    const text = `free ${f.best.cidr} · ${f.best.size.toLocaleString('en-US')}`;
    const short = `free /${f.best.prefix}`;
    const fit = fits(text, x1 - x0) ? text : fits(short, x1 - x0) ? short : '';
    if (fit) {
      ctx.fillStyle = '#475569';
      ctx.fillText(fit, x0 + 6, lanesBottom + 15);
      labels.push(fit);
    }
  }

  // Grid lines at the axis ticks, behind the ranges.
  const step = tickStep(perPixel, 130);
  const prefix = 32 - Math.log2(step);
  const first = Math.ceil(lo / step) * step;
  ctx.strokeStyle = '#e2e8f0';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let a = first; a <= hi; a += step) {
    const tx = Math.round(x(a)) + 0.5;
    ctx.moveTo(tx, AXIS_H - 12);
    ctx.lineTo(tx, lanesBottom);
  }
  ctx.stroke();

  // Ranges, lane by lane.
  ctx.textBaseline = 'middle';
  for (let d = 0; d < lanes; d++) {
    const y = laneTop(d);
    // The last lane that fits also shows what is nested deeper, folded (rarely more than 6).
    const depths = d === lanes - 1 ? range(d, map.laneCount) : [d];
    for (const depth of depths)
      for (const s of map.segments(depth, lo, hi, perPixel)) {
        const r = map.ranges[s.first]!;
        const c = s.conflict ? CONFLICT : KIND_COLOURS[r.kind];
        const x0 = x(s.lo);
        const x1 = x(s.hi + 1);
        const cx0 = Math.max(-2, x0);
        const cx1 = Math.min(width + 2, x1);
        const w = Math.max(1, cx1 - cx0);
        ctx.fillStyle = c.fill;
        ctx.fillRect(cx0, y, w, LANE_H);
        if (w >= 3) {
          ctx.strokeStyle = c.line;
          ctx.lineWidth = s.conflict ? 2 : 1;
          if (r.kind === 'route' || r.kind === 'reservation') ctx.setLineDash([4, 3]);
          ctx.strokeRect(cx0 + 0.5, y + 0.5, w - 1, LANE_H - 1);
          ctx.setLineDash([]);
        } else {
          ctx.fillStyle = c.line;
          ctx.fillRect(cx0, y, w, LANE_H);
        }
        if (s.conflict) {
          ctx.fillStyle = CONFLICT.line;
          ctx.fillRect(cx0, y, w, 3);
        }
        if (s.count === 1 && (s.first === hover || selected.has(r.owner))) {
          ctx.strokeStyle = s.first === hover ? '#0f172a' : '#2563eb';
          ctx.lineWidth = 2;
          ctx.strokeRect(cx0 + 1, y + 1, Math.max(1, w - 2), LANE_H - 2);
        }
        // Labels where they fit, kept on screen when the range runs off an edge.
        const room = Math.min(width, x1) - Math.max(0, x0) - 10;
        if (room < 24) continue;
        const full =
          s.count === 1 ? `${r.cidr}  ${r.ownerName}` : `${s.count.toLocaleString('en-US')} ranges`;
        const text = fits(full, room) ? full : s.count === 1 && fits(r.cidr, room) ? r.cidr : '';
        if (!text) continue;
        ctx.fillStyle = c.ink;
        ctx.font = s.count === 1 ? FONT_BOLD : FONT;
        ctx.fillText(text, Math.max(0, x0) + 6, y + LANE_H / 2 + 0.5);
        ctx.font = FONT;
        labels.push(text);
      }
  }
  ctx.textBaseline = 'alphabetic';

  // The axis: aligned addresses at power-of-two steps, with the block size the step makes.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, AXIS_H - 4);
  ctx.strokeStyle = '#e2e8f0';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, AXIS_H - 4.5);
  ctx.lineTo(width, AXIS_H - 4.5);
  ctx.stroke();
  ctx.fillStyle = '#475569';
  ctx.font = FONT;
  for (let a = first; a <= hi; a += step) {
    const tx = Math.round(x(a)) + 0.5;
    ctx.strokeStyle = '#94a3b8';
    ctx.beginPath();
    ctx.moveTo(tx, AXIS_H - 12);
    ctx.lineTo(tx, AXIS_H - 4);
    ctx.stroke();
    ctx.fillText(`${formatV4(a)}/${prefix}`, tx + 4, 16);
  }
  return labels;
}

function fits(text: string, room: number): boolean {
  return text.length * charWidth <= room;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
