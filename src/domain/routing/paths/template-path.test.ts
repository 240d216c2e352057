// A path filled from a template writes its message when read; it must read, print and compare as
// the plain path it stands for, and cross to another thread only as one.
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../../../bench/generate';
import { PlanIndex } from '../../model/plan-index';
import { Router } from '../route-table';
import { PathEngine } from './engine';
import { plainPath, TemplatePath } from './template-path';
import { compileTemplate, fillTemplate, MARK_ADDR, MARK_ID, MARK_NAME } from './templates';
import { pathResult } from './types';

const range = { family: 4, lo: 0x0a000000, hi: 0x0a0000ff, prefix: 24 } as const;
const deps = { vpcs: new Set<string>(), ccns: new Set<string>(), ranges: [] };

function template(snatTo?: string) {
  const standIn = pathResult(
    'cls-1',
    MARK_ID,
    snatTo ? 'snat' : 'direct',
    ['cls-1', 'sn-node', 'vpc-a', MARK_ID],
    null,
    `Pods reach ${MARK_NAME} (${MARK_ADDR}) as ${MARK_ID}`,
    snatTo,
  );
  return compileTemplate(standIn, range, deps);
}

describe('a path filled from a template', () => {
  it('reads as the plain path, and writes the same JSON with the fields in the same order', () => {
    for (const snatTo of [undefined, 'sn-node']) {
      const p = fillTemplate(template(snatTo), 'db-1', 'orders', '10.0.0.7');
      const plain = pathResult(
        'cls-1',
        'db-1',
        snatTo ? 'snat' : 'direct',
        ['cls-1', 'sn-node', 'vpc-a', 'db-1'],
        null,
        'Pods reach orders (10.0.0.7) as db-1',
        snatTo,
      );
      expect(p).toBeInstanceOf(TemplatePath);
      expect([p.from, p.to, p.verdict, p.reason, p.message, p.snatTo]).toEqual([
        plain.from,
        plain.to,
        plain.verdict,
        plain.reason,
        plain.message,
        plain.snatTo,
      ]);
      expect(JSON.stringify(p)).toBe(JSON.stringify(plain));
      expect(plainPath(p)).not.toBeInstanceOf(TemplatePath);
      expect(Object.keys(plainPath(p))).toEqual(Object.keys(plain));
    }
  });

  it('loses its message in a copy to another thread unless made plain first', () => {
    const p = fillTemplate(template(), 'db-1', 'orders', '10.0.0.7');
    expect((structuredClone(p) as { message?: string }).message).toBeUndefined();
    expect(structuredClone(plainPath(p)).message).toBe('Pods reach orders (10.0.0.7) as db-1');
  });

  it('is told apart by toEqual when only its message differs (the tests compare them plain)', () => {
    const a = fillTemplate(template(), 'db-1', 'orders', '10.0.0.7');
    const b = fillTemplate(template(), 'db-1', 'billing', '10.0.0.7');
    expect(a.hops).toEqual(b.hops);
    expect(a).not.toEqual(b);
    expect(a).toEqual(fillTemplate(template(), 'db-1', 'orders', '10.0.0.7'));
    expect(a).toEqual(plainPath(a));
  });

  it('is what a whole analysis keeps for most resources', () => {
    const plan = generatePlan(1_000, 7);
    const ix = new PlanIndex(plan);
    const paths = new PathEngine(ix, new Router(ix)).clusterDefaults(plan.clusters[0]!);
    const filled = paths.filter((p) => p instanceof TemplatePath).length;
    expect(filled).toBeGreaterThan(paths.length / 2);
  });
});
