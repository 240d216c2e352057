// The lines of a picture: the canvas's edge styles, where each line runs between its two
// objects, and the arrowheads of communication paths.
import { bezier, floatingEnds, straight, type Box, type Curve } from './geometry';
import type { LineKind, PictureEdge } from './picture';
import { escapeXml } from './text';

interface LineStyle {
  readonly stroke: string;
  readonly width: number;
  readonly dash?: string;
  readonly legend: string;
}

/** The canvas's edge styles (src/app/styles.css, "edges"). */
export const LINE_STYLES: Readonly<Record<LineKind, LineStyle>> = {
  direct: { stroke: '#059669', width: 2, legend: 'direct: pod IP kept' },
  snat: { stroke: '#2563eb', width: 2, dash: '7 5', legend: 'SNAT to the node IP' },
  unreachable: { stroke: '#dc2626', width: 2, dash: '3 4', legend: 'unreachable' },
  peering: { stroke: '#0d9488', width: 3, legend: 'peering' },
  ccn: { stroke: '#a855f7', width: 2, dash: '6 4', legend: 'CCN attachment' },
  idc: { stroke: '#d97706', width: 2.5, dash: '10 5', legend: 'IDC link (VPN / Direct Connect)' },
  'node-subnet': { stroke: '#8b5cf6', width: 1.5, dash: '2 4', legend: 'node subnet' },
  'pod-subnet': { stroke: '#059669', width: 1.5, dash: '2 4', legend: 'pod subnet (VPC-CNI)' },
};

export const isPath = (k: LineKind) => k === 'direct' || k === 'snat' || k === 'unreachable';

export interface Placed {
  readonly edge: PictureEdge;
  readonly curve: Curve;
}

export function place(edge: PictureEdge, boxes: ReadonlyMap<string, Box>): Placed | null {
  const s = boxes.get(edge.source);
  const t = boxes.get(edge.target);
  if (!s || !t || edge.source === edge.target) return null;
  const ends = floatingEnds(s, t);
  const tie = edge.kind === 'node-subnet' || edge.kind === 'pod-subnet';
  return { edge, curve: tie ? straight(ends) : bezier(ends, isPath(edge.kind) ? 0.35 : 0.25) };
}

export function drawLine({ edge, curve }: Placed): string {
  const st = LINE_STYLES[edge.kind];
  const attrs = [
    `d="${curve.d}"`,
    `fill="none"`,
    `stroke="${st.stroke}"`,
    `stroke-width="${st.width}"`,
    st.dash ? `stroke-dasharray="${st.dash}"` : '',
    isPath(edge.kind) ? `marker-end="url(#arrow-${edge.kind})"` : '',
    `data-edge="${escapeXml(edge.id)}"`,
    `data-kind="${edge.kind}"`,
    `data-from="${escapeXml(edge.source)}"`,
    `data-to="${escapeXml(edge.target)}"`,
  ].filter(Boolean);
  return `<path ${attrs.join(' ')}/>`;
}

export function marker(kind: 'direct' | 'snat' | 'unreachable'): string {
  const c = LINE_STYLES[kind].stroke;
  // React Flow's closed arrow, at the size the canvas draws it.
  return `<marker id="arrow-${kind}" viewBox="-10 -10 20 20" refX="0" refY="0" markerWidth="28" markerHeight="28" markerUnits="userSpaceOnUse" orient="auto"><polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${c}" stroke="${c}" stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/></marker>`;
}
