// A line drawn between an IDC and a CCN attaches the IDC (rules.md, "IDCs attached to a CCN").
import { describe, expect, it } from 'vitest';
import { basePlan, ccn, ccnIdc, idc } from '../../test-support/builders';
import { connectObjects, createObject } from './create';
import { applyOps } from './ops';

describe('connecting an IDC and a CCN', () => {
  const p = basePlan({
    ccns: [ccn('ccn-1', ['vpc-a'])],
    idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16'])],
  });

  it('attaches the IDC last, in one op, whichever end the line starts from', () => {
    for (const [a, b] of [
      ['idc-sh', 'ccn-1'],
      ['ccn-1', 'idc-sh'],
    ] as const) {
      const r = connectObjects(p, a, b);
      if (!r.ok) throw new Error(r.message);
      expect(r.ops).toHaveLength(1);
      expect(applyOps(p, r.ops).plan.ccns[0]!.attachments).toEqual(['vpc-a', 'idc-sh']);
      expect(r.message).toContain('Attached');
    }
  });

  it('says so when it is already attached', () => {
    const q = { ...p, ccns: [ccn('ccn-1', ['vpc-a', 'idc-sh'])] };
    expect(connectObjects(q, 'idc-sh', 'ccn-1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('already attached') as unknown,
    });
  });

  it('an IDC dropped on a plan without VPCs has none, and waits for a CCN', () => {
    const r = createObject(
      basePlan({ vpcs: [], subnets: [], clusters: [], resources: [] }),
      'idc',
      { x: 0, y: 0 },
    );
    if (!r.ok) throw new Error(r.message);
    const op = r.ops.find((o) => o.op === 'insert')!;
    expect(op.op === 'insert' && 'vpc' in op.object).toBe(false);
  });

  it('an IDC with no VPC can still be linked to one', () => {
    const q = basePlan({ idcs: [ccnIdc('idc-bj', ['192.168.0.0/16'])] });
    const r = connectObjects(q, 'idc-bj', 'vpc-a');
    if (!r.ok) throw new Error(r.message);
    expect(applyOps(q, r.ops).plan.idcs[0]!.vpc).toBe('vpc-a');
  });
});
