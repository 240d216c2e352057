// Pictures of the plan as a person exports them (Export menu): the SVG is a vector drawing with a
// stroked line for every edge the canvas shows, and the PNG shows those lines in their colours and
// no selection ring.
import { expect, test, type Page } from '@playwright/test';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { writeFileSync } from 'node:fs';
import { Designer } from './support/designer';
import { exportAs } from './support/export';

/** The edges drawn on the canvas: id, kind (a verdict or a link kind) and the path's numbers. */
async function canvasEdges(page: Page, paths = 12) {
  // Every path of the plan, not only the selected cluster's: the sample has all three verdicts.
  await page.getByRole('checkbox', { name: 'Show all paths' }).check();
  await expect(page.locator('.react-flow__edge[data-verdict]')).toHaveCount(paths);
  return page.locator('.react-flow__edge').evaluateAll((els) =>
    els.map((g) => ({
      id: g.getAttribute('data-id') ?? '',
      kind: g.getAttribute('data-verdict') ?? g.getAttribute('data-kind') ?? '',
      d: g.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '',
    })),
  );
}

const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

function parseSvg(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(text, 'image/svg+xml');
  expect(errors, 'the SVG is well-formed XML').toEqual([]);
  return doc;
}

const all = (doc: ReturnType<typeof parseSvg>, tag: string) =>
  Array.from(doc.getElementsByTagName(tag));

test('the SVG export is a vector drawing with a stroked line for every edge on the canvas', async ({
  page,
}, info) => {
  const d = new Designer(page);
  await d.open();
  const edges = await canvasEdges(page);
  const kinds = new Set(edges.map((e) => e.kind));
  // The sample shows paths of all three verdicts, a peering, an IDC link and node subnet ties.
  for (const k of ['direct', 'snat', 'unreachable', 'peering', 'idc', 'node-subnet'])
    expect(kinds, k).toContain(k);

  const svg = await exportAs(page, 'Picture \\(SVG\\)');
  expect(svg.name).toBe('Guangzhou-production.svg');
  writeFileSync(info.outputPath('plan.svg'), svg.bytes);
  expect(svg.bytes.length, 'a few tens of kB, not megabytes').toBeLessThan(100_000);
  const text = svg.bytes.toString('utf8');
  const doc = parseSvg(text);
  expect(doc.documentElement?.tagName).toBe('svg');
  expect(all(doc, 'foreignObject')).toHaveLength(0);

  const lines = all(doc, 'path').filter((p) => p.getAttribute('data-edge'));
  // One stroked line per edge on the canvas, of the same kind, in a visible colour.
  expect(lines.map((p) => p.getAttribute('data-edge')).sort()).toEqual(
    edges.map((e) => e.id).sort(),
  );
  for (const e of edges) {
    const line = lines.find((p) => p.getAttribute('data-edge') === e.id)!;
    expect(line.getAttribute('data-kind'), e.id).toBe(e.kind);
    expect(line.getAttribute('stroke'), e.id).toMatch(/^#[0-9a-f]{6}$/);
    expect(Number(line.getAttribute('stroke-width')), e.id).toBeGreaterThan(0);
    expect(line.getAttribute('fill'), e.id).toBe('none');
  }
  // The lines run where the canvas draws them: the same curve, moved by one offset.
  const first = edges.find((e) => e.kind === 'peering')!;
  const [fx, fy] = numbers(first.d);
  const firstLine = lines.find((p) => p.getAttribute('data-edge') === first.id)!;
  const [px, py] = numbers(firstLine.getAttribute('d')!);
  for (const e of edges) {
    const canvas = numbers(e.d);
    const drawn = numbers(
      lines.find((p) => p.getAttribute('data-edge') === e.id)!.getAttribute('d')!,
    );
    expect(drawn.length, e.id).toBe(canvas.length);
    drawn.forEach((v, i) => {
      const shift = i % 2 === 0 ? px! - fx! : py! - fy!;
      expect(Math.abs(v - shift - canvas[i]!), `${e.id} number ${i}`).toBeLessThan(0.6);
    });
  }
  // The legend describes the lines that are there, and only those.
  const legend = all(doc, 'path')
    .map((p) => p.getAttribute('data-legend'))
    .filter(Boolean);
  expect(new Set(legend)).toEqual(kinds);
  for (const s of [
    'Guangzhou production',
    'prod-tke',
    'orders-db',
    'Shanghai IDC',
    '10.0.0.0/16',
    '172.16.0.0/16',
    'direct: pod IP kept',
    'SNAT to the node IP',
    'unreachable',
    'NO_RETURN_ROUTE',
  ])
    expect(text, s).toContain(s);
  // Names, not ids.
  const words = all(doc, 'text').map((t) => t.textContent ?? '');
  expect(words).toContain('prod-tke');
  expect(words).not.toContain('cls-prod');
  expect(all(doc, 'rect').length).toBeGreaterThan(15);
});

test('the PNG export shows the lines in their colours and no selection ring', async ({
  page,
}, info) => {
  const d = new Designer(page);
  await d.open();
  // A selected object: its ring is the canvas's, not the picture's.
  await d.node('db-orders').click();
  await expect(d.node('db-orders')).toHaveClass(/selected/);
  await canvasEdges(page);
  const svg = parseSvg((await exportAs(page, 'Picture \\(SVG\\)')).bytes.toString('utf8'));
  const png = await exportAs(page, 'Picture \\(PNG\\)');
  expect(png.name).toBe('Guangzhou-production.png');
  writeFileSync(info.outputPath('plan.png'), png.bytes);
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  const svgW = Number(svg.documentElement!.getAttribute('width'));
  const svgH = Number(svg.documentElement!.getAttribute('height'));
  expect(width, 'twice the drawing, for sharpness').toBe(svgW * 2);
  expect(height).toBe(svgH * 2);

  const layer = all(svg, 'g').find(
    (g) =>
      g.getAttribute('transform') && g.getElementsByTagName('g')[0]?.getAttribute('data-layer'),
  )!;
  const [ox, oy] = numbers(layer.getAttribute('transform')!);
  const lines = all(svg, 'path').filter((p) => p.getAttribute('data-edge'));
  /** What lies over a line: the labels, and for links (drawn under objects) the objects too. */
  const layerRects = (name: string) =>
    all(svg, 'g')
      .filter((g) => g.getAttribute('data-layer') === name)
      .flatMap((g) => Array.from(g.getElementsByTagName('rect')))
      .map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))));
  const labels = layerRects('labels');
  const objects = layerRects('objects');
  const covered = (x: number, y: number, rects: number[][]) =>
    rects.some(
      ([rx, ry, rw, rh]) => x > rx! - 4 && x < rx! + rw! + 4 && y > ry! - 4 && y < ry! + rh! + 4,
    );
  /** Points on a line clear of what is drawn over it, in PNG pixels. */
  const along = (el: XmlElement, count: number, over: number[][]) => {
    const [x0, y0, x1, y1, x2, y2, x3, y3] = numbers(el.getAttribute('d')!);
    const out: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      const t = 0.05 + (0.9 * i) / (count - 1);
      const u = 1 - t;
      const pt =
        x2 === undefined
          ? [x0! + (x1! - x0!) * t, y0! + (y1! - y0!) * t]
          : [
              u ** 3 * x0! + 3 * u * u * t * x1! + 3 * u * t * t * x2 + t ** 3 * x3!,
              u ** 3 * y0! + 3 * u * u * t * y1! + 3 * u * t * t * y2! + t ** 3 * y3!,
            ];
      if (!covered(pt[0]!, pt[1]!, over)) out.push([(pt[0]! + ox!) * 2, (pt[1]! + oy!) * 2]);
    }
    return out;
  };
  const probes = (['direct', 'peering', 'snat', 'unreachable', 'idc'] as const).map((kind) => {
    const line = lines.find((p) => p.getAttribute('data-kind') === kind)!;
    const over = kind === 'peering' || kind === 'idc' ? [...labels, ...objects] : labels;
    return { kind, color: line.getAttribute('stroke')!, points: along(line, 40, over) };
  });
  // Just outside the selected object's box: where the canvas draws its ring.
  const [bx, by, bw, bh] = numbers(
    all(svg, 'g')
      .find((g) => g.getAttribute('data-node') === 'db-orders')!
      .getAttribute('data-box')!,
  );
  const ring: [number, number][] = [];
  for (let i = 0; i <= 20; i++) {
    const x = bx! + (bw! * i) / 20;
    const y = by! + (bh! * i) / 20;
    ring.push([x, by! - 3], [x, by! + bh! + 3], [bx! - 3, y], [bx! + bw! + 3, y]);
  }
  const ringPx = ring.map(([x, y]) => [(x + ox!) * 2, (y + oy!) * 2] as [number, number]);

  const found = await page.evaluate(
    async ({ b64, probes, ringPx }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      /** Whether a pixel within r of (x, y) has the colour. */
      const near = (x: number, y: number, color: number[], r: number) => {
        for (let dy = -r; dy <= r; dy++)
          for (let dx = -r; dx <= r; dx++) {
            const i = (Math.round(y + dy) * c.width + Math.round(x + dx)) * 4;
            const dist = Math.hypot(
              data[i]! - color[0]!,
              data[i + 1]! - color[1]!,
              data[i + 2]! - color[2]!,
            );
            if (dist < 60) return true;
          }
        return false;
      };
      return {
        lines: probes.map((p) => ({
          kind: p.kind,
          hits: p.points.filter(([x, y]) => near(x, y, rgb(p.color), 3)).length,
          of: p.points.length,
        })),
        ring: ringPx.filter(([x, y]) => near(x, y, rgb('#2563eb'), 1)).length,
        white: near(4, 4, [255, 255, 255], 0),
      };
    },
    { b64: png.bytes.toString('base64'), probes, ringPx },
  );
  expect(found.white, 'a white background').toBe(true);
  for (const l of found.lines) {
    expect(l.of, `${l.kind}: enough of the line is in the clear to look at`).toBeGreaterThanOrEqual(
      10,
    );
    // Dashed lines have gaps; a solid line is there at every point.
    const dashed = l.kind === 'snat' || l.kind === 'unreachable' || l.kind === 'idc';
    expect(
      l.hits,
      `${l.kind}: ${l.hits} of ${l.of} points on the line have its colour`,
    ).toBeGreaterThanOrEqual(dashed ? l.of * 0.5 : l.of * 0.85);
  }
  expect(found.ring, 'points around the selected object in the selection blue').toBeLessThan(4);
});

const CCN_AND_VPC_CNI = {
  format: 'cidr-canvas/plan',
  version: 1,
  name: 'CCN & VPC-CNI',
  vpcs: [
    { id: 'vpc-a', name: 'apps', cidr: '10.20.0.0/16' },
    { id: 'vpc-b', name: 'data', cidr: '10.21.0.0/16' },
  ],
  subnets: [
    { id: 'sn-nodes', name: 'nodes', vpc: 'vpc-a', cidr: '10.20.1.0/24' },
    { id: 'sn-pods', name: 'pods', vpc: 'vpc-a', cidr: '10.20.64.0/18' },
    { id: 'sn-db', name: 'db', vpc: 'vpc-b', cidr: '10.21.1.0/24' },
  ],
  clusters: [
    {
      id: 'cls-cni',
      name: 'mesh',
      vpc: 'vpc-a',
      mode: 'vpc-cni',
      nodeSubnets: ['sn-nodes'],
      podSubnets: ['sn-pods'],
    },
  ],
  resources: [{ id: 'db-1', name: 'orders', kind: 'cdb', subnet: 'sn-db', ip: '10.21.1.10' }],
  ccns: [{ id: 'ccn-1', name: 'backbone', attachments: ['vpc-a', 'vpc-b'] }],
  idcs: [
    {
      id: 'idc-1',
      name: 'Shenzhen DC',
      vpc: 'vpc-a',
      cidrs: ['192.168.0.0/16'],
      link: 'direct-connect',
    },
  ],
};

test('a plan opened from a file, with a CCN and a VPC-CNI cluster: every line in the SVG', async ({
  page,
}, info) => {
  const d = new Designer(page);
  await d.open();
  await page.getByLabel('Open plan').setInputFiles({
    name: 'ccn.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(CCN_AND_VPC_CNI)),
  });
  await expect(d.node('ccn-1')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show all paths' }).check();
  await d.waitValidated();
  const pathCount = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            cidrCanvas: { store: { getState(): { analysis: { paths: unknown[] } | null } } };
          }
        ).cidrCanvas.store.getState().analysis?.paths.length ?? 0,
    );
  // The opened plan's analysis may land just after the status says validated.
  await expect.poll(pathCount).toBeGreaterThan(0);
  const paths = await pathCount();
  const edges = await canvasEdges(page, paths);
  const kinds = edges.map((e) => e.kind);
  for (const k of ['ccn', 'pod-subnet', 'node-subnet', 'idc']) expect(kinds, k).toContain(k);
  expect(kinds.filter((k) => k === 'ccn')).toHaveLength(2);

  const svg = await exportAs(page, 'Picture \\(SVG\\)');
  expect(svg.name).toBe('CCN-VPC-CNI.svg');
  writeFileSync(info.outputPath('ccn.svg'), svg.bytes);
  const doc = parseSvg(svg.bytes.toString('utf8'));
  expect(all(doc, 'foreignObject')).toHaveLength(0);
  const lines = all(doc, 'path').filter((p) => p.getAttribute('data-edge'));
  expect(
    lines.map((p) => `${p.getAttribute('data-edge')} ${p.getAttribute('data-kind')}`).sort(),
  ).toEqual(edges.map((e) => `${e.id} ${e.kind}`).sort());
  const texts = all(doc, 'text').map((t) => t.textContent);
  for (const s of [
    'backbone',
    'mesh',
    'VPC-CNI',
    'Direct Connect',
    'CCN attachment',
    'pod subnet (VPC-CNI)',
  ])
    expect(texts, s).toContain(s);
});
