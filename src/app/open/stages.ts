// The steps of opening a plan file, in the order the progress names them. They run in the open
// worker (src/app/open/open.worker.ts) so the page keeps drawing the old plan meanwhile, and
// in-process in the unit tests.
import { analyzePlan } from '../../domain/analyze';
import type { ClusterCapacity } from '../../domain/capacity/capacity';
import type { Plan } from '../../domain/model/plan';
import type { Finding } from '../../domain/rules/codes';
import { formatPlanError } from '../../io/errors';
import { parsePlanText } from '../../io/parse';
import { hasCompleteLayout, withLayout } from '../auto-layout';
import type { OpenInput, Stage } from './stage-names';

export type OpenOutcome =
  | {
      readonly ok: true;
      readonly plan: Plan;
      /** What the validation found, so the new plan shows its problems as soon as it is drawn. */
      readonly findings: readonly Finding[];
      readonly capacity: readonly ClusterCapacity[];
      readonly ms: number;
      /** Whether the plan had no (complete) layout and was laid out here. */
      readonly laidOut: boolean;
    }
  | { readonly ok: false; readonly error: string };

/** Reads, parses, lays out and validates; says each stage as it starts. */
export async function runOpenStages(
  input: OpenInput,
  onStage: (stage: Stage) => void,
): Promise<OpenOutcome> {
  onStage('reading');
  const text = 'text' in input ? input.text : await input.file.text();
  onStage('parsing');
  const parsed = parsePlanText(text);
  if (!parsed.ok) return { ok: false, error: formatPlanError(parsed.error) };
  let plan = parsed.value;
  const laidOut = !hasCompleteLayout(plan);
  if (laidOut) {
    onStage('laying out');
    plan = await withLayout(plan);
  }
  onStage('validating');
  const t0 = performance.now();
  // Paths wait for a selection: a plan opens with nothing selected.
  const analysis = analyzePlan(plan, { kind: 'none' });
  return {
    ok: true,
    plan,
    findings: analysis.findings,
    capacity: analysis.capacity,
    ms: performance.now() - t0,
    laidOut,
  };
}
