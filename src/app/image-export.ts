// The canvas as a picture (PNG or SVG) for slides and documents. Drawn from the model, not
// copied from the page: the objects where the canvas has them and at the size it drew them, the
// lines it shows between them, a legend of those lines, and nothing of the editing state (no
// selection ring, no hover). The PNG is that SVG rasterized by the browser at twice the size.
import type { ReactFlowInstance } from '@xyflow/react';
import type { Box } from '../io/export/picture/geometry';
import {
  linkLabel,
  pathLabel,
  planNames,
  type Picture,
  type PictureEdge,
  type PictureNode,
} from '../io/export/picture/picture';
import { drawPicture } from '../io/export/picture/svg';
import type { ObjectNode } from '../canvas/flow-model';
import type { LinkEdge, PathEdge } from '../canvas/flow-edges';
import type { AppState } from '../store/store';

/** Browsers refuse canvases much larger than this on a side. */
const MAX_SIDE = 8192;
const SCALE = 2;

type Flow = Pick<ReactFlowInstance<ObjectNode>, 'getNodes' | 'getEdges' | 'getInternalNode'>;

/** What the canvas shows now, as a picture. */
export function pictureOfCanvas(rf: Flow, state: Pick<AppState, 'plan' | 'analysis'>): Picture {
  const analysis = state.analysis;
  const names = planNames(state.plan);
  const nodes: PictureNode[] = [];
  for (const n of rf.getNodes()) {
    const internal = rf.getInternalNode(n.id);
    if (!internal || n.hidden) continue;
    const p = internal.internals.positionAbsolute;
    const box: Box = {
      x: p.x,
      y: p.y,
      w: internal.measured.width ?? n.width ?? n.initialWidth ?? 0,
      h: internal.measured.height ?? n.height ?? n.initialHeight ?? 0,
    };
    const status = analysis?.status[n.id];
    const cap = analysis?.capacityByCluster[n.id];
    nodes.push({
      id: n.id,
      kind: n.data.kind,
      ...(n.data.kind !== 'internet' ? { obj: n.data.obj } : {}),
      box,
      ...(status ? { status, findings: analysis?.findingsByObject[n.id]?.length ?? 0 } : {}),
      ...(cap ? { capacity: cap } : {}),
    });
  }
  const edges: PictureEdge[] = [];
  for (const e of rf.getEdges() as Array<LinkEdge | PathEdge>) {
    if (e.hidden || !e.data) continue;
    if (e.type === 'path') {
      const d = e.data;
      const label = pathLabel(d.path, d.keys?.length ?? 1, names);
      edges.push({
        id: e.id,
        kind: d.path.verdict,
        source: e.source,
        target: e.target,
        ...(label ? { label } : {}),
      });
    } else {
      const d = (e as LinkEdge).data;
      if (!d) continue;
      const label = linkLabel(d.kind, d.label);
      edges.push({
        id: e.id,
        kind: d.kind,
        source: e.source,
        target: e.target,
        ...(label ? { label } : {}),
      });
    }
  }
  return { title: state.plan.name ?? 'CIDR Canvas plan', names, nodes, edges };
}

async function rasterize(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(SCALE, MAX_SIDE / width, MAX_SIDE / height);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the picture');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the picture is too large for this browser'))),
      'image/png',
    ),
  );
}

export async function exportImage(
  format: 'png' | 'svg',
  rf: Flow,
  state: Pick<AppState, 'plan' | 'analysis'>,
): Promise<Blob> {
  const picture = pictureOfCanvas(rf, state);
  if (picture.nodes.every((n) => n.kind === 'internet'))
    throw new Error('Nothing to export: the canvas is empty');
  const drawn = drawPicture(picture);
  if (format === 'svg') return new Blob([drawn.svg], { type: 'image/svg+xml' });
  return rasterize(drawn.svg, drawn.width, drawn.height);
}
