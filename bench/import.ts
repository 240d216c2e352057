// The import section of the bench: a `terraform show -json` state of about 10,000 and 100,000
// tencentcloud resources (from the generated plans) read into a plan, laid out and checked.
// Budgets from the issue: 10,000 resources <= 1 s, 100,000 <= 10 s.
import { importFiles } from '../src/io/import/import';
import { generatePlan } from './generate';
import { stateOf } from './import-state';

export interface ImportRow {
  readonly resources: number;
  readonly megabytes: number;
  readonly ms: number;
  readonly limitMs: number;
}

/** A state of at least `resources` resources (a plan object is about one resource). */
export async function measureImport(
  resources: number,
  seed: number,
  runs: number,
): Promise<ImportRow> {
  let objects = resources;
  let state = stateOf(generatePlan(objects, seed));
  while (state.resources < resources) {
    objects = Math.ceil((objects * resources) / state.resources) + 10;
    state = stateOf(generatePlan(objects, seed));
  }
  const { text } = state;
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = await importFiles([{ name: 'terraform.tfstate.json', text }]);
    const ms = performance.now() - t0;
    if (!r.ok)
      throw new Error(
        `the bench's state does not import: ${r.problems[0]?.where}: ${r.problems[0]?.message}`,
      );
    if (i > 0) times.push(ms); // the first run pays for compiling the readers
  }
  times.sort((a, b) => a - b);
  return {
    resources: state.resources,
    megabytes: text.length / 1048576,
    ms: times[Math.floor(times.length / 2)]!,
    limitMs: resources >= 100_000 ? 10_000 : 1_000,
  };
}
