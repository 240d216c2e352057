// Review mode walks the open comments after the findings and before the paths.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/rules/codes';
import { basePlan, comment } from '../../test-support/builders';
import { reviewSteps, stepObjects } from './steps';

const warning = {
  severity: 'warning',
  code: 'X',
  message: 'm',
  objects: ['cls-1'],
} as unknown as Finding;

describe('review steps for comments', () => {
  it('one step per open comment, after the findings, resolved ones left out', () => {
    const plan = basePlan({
      comments: [
        comment('cm-1', 'on the cluster', { object: 'cls-1' }),
        comment('cm-2', 'done', { object: 'cls-1', resolved: true }),
        comment('cm-3', 'on the plan'),
      ],
    });
    const steps = reviewSteps(plan, [warning], []);
    expect(steps.map((s) => s.kind)).toEqual(['summary', 'finding', 'comment', 'comment']);
    const [a, b] = steps.slice(2);
    expect(a).toMatchObject({ kind: 'comment', nth: 1, of: 2, comment: { id: 'cm-1' } });
    expect(b).toMatchObject({ kind: 'comment', nth: 2, of: 2, comment: { id: 'cm-3' } });
    expect(stepObjects(a!)).toEqual(['cls-1']);
    expect(stepObjects(b!)).toEqual([]);
  });

  it('a plan without comments has no comment step', () => {
    expect(reviewSteps(basePlan(), [], []).map((s) => s.kind)).toEqual(['summary']);
  });
});
