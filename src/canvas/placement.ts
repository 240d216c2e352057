// Where things land on the canvas: which container is under a point, and what a finished drag
// means for the plan (a resource moved to another subnet; a subnet dragged out of its VPC
// goes back, with a sentence that says why).
import { nextFreeIp } from '../domain/ops/create';
import type { PlanOp } from '../domain/ops/ops';
import { label } from '../domain/model/defaults';
import { PlanIndex } from '../domain/model/plan-index';
import type { Plan } from '../domain/model/plan';
import type { CanvasKind } from './flow-model';

export interface Rect {
  readonly id: string;
  readonly kind: CanvasKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function inside(r: Rect, p: { x: number; y: number }): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

function centre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** The innermost subnet or VPC under a point. */
export function containerAt(rects: readonly Rect[], p: { x: number; y: number }): Rect | undefined {
  return (
    rects.find((r) => r.kind === 'subnet' && inside(r, p)) ??
    rects.find((r) => r.kind === 'vpc' && inside(r, p))
  );
}

export interface MoveResult {
  readonly ops: PlanOp[];
  /** Set when the move cannot stand: the whole drag is undone. */
  readonly refused?: string;
  readonly message?: string;
}

export function moveOps(
  plan: Plan,
  dragged: readonly string[],
  rects: readonly Rect[],
): MoveResult {
  const ix = new PlanIndex(plan);
  const byId = new Map(rects.map((r) => [r.id, r]));
  const moving = new Set(dragged);
  const ops: PlanOp[] = [];
  const messages: string[] = [];
  for (const id of dragged) {
    const r = byId.get(id);
    if (!r) continue;
    const kind = ix.kindOf(id);
    if (kind === 'subnet' || kind === 'cluster' || kind === 'natGateway') {
      const vpcId = (ix.byId.get(id)!.object as { vpc: string }).vpc;
      if (moving.has(vpcId)) continue;
      const v = byId.get(vpcId);
      if (v && !inside(v, centre(r))) {
        const what =
          kind === 'subnet' ? 'A subnet' : kind === 'cluster' ? 'A cluster' : 'A NAT gateway';
        return {
          ops: [],
          refused: `${what} stays in its VPC (${label(ix.vpc(vpcId))}): it went back`,
        };
      }
    } else if (kind === 'resource') {
      const res = ix.resource(id)!;
      if (moving.has(res.subnet)) continue;
      const home = ix.subnet(res.subnet)!;
      const target = rects.find(
        (x) => x.kind === 'subnet' && inside(x, centre(r)) && ix.subnet(x.id)?.vpc === home.vpc,
      );
      if (!target) {
        return {
          ops: [],
          refused: `${label(res)} must sit in a subnet of VPC ${label(ix.vpc(home.vpc))}: it went back`,
        };
      }
      if (target.id !== res.subnet) {
        const ip = nextFreeIp(ix, target.id);
        const set: Record<string, unknown> = { subnet: target.id };
        if (ip) set.ip = ip;
        ops.push({
          op: 'update',
          collection: 'resources',
          id,
          set,
          ...(ip ? {} : { unset: ['ip'] }),
        });
        const box = plan.layout?.[id];
        ops.push({
          op: 'layout',
          id,
          box: { ...(box ?? {}), x: Math.round(r.x - target.x), y: Math.round(r.y - target.y) },
        });
        messages.push(
          `${label(res)} moved to subnet ${label(ix.subnet(target.id))}${ip ? ` with IP ${ip}` : ''}`,
        );
      }
    }
  }
  return { ops, ...(messages.length > 0 ? { message: messages.join('; ') } : {}) };
}
