// The plan as a vector drawing: rect, path and text elements with their own strokes and fills,
// in the canvas's colours and dash styles, that any SVG editor opens. No foreignObject, no CSS:
// every style is an attribute, so what one editor shows the next one shows too.
import { bezier, floatingEnds, pointAt, straight, type Box, type Curve } from './geometry';
import type { LineKind, Picture, PictureEdge, PictureNode } from './picture';

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

const STATUS_COLORS = { error: '#dc2626', warning: '#d97706' } as const;
const FONT = "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MONO = "'JetBrains Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";
const PAD = 32;
const HEAD_H = 64;

/**
 * The text as one line XML 1.0 can hold: tabs and line breaks become spaces, characters XML
 * cannot hold (control characters, lone surrogates) become U+FFFD. Names come from people.
 */
export function xmlText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13) out += ' ';
    else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)
      out += '\ufffd';
    else out += ch;
  }
  return out;
}

export function escapeXml(s: string): string {
  return xmlText(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** A generous estimate of a text's width: there is no font to measure with outside a browser. */
export function textWidth(text: string, size: number, mono = false, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (mono) w += 0.62;
    else if (/[ilj.,:;|!'1]/.test(ch)) w += 0.3;
    else if (/[mwMW@]/.test(ch)) w += 0.86;
    else if (/[A-Z_]/.test(ch)) w += 0.68;
    else if (ch.charCodeAt(0) > 0x2e80) w += 1;
    else w += 0.53;
  }
  return w * size * (bold ? 1.08 : 1);
}

/** The text cut with an ellipsis to fit a width, as the canvas cuts long names. */
export function fit(text: string, size: number, width: number, mono = false, bold = false): string {
  if (textWidth(text, size, mono, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, mono, bold) > width) chars.pop();
  return `${chars.join('')}…`;
}

interface TextOpts {
  size: number;
  fill: string;
  weight?: number;
  mono?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  max?: number;
}

function text(x: number, y: number, s: string, o: TextOpts): string {
  const shown = o.max !== undefined ? fit(s, o.size, o.max, o.mono, (o.weight ?? 400) >= 600) : s;
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-size="${o.size}"`,
    `fill="${o.fill}"`,
    o.weight ? `font-weight="${o.weight}"` : '',
    o.mono ? `font-family="${escapeXml(MONO)}"` : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${escapeXml(shown)}</text>`;
}

function rect(
  b: Box,
  fill: string,
  stroke: string | null,
  opts: { rx?: number; width?: number; dash?: string } = {},
): string {
  const attrs = [
    `x="${n(b.x)}"`,
    `y="${n(b.y)}"`,
    `width="${n(b.w)}"`,
    `height="${n(b.h)}"`,
    opts.rx ? `rx="${opts.rx}"` : '',
    `fill="${fill}"`,
    stroke ? `stroke="${stroke}" stroke-width="${opts.width ?? 1}"` : '',
    opts.dash ? `stroke-dasharray="${opts.dash}"` : '',
  ].filter(Boolean);
  return `<rect ${attrs.join(' ')}/>`;
}

/** A rounded label: the chips and edge labels of the canvas. Returns the markup and its width. */
function chip(
  x: number,
  y: number,
  s: string,
  o: { fill: string; color: string; stroke?: string; mono?: boolean; size?: number; max?: number },
): { svg: string; w: number } {
  const size = o.size ?? 11;
  const shown = o.max !== undefined ? fit(s, size, o.max - 14, o.mono, !o.mono) : s;
  const w = textWidth(shown, size, o.mono, !o.mono) + 14;
  const h = size + 7;
  const svg =
    rect({ x, y, w, h }, o.fill, o.stroke ?? null, { rx: 6 }) +
    text(x + 7, y + h / 2 + size * 0.35, shown, {
      size,
      fill: o.color,
      weight: o.mono ? undefined : 600,
      mono: o.mono,
    });
  return { svg, w };
}

interface Obj {
  name?: string;
  id?: string;
  cidr?: string;
  secondaryCidrs?: readonly string[];
  ipv6Cidr?: string;
  region?: string;
  zone?: string;
  routeTable?: string;
  mode?: string;
  containerCidr?: string;
  serviceCidr?: string;
  kind?: string;
  ip?: string;
  cidrs?: readonly string[];
  attachments?: readonly string[];
}

function nameOf(node: PictureNode): string {
  if (node.kind === 'internet') return 'Internet';
  const o = (node.obj ?? {}) as Obj;
  return o.name ?? o.id ?? node.id;
}

function badge(node: PictureNode, x: number, y: number): string {
  if (!node.status || !node.findings) return '';
  const label = `${node.status === 'error' ? '!' : '▲'} ${node.findings}`;
  const w = textWidth(label, 11, false, true) + 14;
  return (
    rect({ x: x - w, y, w, h: 18 }, STATUS_COLORS[node.status], null, { rx: 9 }) +
    text(x - w / 2, y + 13, label, { size: 11, fill: '#ffffff', weight: 700, anchor: 'middle' })
  );
}

/** The status outline the canvas draws around an object with findings. */
function ring(node: PictureNode): string {
  if (!node.status) return '';
  const b = node.box;
  const c = STATUS_COLORS[node.status];
  return (
    `<rect x="${n(b.x - 5)}" y="${n(b.y - 5)}" width="${n(b.w + 10)}" height="${n(b.h + 10)}" rx="14" fill="none" stroke="${c}" stroke-opacity="0.16" stroke-width="4"/>` +
    rect({ x: b.x - 1.5, y: b.y - 1.5, w: b.w + 3, h: b.h + 3 }, 'none', c, { rx: 11, width: 3 })
  );
}

function vpc(node: PictureNode): string {
  const o = node.obj as Obj;
  const b = node.box;
  const parts = [
    rect(b, '#f7fbff', '#93c5fd', { rx: 10, width: 1.5 }),
    `<path d="M${n(b.x + 1)},${n(b.y + 38)} V${n(b.y + 10)} Q${n(b.x + 1)},${n(b.y + 1)} ${n(b.x + 10)},${n(b.y + 1)} H${n(b.x + b.w - 10)} Q${n(b.x + b.w - 1)},${n(b.y + 1)} ${n(b.x + b.w - 1)},${n(b.y + 10)} V${n(b.y + 38)} Z" fill="#e6f0fd"/>`,
    `<line x1="${n(b.x)}" y1="${n(b.y + 38)}" x2="${n(b.x + b.w)}" y2="${n(b.y + 38)}" stroke="#bfdbfe" stroke-width="1"/>`,
  ];
  const right = b.x + b.w - 12 - (node.findings ? 44 : 0);
  // A cut CIDR says nothing: the primary CIDR is drawn whole, the region gives way first, then
  // the name (never below 12 characters), then the secondary CIDRs.
  const primary = o.cidr ? textWidth(o.cidr, 11, true) + 14 + 10 : 0;
  const name = nameOf(node);
  const natural = textWidth(name, 13.5, false, true);
  const regionW = o.region ? textWidth(o.region, 12) + 12 : 0;
  const showRegion = regionW > 0 && b.x + 12 + natural + 10 + primary + regionW <= right;
  const region = showRegion ? regionW : 0;
  const minName = textWidth(`${[...name].slice(0, 12).join('')}…`, 13.5, false, true);
  const title = fit(
    name,
    13.5,
    Math.max(minName, right - region - primary - (b.x + 12)),
    false,
    true,
  );
  parts.push(text(b.x + 12, b.y + 24, title, { size: 13.5, fill: '#1e3a8a', weight: 600 }));
  let x = b.x + 12 + textWidth(title, 13.5, false, true) + 10;
  const cidrs = [o.cidr ?? '', ...(o.secondaryCidrs ?? []).map((c) => `+${c}`)];
  if (o.ipv6Cidr) cidrs.push(o.ipv6Cidr);
  cidrs.filter(Boolean).forEach((c, i) => {
    const room = right - region - x;
    if (i > 0 && room < 60) return;
    const ch = chip(x, b.y + 10, c, {
      fill: '#dbeafe',
      color: '#1e40af',
      mono: true,
      ...(i > 0 ? { max: room } : {}),
    });
    parts.push(ch.svg);
    x += ch.w + 6;
  });
  if (showRegion && o.region)
    parts.push(text(right, b.y + 24, o.region, { size: 12, fill: '#94a3b8', anchor: 'end' }));
  parts.push(badge(node, b.x + b.w - 10, b.y + 10));
  return parts.join('');
}

function subnet(node: PictureNode, names?: ReadonlyMap<string, string>): string {
  const o = node.obj as Obj;
  const b = node.box;
  const parts = [
    rect(b, '#ffffff', '#7dd3fc', { rx: 10, width: 1.5, dash: '6 4' }),
    text(b.x + 10, b.y + 21, nameOf(node), {
      size: 12,
      fill: '#0c4a6e',
      weight: 600,
      max: b.w - 20 - (node.findings ? 46 : 0),
    }),
  ];
  let x = b.x + 10;
  const c = chip(x, b.y + 29, o.cidr ?? '', {
    fill: '#dbeafe',
    color: '#1e40af',
    mono: true,
    max: b.w - 20,
  });
  parts.push(c.svg);
  x += c.w + 6;
  const table = o.routeTable ? (names?.get(o.routeTable) ?? o.routeTable) : undefined;
  const meta = [o.zone, table ? `rtb: ${table}` : undefined].filter(Boolean);
  if (meta.length > 0 && b.x + b.w - 10 - x > 40)
    parts.push(
      text(x, b.y + 42, meta.join(' · '), { size: 11, fill: '#94a3b8', max: b.x + b.w - 10 - x }),
    );
  parts.push(badge(node, b.x + b.w - 8, b.y + 8));
  return parts.join('');
}

function cluster(node: PictureNode): string {
  const o = node.obj as Obj;
  const b = node.box;
  const cni = o.mode === 'vpc-cni';
  const parts = [
    rect(b, '#ffffff', '#c4b5fd', { rx: 10, width: 1.5 }),
    `<path d="M${n(b.x + 1)},${n(b.y + 32)} V${n(b.y + 10)} Q${n(b.x + 1)},${n(b.y + 1)} ${n(b.x + 10)},${n(b.y + 1)} H${n(b.x + b.w - 10)} Q${n(b.x + b.w - 1)},${n(b.y + 1)} ${n(b.x + b.w - 1)},${n(b.y + 10)} V${n(b.y + 32)} Z" fill="#f1edfe"/>`,
    `<line x1="${n(b.x)}" y1="${n(b.y + 32)}" x2="${n(b.x + b.w)}" y2="${n(b.y + 32)}" stroke="#ddd6fe" stroke-width="1"/>`,
  ];
  const mode = cni ? 'VPC-CNI' : 'GlobalRouter';
  const modeW = textWidth(mode, 11, false, true) + 14;
  parts.push(
    text(b.x + 10, b.y + 21, nameOf(node), {
      size: 12,
      fill: '#4c1d95',
      weight: 600,
      max: b.w - 28 - modeW,
    }),
  );
  parts.push(
    chip(b.x + b.w - 10 - modeW, b.y + 7, mode, {
      fill: cni ? '#d1fae5' : '#ede9fe',
      color: cni ? '#047857' : '#6d28d9',
    }).svg,
  );
  let y = b.y + 50;
  const row = (label: string, value: string) => {
    parts.push(text(b.x + 10, y, label, { size: 11.5, fill: '#94a3b8' }));
    parts.push(
      text(b.x + 66, y, value, { size: 11.5, fill: '#0f172a', mono: true, max: b.w - 76 }),
    );
    y += 16;
  };
  if (o.containerCidr) row('pods', o.containerCidr);
  row('services', o.serviceCidr ?? node.capacity?.serviceCidr ?? '—');
  const cap = node.capacity;
  if (cap && cap.maxNodes !== null)
    parts.push(
      text(b.x + 10, y, `${cap.podsPerNode} pods/node · ${cap.maxNodes} nodes max`, {
        size: 11.5,
        fill: '#94a3b8',
        max: b.w - 20,
      }),
    );
  parts.push(badge(node, b.x + b.w + 9, b.y - 9));
  return parts.join('');
}

/** Resources, NAT gateways, IDCs, CCNs and the internet: a box with a coloured mark and two lines. */
function leaf(node: PictureNode): string {
  const o = (node.obj ?? {}) as Obj;
  const b = node.box;
  const style = {
    resource: { stroke: '#cbd5e1', fill: '#ffffff', mark: '#0d9488', rx: 10 },
    nat: { stroke: '#7dd3fc', fill: '#ffffff', mark: '#0369a1', rx: 10 },
    idc: { stroke: '#fcd34d', fill: '#fffdf5', mark: '#b45309', rx: 10 },
    ccn: { stroke: '#d8b4fe', fill: '#ffffff', mark: '#9333ea', rx: b.h / 2 },
    internet: { stroke: '#94a3b8', fill: '#ffffff', mark: '#334155', rx: b.h / 2 },
  }[node.kind as 'resource' | 'nat' | 'idc' | 'ccn' | 'internet'];
  let mark = style.mark;
  if (node.kind === 'resource' && o.kind === 'redis') mark = '#dc2626';
  if (node.kind === 'resource' && o.kind === 'cvm') mark = '#475569';
  const sub: string[] =
    node.kind === 'resource'
      ? [o.ip ?? 'any address']
      : node.kind === 'nat'
        ? ['NAT gateway']
        : node.kind === 'idc'
          ? [...(o.cidrs ?? [])]
          : node.kind === 'ccn'
            ? [`CCN · ${o.attachments?.length ?? 0} attached`]
            : [];
  const monoSub = node.kind === 'resource' || node.kind === 'idc';
  const pill = node.kind === 'ccn' || node.kind === 'internet';
  const left = b.x + (pill ? 18 : 10);
  const textX = left + 24;
  const room = b.x + b.w - textX - (pill ? 14 : 8);
  const lines = 1 + sub.length;
  const top = b.y + b.h / 2 - (lines * 15) / 2;
  const parts = [
    rect(b, style.fill, style.stroke, { rx: style.rx, width: 1.5 }),
    `<circle cx="${n(left + 8)}" cy="${n(b.y + b.h / 2)}" r="8" fill="${mark}" fill-opacity="0.14" stroke="${mark}" stroke-width="1.5"/>`,
    text(textX, top + 12, nameOf(node), { size: 12, fill: '#0f172a', weight: 600, max: room }),
  ];
  sub.forEach((s, i) =>
    parts.push(
      text(textX, top + 12 + 15 * (i + 1), s, {
        size: 11,
        fill: '#64748b',
        mono: monoSub,
        max: room,
      }),
    ),
  );
  parts.push(badge(node, b.x + b.w + 9, b.y - 9));
  return parts.join('');
}

function drawNode(node: PictureNode, names?: ReadonlyMap<string, string>): string {
  const body =
    node.kind === 'vpc'
      ? vpc(node)
      : node.kind === 'subnet'
        ? subnet(node, names)
        : node.kind === 'cluster'
          ? cluster(node)
          : leaf(node);
  const b = node.box;
  return `<g data-node="${escapeXml(node.id)}" data-kind="${node.kind}" data-box="${n(b.x)} ${n(b.y)} ${n(b.w)} ${n(b.h)}">${ring(node)}${body}</g>`;
}

const isPath = (k: LineKind) => k === 'direct' || k === 'snat' || k === 'unreachable';

interface Placed {
  readonly edge: PictureEdge;
  readonly curve: Curve;
}

function place(edge: PictureEdge, boxes: ReadonlyMap<string, Box>): Placed | null {
  const s = boxes.get(edge.source);
  const t = boxes.get(edge.target);
  if (!s || !t || edge.source === edge.target) return null;
  const ends = floatingEnds(s, t);
  const tie = edge.kind === 'node-subnet' || edge.kind === 'pod-subnet';
  return { edge, curve: tie ? straight(ends) : bezier(ends, isPath(edge.kind) ? 0.35 : 0.25) };
}

function drawLine({ edge, curve }: Placed): string {
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

const LABEL_COLORS: Partial<Record<LineKind, { color: string; border: string; fill: string }>> = {
  snat: { color: '#1d4ed8', border: '#bfdbfe', fill: '#ffffff' },
  unreachable: { color: '#dc2626', border: '#fecaca', fill: '#fef2f2' },
  direct: { color: '#047857', border: '#a7f3d0', fill: '#ffffff' },
  peering: { color: '#0d9488', border: '#99f6e4', fill: '#ffffff' },
  idc: { color: '#b45309', border: '#fde68a', fill: '#ffffff' },
};

interface LabelBox extends Box {
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
function placeLabels(placed: readonly Placed[], objects: readonly Box[]): LabelBox[] {
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

function drawLabel(l: LabelBox): string {
  const { edge } = l.placed;
  const c = LABEL_COLORS[edge.kind] ?? { color: '#475569', border: '#e2e8f0', fill: '#ffffff' };
  return chip(l.x, l.y, edge.label!, {
    fill: c.fill,
    color: c.color,
    stroke: c.border,
    size: isPath(edge.kind) ? 10.5 : 11,
  }).svg;
}

function marker(kind: 'direct' | 'snat' | 'unreachable'): string {
  const c = LINE_STYLES[kind].stroke;
  // React Flow's closed arrow, at the size the canvas draws it.
  return `<marker id="arrow-${kind}" viewBox="-10 -10 20 20" refX="0" refY="0" markerWidth="28" markerHeight="28" markerUnits="userSpaceOnUse" orient="auto"><polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${c}" stroke="${c}" stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/></marker>`;
}

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
