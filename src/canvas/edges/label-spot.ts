// Where a path's label goes on its line. Labels are drawn above nodes (so that no line crosses
// them); at the line's middle, a label of a path to a nearby object lands on the cluster it
// leaves or the object it reaches and hides its name. It slides along the line instead, to the
// point nearest the middle where it covers neither end's node.
import { bezierControls, type Box, type Ends } from '../../io/export/picture/geometry';

type Controls = ReturnType<typeof bezierControls>;

function pointAt([[x0, y0], [x1, y1], [x2, y2], [x3, y3]]: Controls, t: number) {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * x0 + b * x1 + c * x2 + d * x3, y: a * y0 + b * y1 + c * y2 + d * y3 };
}

/** The point at `t` (0 at the source, 1 at the target) of React Flow's bezier, as drawn. */
export function bezierAt(e: Ends, curvature: number, t: number): { x: number; y: number } {
  return pointAt(bezierControls(e, curvature), t);
}

/** How much of node `n` a `w` by `h` label centred at (x, y) covers. */
function covered(x: number, y: number, w: number, h: number, n: Box): number {
  const dx = Math.min(x + w / 2, n.x + n.w) - Math.max(x - w / 2, n.x);
  const dy = Math.min(y + h / 2, n.y + n.h) - Math.max(y - h / 2, n.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

/** From the middle outwards: 0.5, 0.45, 0.55, 0.4, ... 0.1, 0.9, and 0.95 by the target. */
const TRIES = [
  0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9, 0.95,
];

/**
 * The centre of a `w` by `h` label on the line between nodes `s` and `t`: the line's middle
 * when that covers neither node, else the nearest point along it that does. Where every point
 * covers one (two nodes closer than the label is long), the point that covers least: the middle
 * unless another covers less. (Weighing the cluster more than the object reached was tried: on
 * the sample it moved a label off the cluster's corner onto the database's address.)
 */
export function labelSpot(
  e: Ends,
  s: Box,
  t: Box,
  w: number,
  h: number,
  curvature: number,
): { x: number; y: number } {
  const controls = bezierControls(e, curvature);
  let best: { x: number; y: number } | undefined;
  let least = Infinity;
  for (const at of TRIES) {
    const p = pointAt(controls, at);
    const area = covered(p.x, p.y, w, h, s) + covered(p.x, p.y, w, h, t);
    if (area === 0) return p;
    if (area < least) {
      least = area;
      best = p;
    }
  }
  return best!;
}

/**
 * A label's size on the canvas from its text, at the text zoom (`textZoom`) it is drawn at: its
 * font is 11.5px over that zoom, at least 10.5 (the CSS of `.cc-path-label`), about 0.62 of the
 * font a character, with 14 of padding and border.
 */
export function labelSize(text: string, zoom: number): { w: number; h: number } {
  const font = Math.max(10.5, 11.5 / zoom);
  return { w: text.length * font * 0.62 + 14, h: font * 1.35 + 4 };
}
