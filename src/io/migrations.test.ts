// The migration mechanism, with a registry of its own (steps 1→2→3, latest 3), and a guard on the
// real registry: every step it holds is exercised, and while it is empty, version 1 plans pass
// through unchanged.
import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT, PLAN_VERSION } from '../domain/model/plan';
import { migrate, MIGRATIONS, type Json, type Migration } from './migrations';
import { parsePlanText } from './parse';
import { serializePlan } from './serialize';
import { basePlan } from '../test-support/builders';

/** 1→2 renames `nodes` to `nodeSubnets`; 2→3 adds `ipv6` from what step 1 wrote. */
const renameNodes: Migration = {
  from: 1,
  name: 'RenameNodes',
  up: (doc) => {
    const { nodes, ...rest } = doc;
    return {
      ...rest,
      nodeSubnets: nodes,
      trail: [...((doc.trail as string[]) ?? []), 'RenameNodes'],
    };
  },
};
const addIpv6: Migration = {
  from: 2,
  name: 'AddIpv6',
  up: (doc) => ({
    ...doc,
    ipv6: Array.isArray(doc.nodeSubnets) ? doc.nodeSubnets.length : -1,
    trail: [...((doc.trail as string[]) ?? []), 'AddIpv6'],
  }),
};
const REGISTRY: readonly Migration[] = [renameNodes, addIpv6];

const v1 = (): Json => ({ format: PLAN_FORMAT, version: 1, nodes: ['sn-a', 'sn-b'] });

describe('migrate with a registry of its own', () => {
  it('applies every step from the version up to the latest, in order', () => {
    const r = migrate(v1(), 1, REGISTRY, 3);
    expect(r).toEqual({
      ok: true,
      applied: ['RenameNodes', 'AddIpv6'],
      doc: {
        format: PLAN_FORMAT,
        version: 3,
        nodeSubnets: ['sn-a', 'sn-b'],
        ipv6: 2,
        trail: ['RenameNodes', 'AddIpv6'],
      },
    });
  });

  it('applies them in version order whatever the registry order', () => {
    const r = migrate(v1(), 1, [addIpv6, renameNodes], 3);
    expect(r.ok && r.applied).toEqual(['RenameNodes', 'AddIpv6']);
    expect(r.ok && r.doc.ipv6).toBe(2);
  });

  it('starts from the version given: a version 2 document takes only the last step', () => {
    const r = migrate({ version: 2, nodeSubnets: ['x'] }, 2, REGISTRY, 3);
    expect(r).toEqual({
      ok: true,
      applied: ['AddIpv6'],
      doc: { version: 3, nodeSubnets: ['x'], ipv6: 1, trail: ['AddIpv6'] },
    });
  });

  it('leaves a document at the latest version as it is', () => {
    const doc = { version: 3, a: 1 };
    const r = migrate(doc, 3, REGISTRY, 3);
    expect(r).toEqual({ ok: true, applied: [], doc: { version: 3, a: 1 } });
  });

  it('sets the version after each step, even when the step does not', () => {
    const seen: unknown[] = [];
    const spy = (from: number): Migration => ({
      from,
      name: `Step${from}`,
      up: (doc) => {
        seen.push(doc.version);
        return { ...doc };
      },
    });
    const r = migrate({ version: 1 }, 1, [spy(1), spy(2), spy(3)], 4);
    expect(seen).toEqual([1, 2, 3]);
    expect(r.ok && r.doc.version).toBe(4);
    expect(r.ok && r.applied).toEqual(['Step1', 'Step2', 'Step3']);
  });

  it('does not change the document it is given', () => {
    const doc = v1();
    const before = JSON.stringify(doc);
    migrate(doc, 1, REGISTRY, 3);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('a missing step is an error naming the versions', () => {
    const r = migrate(v1(), 1, [renameNodes], 3);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('2');
    expect(!r.ok && r.message).toContain('3');
  });

  it('a missing first step is an error before anything is applied', () => {
    let called = false;
    const r = migrate(v1(), 1, [{ ...addIpv6, up: (d) => ((called = true), d) }], 3);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/1.*2/);
    expect(called).toBe(false);
  });

  it('a throwing step is an error naming the step and what it said', () => {
    const broken: Migration = {
      from: 2,
      name: 'SplitZones',
      up: () => {
        throw new Error('zones is not an array');
      },
    };
    const r = migrate(v1(), 1, [renameNodes, broken], 3);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('SplitZones');
    expect(!r.ok && r.message).toContain('zones is not an array');
  });

  it('a step that throws something other than an Error is still an error, not a throw', () => {
    const odd: Migration = {
      from: 1,
      name: 'Odd',
      up: () => {
        throw 'nope'; // eslint-disable-line @typescript-eslint/only-throw-error
      },
    };
    let r: ReturnType<typeof migrate> | undefined;
    expect(() => (r = migrate(v1(), 1, [odd], 2))).not.toThrow();
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.message).toContain('Odd');
  });

  it('a step that throws null or undefined is an error, not a throw', () => {
    for (const thrown of [null, undefined]) {
      const odd: Migration = {
        from: 1,
        name: 'Odd',
        up: () => {
          throw thrown; // eslint-disable-line @typescript-eslint/only-throw-error
        },
      };
      let r: ReturnType<typeof migrate> | undefined;
      expect(() => (r = migrate(v1(), 1, [odd], 2))).not.toThrow();
      expect(r?.ok).toBe(false);
    }
  });
});

describe('the real registry (MIGRATIONS)', () => {
  it('holds one step for each version below the current one, in a chain', () => {
    const froms = MIGRATIONS.map((m) => m.from).sort((a, b) => a - b);
    expect(froms).toEqual(Array.from({ length: PLAN_VERSION - 1 }, (_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('every step is exercised: a document of each older version reaches the current one', () => {
    // With an empty registry this loop is empty; a new step makes it run.
    for (let version = 1; version < PLAN_VERSION; version++) {
      const r = migrate({ format: PLAN_FORMAT, version }, version);
      expect(r.ok).toBe(true);
      expect(r.ok && r.doc.version).toBe(PLAN_VERSION);
      expect(r.ok && r.applied).toEqual(
        MIGRATIONS.filter((m) => m.from >= version)
          .sort((a, b) => a.from - b.from)
          .map((m) => m.name),
      );
    }
  });

  it('is empty while the format is at version 1', () => {
    expect(PLAN_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });

  it('a version 1 document passes through unchanged', () => {
    const doc: Json = JSON.parse(serializePlan(basePlan())) as Json;
    const r = migrate(doc, 1);
    expect(r).toEqual({ ok: true, applied: [], doc });
  });

  it('a version 1 plan reads back unchanged through the reader', () => {
    const plan = basePlan();
    const r = parsePlanText(serializePlan(plan));
    expect(r.ok && r.value).toEqual(plan);
  });

  it('the reader runs no step on a current-version plan, even from a registry given to it', () => {
    const boom: Migration = {
      from: 1,
      name: 'Boom',
      up: () => {
        throw new Error('should not run');
      },
    };
    const r = parsePlanText(serializePlan(basePlan()), { migrations: [boom] });
    expect(r.ok).toBe(true);
  });
});
