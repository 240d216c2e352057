// Where lines run, for the canvas (src/canvas/edges/geometry.ts puts React Flow's Position on
// it) and the picture alike: floating ends, and React Flow's bezier in plain numbers, so that the
// picture can be drawn without a browser and without React.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface Ends {
  readonly sx: number;
  readonly sy: number;
  readonly tx: number;
  readonly ty: number;
  readonly sourceSide: Side;
  readonly targetSide: Side;
}

function intersection(from: Box, to: Box): { x: number; y: number } {
  const w = from.w / 2;
  const h = from.h / 2;
  const cx = from.x + w;
  const cy = from.y + h;
  const tx = to.x + to.w / 2;
  const ty = to.y + to.h / 2;
  if (w === 0 || h === 0) return { x: cx, y: cy };
  const xx1 = (tx - cx) / (2 * w) - (ty - cy) / (2 * h);
  const yy1 = (tx - cx) / (2 * w) + (ty - cy) / (2 * h);
  const a = 1 / (Math.abs(xx1) + Math.abs(yy1) || 1);
  const xx3 = a * xx1;
  const yy3 = a * yy1;
  return { x: w * (xx3 + yy3) + cx, y: h * (-xx3 + yy3) + cy };
}

function side(b: Box, p: { x: number; y: number }): Side {
  const px = Math.round(p.x);
  const py = Math.round(p.y);
  if (px <= Math.round(b.x) + 1) return 'left';
  if (px >= Math.round(b.x) + b.w - 1) return 'right';
  if (py <= Math.round(b.y) + 1) return 'top';
  return 'bottom';
}

function inside(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** Each end where the line between the centres crosses the box; nested boxes meet at the outer one's header. */
export function floatingEnds(s: Box, t: Box): Ends {
  if (inside(t, s) || inside(s, t)) {
    const [inner, outer] = inside(t, s) ? [s, t] : [t, s];
    const a = { x: inner.x + inner.w / 2, y: inner.y };
    const b = { x: a.x, y: outer.y + 18 };
    const [sp, tp] = inner === s ? [a, b] : [b, a];
    return { sx: sp.x, sy: sp.y, tx: tp.x, ty: tp.y, sourceSide: 'top', targetSide: 'bottom' };
  }
  const sp = intersection(s, t);
  const tp = intersection(t, s);
  return {
    sx: sp.x,
    sy: sp.y,
    tx: tp.x,
    ty: tp.y,
    sourceSide: side(s, sp),
    targetSide: side(t, tp),
  };
}

function controlOffset(distance: number, curvature: number): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

function control(pos: Side, x1: number, y1: number, x2: number, y2: number, c: number) {
  switch (pos) {
    case 'left':
      return [x1 - controlOffset(x1 - x2, c), y1] as const;
    case 'right':
      return [x1 + controlOffset(x2 - x1, c), y1] as const;
    case 'top':
      return [x1, y1 - controlOffset(y1 - y2, c)] as const;
    case 'bottom':
      return [x1, y1 + controlOffset(y2 - y1, c)] as const;
  }
}

export interface Curve {
  /** The SVG path data. */
  readonly d: string;
  /** Where the label goes: the curve's point at t = 0.5. */
  readonly lx: number;
  readonly ly: number;
  /** The curve's points, for the tests and for anyone who wants to sample the line. */
  readonly points: readonly [number, number][];
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The source, its control point, the target's control point and the target of React Flow's bezier. */
export function bezierControls(
  e: Ends,
  curvature = 0.25,
): readonly [
  readonly [number, number],
  readonly [number, number],
  readonly [number, number],
  readonly [number, number],
] {
  return [
    [e.sx, e.sy],
    control(e.sourceSide, e.sx, e.sy, e.tx, e.ty, curvature),
    control(e.targetSide, e.tx, e.ty, e.sx, e.sy, curvature),
    [e.tx, e.ty],
  ];
}

/** React Flow's bezier edge between two ends (curvature 0.25 unless given). */
export function bezier(e: Ends, curvature = 0.25): Curve {
  const [, [scx, scy], [tcx, tcy]] = bezierControls(e, curvature);
  const lx = e.sx * 0.125 + scx * 0.375 + tcx * 0.375 + e.tx * 0.125;
  const ly = e.sy * 0.125 + scy * 0.375 + tcy * 0.375 + e.ty * 0.125;
  return {
    d: `M${r(e.sx)},${r(e.sy)} C${r(scx)},${r(scy)} ${r(tcx)},${r(tcy)} ${r(e.tx)},${r(e.ty)}`,
    lx,
    ly,
    points: [
      [e.sx, e.sy],
      [scx, scy],
      [tcx, tcy],
      [e.tx, e.ty],
    ],
  };
}

export function straight(e: Ends): Curve {
  return {
    d: `M${r(e.sx)},${r(e.sy)} L${r(e.tx)},${r(e.ty)}`,
    lx: (e.sx + e.tx) / 2,
    ly: (e.sy + e.ty) / 2,
    points: [
      [e.sx, e.sy],
      [e.tx, e.ty],
    ],
  };
}

/** A point on the curve at t in [0, 1] (cubic for four points, linear for two). */
export function pointAt(c: Curve, t: number): [number, number] {
  const p = c.points;
  if (p.length === 2)
    return [p[0]![0] + (p[1]![0] - p[0]![0]) * t, p[0]![1] + (p[1]![1] - p[0]![1]) * t];
  const u = 1 - t;
  const k = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [k.reduce((s, w, i) => s + w * p[i]![0], 0), k.reduce((s, w, i) => s + w * p[i]![1], 0)];
}
