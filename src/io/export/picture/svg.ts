// The plan as one SVG document that any SVG editor opens: the title and the legend on top, then
// the layers in the canvas's order (containers, links, objects, paths, labels), sized so that
// everything drawn fits.
import { FONT, n, rect, STATUS_COLORS, text } from './elements';
import { placeLabels, drawLabel } from './labels';
import { drawLine, isPath, LINE_STYLES, marker, place } from './lines';
import { drawNode } from './nodes';
import type { LineKind, Picture } from './picture';
import { escapeXml, textWidth } from './text';

const LEGEND_ORDER: readonly LineKind[] = [
  'direct',
  'snat',
  'unreachable',
  'peering',
  'ccn',
  'idc',
  'node-subnet',
  'pod-subnet',
];

const PAD = 32;
const HEAD_H = 64;

/** The legend: one entry per kind of line drawn, and the status outlines when any object has one. */
function legend(
  x: number,
  y: number,
  kinds: readonly LineKind[],
  statuses: ReadonlySet<string>,
): { svg: string; width: number } {
  const parts: string[] = [];
  let cx = x;
  for (const k of kinds) {
    const st = LINE_STYLES[k];
    parts.push(
      `<path d="M${n(cx)},${n(y)} H${n(cx + 30)}" fill="none" stroke="${st.stroke}" stroke-width="${Math.max(st.width, 2.5)}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} data-legend="${k}"/>`,
    );
    parts.push(text(cx + 38, y + 4.5, st.legend, { size: 12.5, fill: '#475569' }));
    cx += 38 + textWidth(st.legend, 12.5) + 18;
  }
  for (const s of ['error', 'warning'] as const) {
    if (!statuses.has(s)) continue;
    parts.push(
      rect({ x: cx, y: y - 7, w: 14, h: 14 }, 'none', STATUS_COLORS[s], { rx: 4, width: 2 }),
    );
    parts.push(text(cx + 22, y + 4.5, s, { size: 12.5, fill: '#475569' }));
    cx += 22 + textWidth(s, 12.5) + 22;
  }
  return { svg: `<g data-legend-items="">${parts.join('')}</g>`, width: cx - x };
}

const DEPTH: Readonly<Record<string, number>> = { vpc: 0, subnet: 1 };

export interface Drawn {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Where a canvas point lands in the picture: add these. */
  readonly ox: number;
  readonly oy: number;
}

/** The picture as an SVG document, with its size and where the canvas's origin lands in it. */
export function drawPicture(picture: Picture): Drawn {
  const nodes = picture.nodes;
  if (nodes.length === 0) throw new Error('Nothing to draw: the plan has no objects');
  const boxes = new Map(nodes.map((nd) => [nd.id, nd.box]));
  const placed = picture.edges.flatMap((e) => place(e, boxes) ?? []);
  const kinds = LEGEND_ORDER.filter((k) => placed.some((p) => p.edge.kind === k));
  const statuses = new Set(nodes.flatMap((nd) => nd.status ?? []));

  // Everything drawn, labels and badges included, fits inside these bounds.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const nd of nodes) {
    grow(nd.box.x - 12, nd.box.y - 12);
    grow(nd.box.x + nd.box.w + 12, nd.box.y + nd.box.h + 12);
  }
  const leafBoxes = nodes.filter((nd) => !(nd.kind in DEPTH)).map((nd) => nd.box);
  const labels = placeLabels(placed, leafBoxes);
  for (const p of placed) for (const [x, y] of p.curve.points) grow(x, y);
  for (const l of labels) {
    grow(l.x - 4, l.y - 4);
    grow(l.x + l.w + 4, l.y + l.h + 4);
  }
  const key = legend(0, 0, kinds, statuses);
  const titleW = textWidth(picture.title, 18, false, true) + 40;
  const contentW = maxX - minX;
  const width = Math.ceil(Math.max(contentW, key.width, titleW) + 2 * PAD);
  const height = Math.ceil(maxY - minY + HEAD_H + 2 * PAD);
  const ox = Math.round(PAD - minX);
  const oy = Math.round(PAD + HEAD_H - minY);

  const containers = nodes
    .filter((nd) => nd.kind in DEPTH)
    .sort((a, b) => DEPTH[a.kind]! - DEPTH[b.kind]!);
  const leaves = nodes.filter((nd) => !(nd.kind in DEPTH));
  const links = placed.filter((p) => !isPath(p.edge.kind));
  const paths = placed.filter((p) => isPath(p.edge.kind));
  const markers = (['direct', 'snat', 'unreachable'] as const).filter((k) => kinds.includes(k));

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(picture.title)}</title>`,
    markers.length > 0 ? `<defs>${markers.map(marker).join('')}</defs>` : '',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g data-head="">`,
    text(PAD, PAD + 6, picture.title, { size: 18, fill: '#0f172a', weight: 700 }),
    `<g transform="translate(${PAD},${PAD + 34})">${key.svg}</g>`,
    `</g>`,
    `<g transform="translate(${n(ox)},${n(oy)})">`,
    `<g data-layer="containers">${containers.map((c) => drawNode(c, picture.names)).join('')}</g>`,
    `<g data-layer="links">${links.map(drawLine).join('')}</g>`,
    `<g data-layer="objects">${leaves.map((l) => drawNode(l, picture.names)).join('')}</g>`,
    `<g data-layer="paths">${paths.map(drawLine).join('')}</g>`,
    `<g data-layer="labels">${labels.map(drawLabel).join('')}</g>`,
    `</g>`,
    `</svg>`,
  ].join('\n');
  return { svg, width, height, ox, oy };
}

/** The picture as an SVG document. */
export function renderSvg(picture: Picture): string {
  return drawPicture(picture).svg;
}
