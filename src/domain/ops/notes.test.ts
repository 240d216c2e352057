// Reservations and comments as ops (plan-format.md: part of the plan, undoable, no verdict
// changed; deleting an object keeps its comments as comments on the plan).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePlan } from '../analyze';
import type { Plan } from '../model/plan';
import { basePlan, ccn, comment, idc, reservation } from '../../test-support/builders';
import { expectReadable } from '../../test-support/rule-checks';
import { removeObjects } from './cascade';
import {
  addComment,
  createReservation,
  deleteComment,
  deleteReservation,
  editComment,
  replyToComment,
  resolveComment,
  updateReservation,
} from './notes';
import { applyOps, type PlanOp } from './ops';

const at = '2026-12-01T09:30:00Z';

/** Applies, checks the result reads back as a valid plan, and that the inverse gives `p` back. */
function applyChecked(p: Plan, ops: PlanOp[]): Plan {
  const { plan, inverse } = applyOps(p, ops);
  expectReadable(plan);
  expect(applyOps(plan, inverse).plan).toStrictEqual(p);
  // Plain data: what travels to the worker and into the history survives structured cloning.
  expect(structuredClone(ops)).toEqual(ops);
  return plan;
}

describe('reservation ops', () => {
  it('create, update and delete, each undone exactly', () => {
    const p0 = basePlan();
    const made = createReservation(p0, { cidr: '10.0.64.0/18', vpc: 'vpc-a', name: 'later' });
    expect(made.id).toBe('rsv-1');
    const p1 = applyChecked(p0, made.ops);
    expect(p1.reservations).toEqual([
      { id: 'rsv-1', cidr: '10.0.64.0/18', vpc: 'vpc-a', name: 'later' },
    ]);
    // The first insert into a plan without the list: undo removes the list, not just the item.
    expect('reservations' in applyOps(p1, applyOps(p0, made.ops).inverse).plan).toBe(false);
    const p2 = applyChecked(p1, updateReservation(p1, 'rsv-1', { vpc: undefined, note: 'EU' }));
    expect(p2.reservations).toEqual([
      { id: 'rsv-1', cidr: '10.0.64.0/18', name: 'later', note: 'EU' },
    ]);
    const p3 = applyChecked(p2, deleteReservation(p2, 'rsv-1'));
    expect(p3.reservations).toEqual([]);
  });

  it('ids never collide with objects, reservations or comments', () => {
    const p = basePlan({
      reservations: [reservation('rsv-1', '10.9.0.0/16')],
      comments: [comment('cm-1', 'x')],
    });
    expect(createReservation(p, { cidr: '10.8.0.0/16' }).id).toBe('rsv-2');
    expect(addComment(p, { author: 'a', text: 'b', createdAt: at }).id).toBe('cm-2');
  });
});

describe('comment ops', () => {
  it('add, reply, resolve, edit and delete, each undone exactly', () => {
    const p0 = basePlan();
    const made = addComment(p0, {
      object: 'cls-1',
      author: 'Li Wei',
      text: 'Why /16?',
      createdAt: at,
    });
    const p1 = applyChecked(p0, made.ops);
    const p2 = applyChecked(
      p1,
      replyToComment(p1, made.id, { author: 'Ana', text: 'Room for 500 nodes', createdAt: at }),
    );
    const p3 = applyChecked(p2, resolveComment(p2, made.id, true));
    const p4 = applyChecked(p3, editComment(p3, made.id, 'Why /16 and not /17?'));
    expect(p4.comments).toEqual([
      {
        id: 'cm-1',
        object: 'cls-1',
        author: 'Li Wei',
        text: 'Why /16 and not /17?',
        createdAt: at,
        replies: [{ author: 'Ana', text: 'Room for 500 nodes', createdAt: at }],
        resolved: true,
      },
    ]);
    expect(applyChecked(p4, deleteComment(p4, made.id)).comments).toEqual([]);
  });

  it('an op for a comment that does not exist is refused', () => {
    expect(() => resolveComment(basePlan(), 'cm-9', true)).toThrow(/no comment/);
    expect(() => applyOps(basePlan(), [{ op: 'comment', id: 'cm-9', value: null }])).toThrow();
  });
});

describe('deleting objects keeps their comments', () => {
  const p = basePlan({
    reservations: [reservation('rsv-1', '10.0.64.0/18', { vpc: 'vpc-a' })],
    comments: [
      comment('cm-1', 'about the cluster', { object: 'cls-1' }),
      comment('cm-2', 'about the plan'),
      comment('cm-3', 'about the reservation', { object: 'rsv-1' }),
      comment('cm-4', 'about the database', { object: 'db-1' }),
    ],
  });

  it('as comments on the plan, and undo pins them again', () => {
    const after = applyChecked(p, removeObjects(p, ['cls-1']));
    expect(after.comments!.map((c) => [c.id, c.object])).toEqual([
      ['cm-1', undefined],
      ['cm-2', undefined],
      ['cm-3', 'rsv-1'],
      ['cm-4', 'db-1'],
    ]);
    expect('object' in after.comments![0]!).toBe(false);
  });

  it('deleting a VPC takes its reservation, and both comments stay', () => {
    const after = applyChecked(p, removeObjects(p, ['vpc-a']));
    expect(after.reservations).toEqual([]);
    expect(after.comments!.every((c) => c.object === undefined)).toBe(true);
    expect(after.comments).toHaveLength(4);
  });

  it('deleting a reservation by id', () => {
    const after = applyChecked(p, removeObjects(p, ['rsv-1']));
    expect(after.reservations).toEqual([]);
    expect(after.comments!.find((c) => c.id === 'cm-3')!.object).toBeUndefined();
  });

  it('an IDC still on a CCN outlives its VPC, losing its vpc', () => {
    const q = basePlan({
      idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16'])],
      ccns: [ccn('ccn-1', ['vpc-a', 'idc-sh'])],
    });
    const after = applyChecked(q, removeObjects(q, ['vpc-a']));
    expect(after.idcs).toEqual([
      { id: 'idc-sh', name: 'idc-sh', cidrs: ['192.168.0.0/16'], link: 'vpn' },
    ]);
    expect(after.ccns[0]!.attachments).toEqual(['idc-sh']);
    const alone = basePlan({ idcs: [idc('idc-sh', 'vpc-a', ['192.168.0.0/16'])] });
    expect(applyChecked(alone, removeObjects(alone, ['vpc-a'])).idcs).toEqual([]);
  });
});

describe('notes change no verdict and no finding but their own', () => {
  it('for any sequence of note edits', () => {
    const base = basePlan();
    const full = analyzePlan(base);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(20)), { maxLength: 12 }), (steps) => {
        let p = base;
        for (const [pick, n] of steps) {
          const rs = p.reservations ?? [];
          const cs = p.comments ?? [];
          let ops: PlanOp[];
          if (pick === 0) ops = createReservation(p, { cidr: `10.${n}.0.0/16` }).ops;
          else if (pick === 1 && rs.length > 0) ops = deleteReservation(p, rs[n % rs.length]!.id);
          else if (pick === 2)
            ops = addComment(p, {
              ...(n % 2 ? { object: 'cls-1' } : {}),
              author: 'a',
              text: `${n}`,
              createdAt: at,
            }).ops;
          else if (pick === 3 && cs.length > 0)
            ops = resolveComment(p, cs[n % cs.length]!.id, n % 2 === 0);
          else if (pick === 4 && cs.length > 0)
            ops = replyToComment(p, cs[n % cs.length]!.id, {
              author: 'b',
              text: 'ok',
              createdAt: at,
            });
          else
            ops = removeObjects(p, cs.length > 0 ? [cs[0]!.object ?? 'db-1'] : ['db-1']).filter(
              (o) => o.op === 'comment',
            );
          p = applyChecked(p, ops);
        }
        const now = analyzePlan(p);
        expect(now.paths).toEqual(full.paths);
        expect(now.findings.filter((f) => !f.code.startsWith('RESERVATION_'))).toEqual(
          full.findings,
        );
      }),
      { numRuns: 60 },
    );
  });
});
