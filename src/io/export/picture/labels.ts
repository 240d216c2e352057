// The labels of a picture's lines, placed where they cover no object and no other label: a
// picture cannot be hovered to see what a label hides.
import { chip } from './elements';
import { pointAt, type Box } from './geometry';
import { isPath, type Placed } from './lines';
import type { LineKind } from './picture';
import { textWidth } from './text';

const LABEL_COLORS: Partial<Record<LineKind, { color: string; border: string; fill: string }>> = {
  snat: { color: '#1d4ed8', border: '#bfdbfe', fill: '#ffffff' },
  unreachable: { color: '#dc2626', border: '#fecaca', fill: '#fef2f2' },
  direct: { color: '#047857', border: '#a7f3d0', fill: '#ffffff' },
  peering: { color: '#0d9488', border: '#99f6e4', fill: '#ffffff' },
  idc: { color: '#b45309', border: '#fde68a', fill: '#ffffff' },
};

export interface LabelBox extends Box {
  readonly placed: Placed;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Boxes by the grid cells they cover, so that a label looks only at what is near it. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();
  private static readonly CELL = 200;

  private keys(b: Box): string[] {
    const c = BoxGrid.CELL;
    const out: string[] = [];
    for (let x = Math.floor(b.x / c); x <= Math.floor((b.x + b.w) / c); x++)
      for (let y = Math.floor(b.y / c); y <= Math.floor((b.y + b.h) / c); y++)
        out.push(`${x},${y}`);
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  hits(b: Box): boolean {
    return this.keys(b).some((k) => this.cells.get(k)?.some((o) => overlap(b, o)) ?? false);
  }
}

/**
 * Where each line's label goes: its middle, as on the canvas, unless that covers an object or
 * another label; then the first point along the line that covers neither. A picture cannot be
 * hovered to see what a label hides.
 */
export function placeLabels(placed: readonly Placed[], objects: readonly Box[]): LabelBox[] {
  const taken = new BoxGrid();
  for (const o of objects) taken.add(o);
  const out: LabelBox[] = [];
  for (const p of placed) {
    const label = p.edge.label;
    if (!label) continue;
    const size = isPath(p.edge.kind) ? 10.5 : 11;
    const w = textWidth(label, size, false, true) + 14;
    const h = size + 7;
    const at = (t: number): LabelBox => {
      const [x, y] = t === 0.5 ? [p.curve.lx, p.curve.ly] : pointAt(p.curve, t);
      return { x: x - w / 2, y: y - h / 2, w, h, placed: p };
    };
    // A line shorter than its label would vanish under it: the label then sits beside the line.
    const [x0, y0] = pointAt(p.curve, 0);
    const [x1, y1] = pointAt(p.curve, 1);
    const beside = Math.hypot(x1 - x0, y1 - y0) < w + 40;
    const besides = (b: LabelBox): LabelBox[] => [
      { ...b, y: b.y - h / 2 - 8 },
      { ...b, y: b.y + h / 2 + 8 },
    ];
    const candidates = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74].map(at);
    const best =
      (beside ? candidates.flatMap(besides) : candidates).find((b) => !taken.hits(b)) ??
      (beside ? besides(at(0.5))[0]! : at(0.5));
    taken.add(best);
    out.push(best);
  }
  return out;
}

export function drawLabel(l: LabelBox): string {
  const { edge } = l.placed;
  const c = LABEL_COLORS[edge.kind] ?? { color: '#475569', border: '#e2e8f0', fill: '#ffffff' };
  return chip(l.x, l.y, edge.label!, {
    fill: c.fill,
    color: c.color,
    stroke: c.border,
    size: isPath(edge.kind) ? 10.5 : 11,
  }).svg;
}
