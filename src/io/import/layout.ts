// Places the objects an import brought in: children inside their parents (resources in their
// subnet, subnets, clusters and NAT gateways in their VPC), new top-level objects beside what is
// there. Boxes already in the layout never move; a container only grows to hold new children.
// A grid, not ELK: it runs in the CLI and the import worker, on 100,000 objects, in one pass.
import { NODE_SIZES, type NodeKind } from '../../domain/model/node-kinds';
import type { LayoutBox, Plan } from '../../domain/model/plan';

const GAP = 30;
const SUBNET_PAD = { top: 56, left: 16, bottom: 16, right: 16 };
const VPC_PAD = { top: 60, left: 24, bottom: 24, right: 24 };
const RESOURCE_COLUMNS = 2;

interface Size {
  width: number;
  height: number;
}

function bottomRight(
  ids: readonly string[],
  layout: Record<string, LayoutBox>,
  sizeOf: (id: string) => Size,
) {
  let right = 0;
  let bottom = 0;
  for (const id of ids) {
    const b = layout[id];
    if (!b) continue;
    const s = sizeOf(id);
    right = Math.max(right, b.x + (b.width ?? s.width));
    bottom = Math.max(bottom, b.y + (b.height ?? s.height));
  }
  return { right, bottom };
}

/** A layout with a box for every drawn object of the plan; the boxes of `plan.layout` are kept. */
export function layoutImported(plan: Plan): Record<string, LayoutBox> {
  const layout: Record<string, LayoutBox> = { ...(plan.layout ?? {}) };
  const size = (kind: NodeKind): Size => NODE_SIZES[kind];
  const kindSize = new Map<string, Size>();
  const sizeOf = (id: string): Size => {
    const b = layout[id];
    return {
      width: b?.width ?? kindSize.get(id)?.width ?? 0,
      height: b?.height ?? kindSize.get(id)?.height ?? 0,
    };
  };

  const resourcesOf = new Map<string, string[]>();
  for (const r of plan.resources) {
    kindSize.set(r.id, size('resource'));
    const list = resourcesOf.get(r.subnet);
    if (list) list.push(r.id);
    else resourcesOf.set(r.subnet, [r.id]);
  }
  const subnetsOf = new Map<string, string[]>();
  const sideOf = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const s of plan.subnets) push(subnetsOf, s.vpc, s.id);
  for (const c of plan.clusters) {
    kindSize.set(c.id, size('cluster'));
    push(sideOf, c.vpc, c.id);
  }
  for (const n of plan.natGateways) {
    kindSize.set(n.id, size('nat'));
    push(sideOf, n.vpc, n.id);
  }

  // Subnets: their resources in a grid below what is already placed; then the subnet's size.
  for (const s of plan.subnets) {
    const children = resourcesOf.get(s.id) ?? [];
    const placed = bottomRight(children, layout, sizeOf);
    const cell = { w: size('resource').width + 12, h: size('resource').height + 10 };
    let n = 0;
    const top = Math.max(SUBNET_PAD.top, placed.bottom + 10);
    for (const id of children) {
      if (layout[id]) continue;
      layout[id] = {
        x: SUBNET_PAD.left + (n % RESOURCE_COLUMNS) * cell.w,
        y: top + Math.floor(n / RESOURCE_COLUMNS) * cell.h,
      };
      n++;
    }
    const content = bottomRight(children, layout, sizeOf);
    const want = {
      width: Math.max(size('subnet').width, content.right + SUBNET_PAD.right),
      height: Math.max(size('subnet').height, content.bottom + SUBNET_PAD.bottom),
    };
    const b = layout[s.id];
    if (b) {
      if ((b.width ?? 0) < want.width || (b.height ?? 0) < want.height)
        layout[s.id] = {
          ...b,
          width: Math.max(b.width ?? 0, want.width),
          height: Math.max(b.height ?? 0, want.height),
        };
    } else kindSize.set(s.id, want);
  }

  // VPCs: new subnets in rows of three below the placed ones, clusters and gateways in a column
  // to their right.
  for (const v of plan.vpcs) {
    const subnets = subnetsOf.get(v.id) ?? [];
    const side = sideOf.get(v.id) ?? [];
    const placed = bottomRight([...subnets, ...side], layout, sizeOf);
    let x = VPC_PAD.left;
    let y = Math.max(VPC_PAD.top, placed.bottom + GAP);
    let rowHeight = 0;
    let column = 0;
    for (const id of subnets) {
      if (layout[id]) continue;
      const s = sizeOf(id);
      if (column === 3) {
        x = VPC_PAD.left;
        y += rowHeight + GAP;
        rowHeight = 0;
        column = 0;
      }
      layout[id] = { x, y, width: s.width, height: s.height };
      x += s.width + GAP;
      rowHeight = Math.max(rowHeight, s.height);
      column++;
    }
    const grid = bottomRight(subnets, layout, sizeOf);
    const sideX = Math.max(grid.right + GAP, VPC_PAD.left);
    let sideY = Math.max(VPC_PAD.top, bottomRight(side, layout, sizeOf).bottom + GAP);
    for (const id of side) {
      if (layout[id]) continue;
      layout[id] = { x: sideX, y: sideY };
      sideY += sizeOf(id).height + GAP;
    }
    const content = bottomRight([...subnets, ...side], layout, sizeOf);
    const want = {
      width: Math.max(size('vpc').width, content.right + VPC_PAD.right),
      height: Math.max(size('vpc').height, content.bottom + VPC_PAD.bottom),
    };
    const b = layout[v.id];
    if (b) {
      if ((b.width ?? 0) < want.width || (b.height ?? 0) < want.height)
        layout[v.id] = {
          ...b,
          width: Math.max(b.width ?? 0, want.width),
          height: Math.max(b.height ?? 0, want.height),
        };
    } else kindSize.set(v.id, want);
  }

  // Top level: new VPCs in rows to the right of (or below) what is placed; IDCs below them, CCNs
  // above.
  const top = [
    ...plan.vpcs.map((v) => v.id),
    ...plan.idcs.map((d) => d.id),
    ...plan.ccns.map((c) => c.id),
  ];
  for (const d of plan.idcs) kindSize.set(d.id, size('idc'));
  for (const c of plan.ccns) kindSize.set(c.id, size('ccn'));
  const placedTop = bottomRight(top, layout, sizeOf);
  const startY = placedTop.bottom > 0 ? placedTop.bottom + 120 : 40;
  const ROW_WIDTH = 4000;
  let x = 40;
  let y = startY;
  let rowHeight = 0;
  for (const v of plan.vpcs) {
    if (layout[v.id]) continue;
    const s = sizeOf(v.id);
    if (x > 40 && x + s.width > ROW_WIDTH) {
      x = 40;
      y += rowHeight + 80;
      rowHeight = 0;
    }
    layout[v.id] = { x, y, width: s.width, height: s.height };
    x += s.width + 80;
    rowHeight = Math.max(rowHeight, s.height);
  }
  const below = bottomRight(top, layout, sizeOf).bottom + 80;
  let idcX = 40;
  for (const d of plan.idcs) {
    if (layout[d.id]) continue;
    layout[d.id] = { x: idcX, y: below };
    idcX += size('idc').width + 60;
  }
  let ccnX = 40;
  for (const c of plan.ccns) {
    if (layout[c.id]) continue;
    layout[c.id] = { x: ccnX, y: startY - 160 };
    ccnX += size('ccn').width + 60;
  }
  return layout;
}
