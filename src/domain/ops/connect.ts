// Joining two objects the way a line drawn between them on the canvas means: a peering, a CCN
// attachment, a node subnet, an IDC link; or a sentence saying why they cannot be joined.
import { label } from '../model/defaults';
import { PlanIndex } from '../model/plan-index';
import type { Plan } from '../model/plan';
import { newIdOf } from './create';
import type { PlanOp } from './ops';

export type Connected =
  { ok: true; ops: PlanOp[]; message: string } | { ok: false; message: string };

/** Joins two objects the way a line between them means: peering, CCN attachment, node subnet, IDC link. */
export function connectObjects(plan: Plan, a: string, b: string): Connected {
  const ix = new PlanIndex(plan);
  const ka = ix.kindOf(a);
  const kb = ix.kindOf(b);
  if (!ka || !kb || a === b) return { ok: false, message: 'Connect two different objects' };
  const pair = (x: string, y: string) =>
    ka === x && kb === y ? [a, b] : ka === y && kb === x ? [b, a] : undefined;
  let p = pair('vpc', 'vpc');
  if (p) {
    if (plan.peerings.some((q) => q.vpcs.includes(a) && q.vpcs.includes(b)))
      return { ok: false, message: 'These VPCs are already peered' };
    const id = newIdOf(plan, 'peering');
    return {
      ok: true,
      message: `Peered ${label(ix.vpc(a))} and ${label(ix.vpc(b))}`,
      ops: [
        {
          op: 'insert',
          collection: 'peerings',
          object: { id, name: `${label(ix.vpc(a))}-${label(ix.vpc(b))}`, vpcs: [a, b] },
        },
      ],
    };
  }
  p = pair('ccn', 'vpc') ?? pair('ccn', 'cluster') ?? pair('ccn', 'idc');
  if (p) {
    const [ccnId, member] = p as [string, string];
    const ccn = ix.ccn(ccnId)!;
    if (ccn.attachments.includes(member))
      return { ok: false, message: `${member} is already attached to ${label(ccn)}` };
    return {
      ok: true,
      message: `Attached ${member} to CCN ${label(ccn)}`,
      ops: [
        {
          op: 'update',
          collection: 'ccns',
          id: ccnId,
          set: { attachments: [...ccn.attachments, member] },
        },
      ],
    };
  }
  p = pair('cluster', 'subnet');
  if (p) {
    const [cid, sid] = p as [string, string];
    const c = ix.cluster(cid)!;
    const s = ix.subnet(sid)!;
    if (s.vpc !== c.vpc)
      return { ok: false, message: `${label(s)} is in another VPC than ${label(c)}` };
    if (
      c.mode === 'vpc-cni' &&
      (c.nodeSubnets ?? []).length > 0 &&
      !(c.podSubnets ?? []).includes(sid) &&
      !(c.nodeSubnets ?? []).includes(sid)
    ) {
      return {
        ok: true,
        message: `${label(s)} now gives pod IPs to ${label(c)}`,
        ops: [
          {
            op: 'update',
            collection: 'clusters',
            id: cid,
            set: { podSubnets: [...(c.podSubnets ?? []), sid] },
          },
        ],
      };
    }
    if ((c.nodeSubnets ?? []).includes(sid))
      return { ok: false, message: `${label(s)} is already a node subnet of ${label(c)}` };
    return {
      ok: true,
      message: `${label(s)} is now a node subnet of ${label(c)}`,
      ops: [
        {
          op: 'update',
          collection: 'clusters',
          id: cid,
          set: { nodeSubnets: [...(c.nodeSubnets ?? []), sid] },
        },
      ],
    };
  }
  p = pair('idc', 'vpc');
  if (p) {
    const [iid, vid] = p as [string, string];
    return {
      ok: true,
      message: `${label(ix.idc(iid))} now links to ${label(ix.vpc(vid))}`,
      ops: [{ op: 'update', collection: 'idcs', id: iid, set: { vpc: vid } }],
    };
  }
  return {
    ok: false,
    message: `A ${ka} and a ${kb} cannot be connected: connect two VPCs to peer them, a CCN to a VPC, cluster or IDC, a cluster to a subnet, or an IDC to a VPC`,
  };
}
