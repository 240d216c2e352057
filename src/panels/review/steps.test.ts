// Review mode walks the open comments after the findings and before the paths.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/rules/codes';
import { basePlan, comment } from '../../test-support/builders';
import type { PathResult } from '../../domain/routing/paths';
import {
  carryStep,
  isUrgent,
  reviewSteps,
  sectionKey,
  sections,
  stepObjects,
  summarize,
} from './steps';

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
    // While comparing with another plan, the walk starts with what changed.
    expect(reviewSteps(basePlan(), [], [], true).map((s) => s.kind)).toEqual([
      'changes',
      'summary',
    ]);
  });
});

const path = (from: string, to: string, verdict: PathResult['verdict']): PathResult => ({
  from,
  to,
  verdict,
  hops: [from, to],
  reason: null,
  message: '',
});

describe('the review summary', () => {
  it('counts the unreachable and SNAT paths it will walk, and what comes after it', () => {
    const plan = basePlan({ comments: [comment('cm-1', 'look', { object: 'cls-1' })] });
    const paths = [
      path('cls-1', '10.0.1.5', 'direct'),
      path('cls-1', 'internet', 'snat'),
      path('cls-1', '192.168.0.1', 'unreachable'),
      path('cls-1', '192.168.0.2', 'unreachable'),
      // Not a cluster of the plan: never walked, so never counted.
      path('cls-gone', 'internet', 'unreachable'),
    ];
    const steps = reviewSteps(plan, [warning], paths);
    const sum = summarize(plan, [warning], [], steps);
    expect(sum).toMatchObject({ errors: 0, warnings: 1, unreachable: 2, snat: 1 });
    expect(sum.walk).toEqual({ findings: 1, comments: 1, paths: 4 });
    expect(steps.filter((s) => s.kind === 'path')).toHaveLength(4);
  });

  it('a plan with nothing to walk says so', () => {
    const plan = basePlan();
    const sum = summarize(plan, [], [], reviewSteps(plan, [], []));
    expect(sum).toMatchObject({
      unreachable: 0,
      snat: 0,
      walk: { findings: 0, comments: 0, paths: 0 },
    });
  });
});

const finding = (severity: 'error' | 'warning', code: string) =>
  ({ severity, code, message: code, objects: ['cls-1'] }) as unknown as Finding;

describe('sections and the urgent filter', () => {
  const plan = basePlan({ comments: [comment('cm-1', 'look')] });
  const paths = [path('cls-1', '10.0.1.5', 'direct'), path('cls-1', '192.168.0.1', 'unreachable')];
  const findings = [finding('warning', 'W1'), finding('error', 'E1'), finding('error', 'E2')];
  const steps = reviewSteps(plan, findings, paths);

  it('errors come before warnings, each section in one run with its count', () => {
    expect(steps.map((s) => (s.kind === 'finding' ? s.finding.code : s.kind))).toEqual([
      'summary',
      'E1',
      'E2',
      'W1',
      'comment',
      'path',
      'path',
    ]);
    expect(sections(steps)).toEqual([
      { key: 'summary', first: 0, count: 1 },
      { key: 'errors', first: 1, count: 2 },
      { key: 'warnings', first: 3, count: 1 },
      { key: 'comments', first: 4, count: 1 },
      { key: 'paths:cls-1', first: 5, count: 2, cluster: 'cls-1' },
    ]);
    // The hover of a finding step still points at its finding in the plan's list.
    expect(steps[1]).toMatchObject({ kind: 'finding', index: 1 });
  });

  it('only errors and unreachable paths: the filter keeps the summary and those', () => {
    const urgent = steps.filter(isUrgent);
    expect(urgent.map((s) => sectionKey(s))).toEqual([
      'summary',
      'errors',
      'errors',
      'paths:cls-1',
    ]);
    expect(urgent.at(-1)).toMatchObject({ path: { verdict: 'unreachable' } });
  });

  it('a filter turned on or off keeps the step in view, or moves to the next one kept', () => {
    const urgent = steps.filter(isUrgent);
    expect(carryStep(steps, 2, urgent)).toBe(2); // E2 is kept
    expect(carryStep(steps, 3, urgent)).toBe(3); // W1 is not: the unreachable path next
    expect(carryStep(urgent, 3, steps)).toBe(6); // and back
    expect(carryStep(steps, 99, urgent)).toBe(3);
  });
});
