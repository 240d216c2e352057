// A readable layout for objects that have none: subnets in a grid inside their VPC, resources
// inside their subnet, clusters and gateways down the VPC's right side, VPCs side by side,
// IDCs below them. Boxes already in the plan are kept.
import { DEFAULT_SIZES } from '../ops/create';
import type { LayoutBox, Plan } from '../model/plan';

const PAD = 24;
const HEAD = 48;

export function completeLayout(plan: Plan): Record<string, LayoutBox> {
  const old = plan.layout ?? {};
  const out: Record<string, LayoutBox> = {};
  const size = DEFAULT_SIZES;
  let vpcX = 0;
  let maxBottom = 0;
  for (const v of plan.vpcs) {
    const subnets = plan.subnets.filter((s) => s.vpc === v.id);
    const side = [
      ...plan.clusters.filter((c) => c.vpc === v.id),
      ...plan.natGateways.filter((n) => n.vpc === v.id),
    ];
    const cols = Math.max(1, Math.min(3, Math.ceil(Math.sqrt(subnets.length))));
    let subnetW = size.subnet!.width;
    let maxRowH = 0;
    const heights: number[] = [];
    for (const s of subnets) {
      const res = plan.resources.filter((r) => r.subnet === s.id);
      const rows = Math.ceil(res.length / 2);
      const w =
        old[s.id]?.width ??
        Math.max(
          size.subnet!.width,
          res.length > 1 ? 2 * size.resource!.width + 3 * 12 : size.subnet!.width,
        );
      const h =
        old[s.id]?.height ??
        Math.max(size.subnet!.height, 64 + rows * (size.resource!.height + 12));
      subnetW = Math.max(subnetW, w);
      heights.push(h);
      maxRowH = Math.max(maxRowH, h);
      res.forEach((r, i) => {
        out[r.id] = old[r.id] ?? {
          x: 12 + (i % 2) * (size.resource!.width + 12),
          y: 60 + Math.floor(i / 2) * (size.resource!.height + 12),
        };
      });
    }
    subnets.forEach((s, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      out[s.id] = old[s.id] ?? {
        x: PAD + col * (subnetW + PAD),
        y: HEAD + row * (maxRowH + PAD),
        width: subnetW,
        height: heights[i]!,
      };
    });
    const gridW = subnets.length > 0 ? cols * (subnetW + PAD) + PAD : PAD;
    const gridH = HEAD + Math.ceil(subnets.length / cols) * (maxRowH + PAD);
    side.forEach((o, i) => {
      out[o.id] = old[o.id] ?? { x: gridW + 10, y: HEAD + i * (size.cluster!.height + 20) };
    });
    const sideH = HEAD + side.length * (size.cluster!.height + 20);
    const w =
      old[v.id]?.width ??
      Math.max(size.vpc!.width / 2, gridW + (side.length > 0 ? size.cluster!.width + 40 : 0));
    const h = old[v.id]?.height ?? Math.max(220, gridH, sideH) + PAD;
    const box = old[v.id] ?? { x: vpcX, y: 0, width: w, height: h };
    out[v.id] = box;
    vpcX = Math.max(vpcX, box.x + (box.width ?? w) + 120);
    maxBottom = Math.max(maxBottom, box.y + (box.height ?? h));
  }
  plan.idcs.forEach((d, i) => {
    out[d.id] = old[d.id] ?? { x: i * (size.idc!.width + 60), y: maxBottom + 120 };
  });
  plan.ccns.forEach((c, i) => {
    out[c.id] = old[c.id] ?? { x: i * (size.ccn!.width + 80) + 200, y: -200 };
  });
  out.internet = old.internet ?? { x: Math.max(0, vpcX - 400), y: -200 };
  return out;
}

/** Whether every object of the plan has a place on the canvas. */
export function hasCompleteLayout(plan: Plan): boolean {
  const l = plan.layout;
  if (!l) return false;
  const all = [
    ...plan.vpcs,
    ...plan.subnets,
    ...plan.clusters,
    ...plan.resources,
    ...plan.natGateways,
    ...plan.idcs,
    ...plan.ccns,
  ];
  return all.every((o) => l[o.id] !== undefined);
}
