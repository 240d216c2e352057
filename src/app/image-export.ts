// The canvas as a picture (PNG or SVG) for slides and documents: every object with its
// highlight, the path edges, and a small legend. html-to-image is loaded only when asked for.
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

const MAX_SIDE = 4096;
const PAD = 48;
const LEGEND_H = 54;

function legend(x: number, y: number, title: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'cc-export-legend';
  el.style.transform = `translate(${x}px, ${y}px)`;
  const items: Array<[string, string]> = [
    ['cc-legend-line cc-legend-line--direct', 'direct: pod IP kept'],
    ['cc-legend-line cc-legend-line--snat', 'SNAT to the node IP'],
    ['cc-legend-line cc-legend-line--unreachable', 'unreachable'],
    ['cc-legend-box cc-legend-box--error', 'error'],
    ['cc-legend-box cc-legend-box--warning', 'warning'],
  ];
  const head = document.createElement('strong');
  head.textContent = title;
  el.appendChild(head);
  for (const [cls, text] of items) {
    const item = document.createElement('span');
    const mark = document.createElement('i');
    mark.className = cls;
    item.appendChild(mark);
    item.appendChild(document.createTextNode(text));
    el.appendChild(item);
  }
  return el;
}

export async function exportImage(
  format: 'png' | 'svg',
  nodes: Node[],
  title: string,
): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) throw new Error('Nothing to export: the canvas is empty');
  const bounds = getNodesBounds(nodes);
  const top = { ...bounds, y: bounds.y - LEGEND_H, height: bounds.height + LEGEND_H };
  const scale = Math.min(2, MAX_SIDE / (top.width + 2 * PAD), MAX_SIDE / (top.height + 2 * PAD));
  const width = Math.round((top.width + 2 * PAD) * scale);
  const height = Math.round((top.height + 2 * PAD) * scale);
  const v = getViewportForBounds(top, width, height, 0.05, 4, 0.02);
  const key = legend(bounds.x, bounds.y - LEGEND_H, title);
  viewport.appendChild(key);
  try {
    const options = {
      backgroundColor: '#f8fafc',
      width,
      height,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`,
      },
    };
    return format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    key.remove();
  }
}

export function dataUrlToBlob(url: string): Blob {
  const [head, body = ''] = url.split(',', 2);
  const type = /data:([^;,]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  if (head?.includes(';base64')) {
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}
