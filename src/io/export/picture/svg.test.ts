// The picture renderer against the plan: a well-formed SVG without foreignObject, one stroked
// line per edge of each kind (counted from the plan, not from the renderer), names and CIDRs as
// text, a legend of exactly the lines drawn, and a size that fits in a slide deck.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../../../domain/analyze';
import type { Plan } from '../../../domain/model/plan';
import type { PathResult } from '../../../domain/routing/paths';
import { parsePlanText } from '../../parse';
import { TEMPLATE_TEXTS } from '../templates.test-support';
import { bezier, floatingEnds, pointAt, type Box } from './geometry';
import { NoLayoutError, pictureFromPlan, planPathEdges } from './from-plan';
import type { LineKind, Picture, PictureEdge, PictureNode } from './picture';
import { LINE_STYLES } from './lines';
import { drawPicture, renderSvg } from './svg';
import { fit, textWidth, xmlText } from './text';

function load(name: string): Plan {
  const r = parsePlanText(TEMPLATE_TEXTS[name]!);
  if (!r.ok) throw new Error(`${name} does not parse`);
  return r.value;
}

function parse(svg: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return doc;
}

const all = (doc: Document, tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const lines = (doc: Document) => all(doc, 'path').filter((p) => p.getAttribute('data-edge'));
const countBy = (kinds: readonly string[]) => {
  const m: Record<string, number> = {};
  for (const k of kinds) m[k] = (m[k] ?? 0) + 1;
  return m;
};

const SAMPLE = 'sample.plan.json';

/** The lines a plan's picture should have, per kind, counted from the plan itself. */
function expectedLines(plan: Plan, analysis: ReturnType<typeof analyzePlan>) {
  const drawn = new Set(
    [
      ...plan.vpcs,
      ...plan.subnets,
      ...plan.clusters,
      ...plan.resources,
      ...plan.natGateways,
      ...plan.idcs,
      ...plan.ccns,
    ].map((o) => o.id),
  );
  drawn.add('internet');
  return countBy([
    ...plan.clusters.flatMap((c) => (c.nodeSubnets ?? []).map(() => 'node-subnet')),
    ...plan.clusters.flatMap((c) => (c.podSubnets ?? []).map(() => 'pod-subnet')),
    ...plan.peerings.map(() => 'peering'),
    ...plan.ccns.flatMap((c) => [...new Set(c.attachments)].map(() => 'ccn')),
    ...plan.idcs.map(() => 'idc'),
    ...analysis.paths.filter((p) => drawn.has(p.to) && p.from !== p.to).map((p) => p.verdict),
  ]);
}

describe('the picture of a plan', () => {
  const plan = load(SAMPLE);
  const analysis = analyzePlan(plan);
  const svg = renderSvg(pictureFromPlan(plan, analysis));
  const doc = parse(svg);

  it('is an SVG of plain elements, with no foreignObject, under 60 kB', () => {
    expect(doc.documentElement?.tagName).toBe('svg');
    expect(doc.documentElement?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(all(doc, 'foreignObject')).toHaveLength(0);
    expect(all(doc, 'style')).toHaveLength(0);
    // Measured: 17.5 kB for the sample plan (the DOM copy it replaces was 1.6 MB).
    expect(svg.length).toBeLessThan(60_000);
    expect(svg.length).toBeGreaterThan(5_000);
  });

  it('draws one stroked line per edge of the plan, of each kind', () => {
    expect(countBy(lines(doc).map((p) => p.getAttribute('data-kind')!))).toEqual(
      expectedLines(plan, analysis),
    );
    for (const p of lines(doc)) {
      const kind = p.getAttribute('data-kind') as LineKind;
      expect(p.getAttribute('stroke')).toBe(LINE_STYLES[kind].stroke);
      expect(p.getAttribute('stroke-width')).toBe(String(LINE_STYLES[kind].width));
      expect(p.getAttribute('fill')).toBe('none');
      expect(p.getAttribute('stroke-dasharray') ?? undefined).toBe(LINE_STYLES[kind].dash);
      const isPath = kind === 'direct' || kind === 'snat' || kind === 'unreachable';
      expect(p.getAttribute('marker-end')).toBe(isPath ? `url(#arrow-${kind})` : null);
    }
    // All three verdicts are in the sample, so the test covers every path style.
    for (const k of ['direct', 'snat', 'unreachable', 'peering', 'idc', 'node-subnet'])
      expect(expectedLines(plan, analysis)[k], k).toBeGreaterThan(0);
  });

  // Every template, and one with a CCN and a VPC-CNI cluster: every kind of line.
  const withCcn = (p: Plan): Plan => ({
    ...p,
    ccns: [{ id: 'ccn-x', name: 'backbone', attachments: p.vpcs.map((v) => v.id) }],
    layout: { ...p.layout, 'ccn-x': { x: -300, y: -200 } },
  });
  it.each([
    ...Object.keys(TEMPLATE_TEXTS).map((name) => [name, load(name)] as const),
    ['vpc-cni.plan.json with a CCN', withCcn(load('vpc-cni.plan.json'))] as const,
  ])('draws every edge of %s', (_name, p) => {
    const a = analyzePlan(p);
    const found = lines(parse(renderSvg(pictureFromPlan(p, a))));
    expect(countBy(found.map((l) => l.getAttribute('data-kind')!))).toEqual(expectedLines(p, a));
  });

  it('draws CCN attachments and pod subnets in their styles', () => {
    const p = withCcn(load('vpc-cni.plan.json'));
    const kinds = new Set(
      lines(parse(renderSvg(pictureFromPlan(p, analyzePlan(p))))).map((l) =>
        l.getAttribute('data-kind'),
      ),
    );
    expect(kinds).toContain('ccn');
    expect(kinds).toContain('pod-subnet');
  });

  it('labels objects with their names and CIDRs, not their ids', () => {
    const texts = all(doc, 'text').map((t) => t.textContent ?? '');
    for (const v of plan.vpcs) expect(texts).toContain(v.name);
    for (const v of plan.vpcs) expect(texts).toContain(v.cidr);
    for (const s of plan.subnets) expect(texts).toContain(s.cidr);
    for (const c of plan.clusters) expect(texts).toContain(c.name);
    for (const c of plan.clusters) expect(texts).toContain(c.containerCidr);
    for (const r of plan.resources) expect(texts).toContain(r.name);
    for (const r of plan.resources) expect(texts).toContain(r.ip);
    for (const d of plan.idcs) expect(texts).toContain(d.name);
    expect(texts).not.toContain('cls-prod');
    // The gateway a path is SNATed through and a subnet's route table, by name.
    expect(texts).toContain('SNAT → egress');
    expect(texts.some((t) => t.includes('nat-egress'))).toBe(false);
    expect(texts.some((t) => t.includes('rtb: prod-main'))).toBe(true);
    expect(texts.some((t) => t.includes('rtb: rtb-prod'))).toBe(false);
    expect(texts).toContain('Guangzhou production');
    expect(texts).toContain('NO_RETURN_ROUTE');
  });

  it('has a legend of exactly the kinds of line drawn', () => {
    const legend = all(doc, 'path').flatMap((p) => p.getAttribute('data-legend') ?? []);
    expect(new Set(legend)).toEqual(new Set(lines(doc).map((p) => p.getAttribute('data-kind'))));
    const texts = all(doc, 'text').map((t) => t.textContent);
    for (const k of legend) expect(texts).toContain(LINE_STYLES[k as LineKind].legend);
  });

  it('has a white background covering the whole picture', () => {
    const { width, height } = drawPicture(pictureFromPlan(plan, analysis));
    const bg = all(doc, 'rect')[0]!;
    expect(bg.getAttribute('fill')).toBe('#ffffff');
    expect(Number(bg.getAttribute('width'))).toBe(width);
    expect(Number(bg.getAttribute('height'))).toBe(height);
  });

  it('says the plan needs a layout when objects have no place', () => {
    const bare: Plan = { ...plan, layout: undefined };
    expect(() => pictureFromPlan(bare, analysis)).toThrow(NoLayoutError);
    expect(() => pictureFromPlan(bare, analysis)).toThrow(/needs a layout.*vpc-prod/);
  });
});

describe('lines and boxes', () => {
  const boxArb = fc.record({
    x: fc.integer({ min: -2000, max: 2000 }),
    y: fc.integer({ min: -2000, max: 2000 }),
    w: fc.integer({ min: 20, max: 800 }),
    h: fc.integer({ min: 20, max: 500 }),
  });
  const onBorder = (b: Box, x: number, y: number) =>
    (Math.abs(x - b.x) < 0.01 ||
      Math.abs(x - b.x - b.w) < 0.01 ||
      Math.abs(y - b.y) < 0.01 ||
      Math.abs(y - b.y - b.h) < 0.01) &&
    x >= b.x - 0.01 &&
    x <= b.x + b.w + 0.01 &&
    y >= b.y - 0.01 &&
    y <= b.y + b.h + 0.01;

  it('end on the borders of the boxes they join, and start and end where the curve does', () => {
    fc.assert(
      fc.property(boxArb, boxArb, (s, t) => {
        const e = floatingEnds(s, t);
        const c = bezier(e);
        expect(pointAt(c, 0)).toEqual([e.sx, e.sy]);
        const [ex, ey] = pointAt(c, 1);
        expect(ex).toBeCloseTo(e.tx, 6);
        expect(ey).toBeCloseTo(e.ty, 6);
        const nested =
          (s.x >= t.x && s.y >= t.y && s.x + s.w <= t.x + t.w && s.y + s.h <= t.y + t.h) ||
          (t.x >= s.x && t.y >= s.y && t.x + t.w <= s.x + s.w && t.y + t.h <= s.y + s.h);
        if (!nested) {
          expect(onBorder(s, e.sx, e.sy)).toBe(true);
          expect(onBorder(t, e.tx, e.ty)).toBe(true);
        }
      }),
    );
  });

  const KINDS: readonly LineKind[] = Object.keys(LINE_STYLES) as LineKind[];
  // Any characters at all: names come from people and from imported files.
  const textArb = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });

  it('draws every edge whose ends are both drawn, once, with its label as text', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), box: boxArb, name: textArb }),
          {
            minLength: 1,
            maxLength: 12,
            selector: (n) => n.id,
          },
        ),
        fc.array(
          fc.record({
            kind: fc.constantFrom(...KINDS),
            source: fc.nat(15),
            target: fc.nat(15),
            label: fc.option(textArb, { nil: undefined }),
          }),
          { maxLength: 20 },
        ),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (objs, links, title) => {
          const nodes: PictureNode[] = objs.map((o) => ({
            id: o.id,
            kind: 'resource',
            obj: { id: o.id, name: o.name, kind: 'cdb', subnet: 's' },
            box: o.box,
          }));
          const id = (i: number) => objs[i]?.id ?? `missing-${i}`;
          const edges: PictureEdge[] = links.map((l, i) => ({
            id: `e${i}`,
            kind: l.kind,
            source: id(l.source),
            target: id(l.target),
            ...(l.label !== undefined ? { label: l.label } : {}),
          }));
          const picture: Picture = { title, nodes, edges };
          const doc = parse(renderSvg(picture));
          const ids = new Set(objs.map((o) => o.id));
          const shown = edges.filter(
            (e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target,
          );
          expect(lines(doc).map((p) => p.getAttribute('data-edge'))).toEqual(
            expect.arrayContaining(shown.map((e) => e.id)),
          );
          expect(lines(doc)).toHaveLength(shown.length);
          const texts = all(doc, 'text').map((t) => t.textContent);
          for (const e of shown) if (e.label) expect(texts).toContain(xmlText(e.label));
          expect(all(doc, 'title')[0]!.textContent).toBe(xmlText(title));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('path edges', () => {
  const path = (from: string, to: string, verdict: PathResult['verdict']): PathResult => ({
    from,
    to,
    verdict,
    hops: [],
    reason: verdict === 'unreachable' ? 'NO_ROUTE' : null,
    message: '',
  });

  it('bundle the paths to one subnet when there are more than 40, as the canvas does', () => {
    const drawn = new Set(['cls', 'sn-a', 'sn-b', 'idc']);
    const paths: PathResult[] = [];
    for (let i = 0; i < 30; i++) {
      paths.push(path('cls', `a${i}`, 'direct'));
      drawn.add(`a${i}`);
    }
    for (let i = 0; i < 12; i++) {
      paths.push(path('cls', `b${i}`, i < 2 ? 'unreachable' : 'snat'));
      drawn.add(`b${i}`);
    }
    paths.push(path('cls', 'idc', 'snat'));
    const subnetOf = (id: string) =>
      id.startsWith('a') ? 'sn-a' : id.startsWith('b') ? 'sn-b' : undefined;
    const edges = planPathEdges(paths, drawn, subnetOf);
    expect(edges.map((e) => [e.kind, e.target, e.label ?? ''])).toEqual(
      expect.arrayContaining([
        ['snat', 'idc', 'SNAT → node IP'],
        ['direct', 'sn-a', '30 × direct'],
        ['unreachable', 'sn-b', '2 × NO_ROUTE'],
        ['snat', 'sn-b', '10 × SNAT → node IP'],
      ]),
    );
    expect(edges).toHaveLength(4);
    // Forty or fewer: one edge per path.
    expect(planPathEdges(paths.slice(0, 40), drawn, subnetOf)).toHaveLength(40);
  });
});

describe('text', () => {
  it('keeps what XML can hold and replaces the rest', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const out = xmlText(s);
        for (const ch of out) {
          const c = ch.codePointAt(0)!;
          expect(c >= 0x20 && (c < 0xd800 || c > 0xdfff) && c !== 0xfffe && c !== 0xffff).toBe(
            true,
          );
        }
        if (/^[\x20-\x7e]*$/.test(s)) expect(out).toBe(s);
        expect([...out]).toHaveLength([...s].length);
      }),
    );
  });

  it('is cut with an ellipsis to the width it has, never wider', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.integer({ min: 20, max: 400 }),
        (s, w) => {
          const out = fit(s, 12, w);
          if (out === s) expect(textWidth(s, 12)).toBeLessThanOrEqual(w);
          else {
            expect(out.endsWith('…')).toBe(true);
            expect(s.startsWith(out.slice(0, -1))).toBe(true);
          }
        },
      ),
    );
  });
});
