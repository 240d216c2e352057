import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../model/plan';
import { basePlan, resource } from '../../test-support/builders';
import { applyOps, isCosmetic, type PlanOp } from './ops';
import { untypedUpdate } from './update';

/** An op that fits `p`, chosen by the numbers fast-check hands us. */
function opFor(p: Plan, pick: number, n: number, text: string): PlanOp {
  const subnets = p.subnets;
  const choice = pick % 6;
  if (choice === 0) {
    return {
      op: 'insert',
      collection: 'vpcs',
      object: { id: `v${n}-${p.vpcs.length}-${text.length}`, cidr: '10.9.0.0/16' },
      index: n % (p.vpcs.length + 1),
    };
  }
  if (choice === 1 && subnets.length > 0) {
    const s = subnets[n % subnets.length]!;
    return {
      op: 'update',
      collection: 'subnets',
      id: s.id,
      set: { name: text },
      ...(n % 2 ? { unset: ['zone'] } : {}),
    };
  }
  if (choice === 2 && p.resources.length > 0) {
    return { op: 'remove', collection: 'resources', id: p.resources[n % p.resources.length]!.id };
  }
  if (choice === 3)
    return {
      op: 'layout',
      id: subnets[0]?.id ?? 'vpc-a',
      box: n % 3 === 0 ? null : { x: n, y: -n, width: 100 + n },
    };
  if (choice === 4) return { op: 'name', name: n % 2 ? text : null };
  return { op: 'flows', flows: n % 2 ? [{ from: 'cls-1', to: 'internet' }] : null };
}

describe('applyOps', () => {
  it('returns ops that undo it exactly, for any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(50), fc.string({ maxLength: 8 })), { maxLength: 30 }),
        (steps) => {
          const start = basePlan({
            resources: [
              resource('db-1', 'sn-db', '10.0.2.10'),
              resource('db-2', 'sn-db', '10.0.2.11'),
            ],
          });
          let p = start;
          const ops: PlanOp[] = [];
          for (const [pick, n, text] of steps) {
            const op = opFor(p, pick, n, text);
            p = applyOps(p, [op]).plan;
            ops.push(op);
          }
          const applied = applyOps(start, ops);
          expect(applied.plan).toEqual(p);
          expect(applyOps(applied.plan, applied.inverse).plan).toEqual(start);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the position of a removed object when undone, so "later" stays later', () => {
    const p = basePlan();
    const { plan: gone, inverse } = applyOps(p, [
      { op: 'remove', collection: 'subnets', id: 'sn-node' },
    ]);
    expect(gone.subnets.map((s) => s.id)).toEqual(['sn-db']);
    expect(applyOps(gone, inverse).plan.subnets.map((s) => s.id)).toEqual(['sn-node', 'sn-db']);
  });

  it('refuses an op that does not fit the plan instead of corrupting it', () => {
    const p = basePlan();
    expect(() => applyOps(p, [{ op: 'remove', collection: 'vpcs', id: 'nope' }])).toThrow(
      /no vpcs with id nope/,
    );
    expect(() =>
      applyOps(p, [
        { op: 'insert', collection: 'vpcs', object: { id: 'vpc-a', cidr: '10.1.0.0/16' } },
      ]),
    ).toThrow(/already exists/);
    expect(() => applyOps(p, [untypedUpdate('vpcs', 'vpc-a', { id: 'x' })])).toThrow(
      /ids do not change/,
    );
  });

  it('does not change the plan it is given', () => {
    const p = basePlan();
    const before = JSON.stringify(p);
    applyOps(p, [
      {
        op: 'update',
        collection: 'clusters',
        id: 'cls-1',
        set: { containerCidr: '10.0.128.0/17' },
      },
      { op: 'layout', id: 'vpc-a', box: { x: 1, y: 2 } },
    ]);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('tells cosmetic ops (layout, name) from those the validator must see', () => {
    expect(isCosmetic({ op: 'layout', id: 'a', box: null })).toBe(true);
    expect(isCosmetic({ op: 'name', name: 'x' })).toBe(true);
    expect(isCosmetic({ op: 'remove', collection: 'vpcs', id: 'a' })).toBe(false);
    expect(isCosmetic({ op: 'flows', flows: null })).toBe(false);
  });
});

describe('update ops on the wire', () => {
  it('reads an update as stored before it was typed, and undoes it in the same shape', () => {
    const p = basePlan();
    const subnet = p.subnets[0]!;
    // As an undo stack or a workspace document kept it: plain JSON, fields by name.
    const stored = JSON.parse(
      `{"op":"update","collection":"subnets","id":"${subnet.id}","set":{"name":"web","zone":"ap-guangzhou-3"},"unset":["routeTable"]}`,
    ) as PlanOp;
    const r = applyOps(p, [stored]);
    expect(r.plan.subnets[0]).toMatchObject({ name: 'web', zone: 'ap-guangzhou-3' });
    const inverse = JSON.parse(JSON.stringify(r.inverse)) as unknown[];
    expect(inverse).toHaveLength(1);
    expect(Object.keys(inverse[0] as object).sort()).toEqual([
      'collection',
      'id',
      'op',
      'set',
      'unset',
    ]);
    expect(applyOps(r.plan, inverse as PlanOp[]).plan).toEqual(p);
  });

  it('writes an untyped update as the same JSON a typed one gives', () => {
    const typed: PlanOp = { op: 'update', collection: 'vpcs', id: 'vpc-a', set: { name: 'a' } };
    expect(JSON.stringify(untypedUpdate('vpcs', 'vpc-a', { name: 'a' }))).toBe(
      JSON.stringify(typed),
    );
    expect(untypedUpdate('subnets', 's', {}, ['zone'])).toEqual({
      op: 'update',
      collection: 'subnets',
      id: 's',
      set: {},
      unset: ['zone'],
    });
  });
});
