import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validPlanArb } from '../../test-support/arbitraries';
import { plan as planOf, subnet, vpc } from '../../test-support/builders';
import { opsArb } from '../../test-support/plan-ops';
import { applyOps, type PlanOp } from './ops';
import { withoutOverwritten } from './overwritten';

const base = planOf({
  vpcs: [vpc('vpc-a', '10.0.0.0/16', { description: 'before' })],
  subnets: [subnet('sn-a', 'vpc-a', '10.0.1.0/24')],
});

/** Ana's gesture, then Ben's edit on top, then Ana's undo as the store makes it. */
function undoAfter(done: PlanOp[], theirs: PlanOp[]) {
  const mine = applyOps({ ...base, layout: { 'vpc-a': { x: 0, y: 0 } } }, done);
  const now = applyOps(mine.plan, theirs).plan;
  const undo = withoutOverwritten(now, done, mine.inverse);
  return applyOps(now, undo).plan;
}

describe('undo keeps what someone else changed since', () => {
  it('skips nothing when nobody else edited: the undo is the inverse of the ops', () => {
    fc.assert(
      fc.property(
        validPlanArb.chain((p) => fc.tuple(fc.constant(p), opsArb(p))),
        ([p, ops]) => {
          const done = applyOps(p, ops);
          const undo = withoutOverwritten(done.plan, ops, done.inverse);
          expect(undo).toEqual(done.inverse);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps their value of a field they changed after me, and takes back my other fields', () => {
    const after = undoAfter(
      [
        {
          op: 'update',
          collection: 'subnets',
          id: 'sn-a',
          set: { name: 'mine', cidr: '10.0.2.0/24' },
        },
      ],
      [{ op: 'update', collection: 'subnets', id: 'sn-a', set: { name: 'theirs' } }],
    );
    expect(after.subnets[0]).toMatchObject({ name: 'theirs', cidr: '10.0.1.0/24' });
  });

  it('keeps a field they removed after I set it, and a box they moved after I moved it', () => {
    const after = undoAfter(
      [
        { op: 'update', collection: 'vpcs', id: 'vpc-a', set: { description: 'mine' } },
        { op: 'layout', id: 'vpc-a', box: { x: 10, y: 10 } },
      ],
      [
        { op: 'update', collection: 'vpcs', id: 'vpc-a', set: {}, unset: ['description'] },
        { op: 'layout', id: 'vpc-a', box: { x: 99, y: 99 } },
      ],
    );
    expect(after.vpcs[0]!.description).toBeUndefined();
    expect(after.layout!['vpc-a']).toEqual({ x: 99, y: 99 });
  });

  it('takes back what they left as I left it, even if they touched it in between', () => {
    const after = undoAfter(
      [{ op: 'update', collection: 'subnets', id: 'sn-a', set: { name: 'mine' } }],
      [
        { op: 'update', collection: 'subnets', id: 'sn-a', set: { name: 'theirs' } },
        { op: 'update', collection: 'subnets', id: 'sn-a', set: { name: 'mine' } },
      ],
    );
    expect(after.subnets[0]!.name).toBe(base.subnets[0]!.name);
  });

  it('redo the same way: what they changed after my undo stays', () => {
    const done: PlanOp[] = [
      { op: 'update', collection: 'subnets', id: 'sn-a', set: { name: 'mine' } },
    ];
    const mine = applyOps(base, done);
    const undone = applyOps(mine.plan, mine.inverse).plan;
    const now = applyOps(undone, [
      { op: 'update', collection: 'subnets', id: 'sn-a', set: { name: 'theirs' } },
    ]).plan;
    expect(withoutOverwritten(now, mine.inverse, done)).toEqual([]);
  });
});
