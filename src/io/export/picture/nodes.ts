// The objects of a picture as the canvas draws them: VPCs and subnets as containers with their
// CIDRs, clusters with their ranges and capacity, everything else as a box with a coloured mark;
// an object with findings gets the canvas's status outline and a badge with their count.
import { chip, n, rect, STATUS_COLORS, text } from './elements';
import type { Box } from './geometry';
import type { PictureNode } from './picture';
import { escapeXml, fit, textWidth } from './text';

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

/** The tinted band behind a container's title, rounded at the top like its box, and the rule under it. */
function headBand(b: Box, h: number, fill: string, rule: string): string[] {
  return [
    `<path d="M${n(b.x + 1)},${n(b.y + h)} V${n(b.y + 10)} Q${n(b.x + 1)},${n(b.y + 1)} ${n(b.x + 10)},${n(b.y + 1)} H${n(b.x + b.w - 10)} Q${n(b.x + b.w - 1)},${n(b.y + 1)} ${n(b.x + b.w - 1)},${n(b.y + 10)} V${n(b.y + h)} Z" fill="${fill}"/>`,
    `<line x1="${n(b.x)}" y1="${n(b.y + h)}" x2="${n(b.x + b.w)}" y2="${n(b.y + h)}" stroke="${rule}" stroke-width="1"/>`,
  ];
}

function vpc(node: PictureNode): string {
  const o = node.obj as Obj;
  const b = node.box;
  const parts = [
    rect(b, '#f7fbff', '#93c5fd', { rx: 10, width: 1.5 }),
    ...headBand(b, 38, '#e6f0fd', '#bfdbfe'),
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
    ...headBand(b, 32, '#f1edfe', '#ddd6fe'),
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

export function drawNode(node: PictureNode, names?: ReadonlyMap<string, string>): string {
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
