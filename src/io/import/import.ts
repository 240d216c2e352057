// Import: files in, a whole plan (with a layout) and a report out, or the problems and no plan.
// The HCL parser is loaded only when .tf files are imported.
import { KINDS, OBJECT_KINDS } from '../../domain/model/kinds';
import { COLLECTIONS, objectCount, type ObjectKind, type Plan } from '../../domain/model/plan';
import { parsePlanValue } from '../parse';
import { planToJson } from '../serialize';
import { applyCarried } from './carried';
import { detectKind } from './detect';
import { parseJsonFile } from './json-text';
import { layoutImported } from './layout';
import type { TfResource } from './resources';
import { readState } from './state';
import { readTccli } from './tccli/read';
import { mapTerraform } from './terraform/map';
import {
  ImportError,
  SkipList,
  type ImportFile,
  type ImportKind,
  type ImportProblem,
  type ImportResult,
} from './types';

export interface ImportOptions {
  /** The kind of input; detected from the content when absent. */
  readonly from?: ImportKind;
}

function fail(problems: ImportProblem[]): ImportResult {
  return { ok: false, problems };
}

function noTencentcloud(skipped: SkipList): string {
  const groups = skipped.list();
  const other = groups
    .filter((g) => g.reason === 'not tencentcloud')
    .map((g) => `${g.count} ${g.type} resource${g.count === 1 ? '' : 's'} skipped`);
  return `no tencentcloud resources${other.length > 0 ? `: ${other.join(', ')}` : ''}`;
}

/** The object an error's JSON path points into (`$.subnets[3].cidr` → that subnet's id). */
function objectAt(plan: Plan, path: string): string | undefined {
  const m = /^\$\.([A-Za-z]+)\[(\d+)\]/.exec(path);
  if (!m || !(COLLECTIONS as readonly string[]).includes(m[1]!)) return undefined;
  const list = plan[m[1] as (typeof COLLECTIONS)[number]];
  return list[Number(m[2])]?.id;
}

/** Checks the plan as the format reads it, lays it out and counts what came in. */
export function finish(
  kind: ImportKind,
  plan: Plan,
  skipped: SkipList,
  notes: string[],
): ImportResult {
  const objects = objectCount(plan);
  if (objects === 0) {
    return fail([
      {
        where: 'input',
        message: `nothing to import${
          skipped.total > 0
            ? `: ${skipped.total} input resources skipped (${skipped
                .list()
                .map((g) => `${g.count} ${g.type}: ${g.reason}`)
                .join('; ')})`
            : ''
        }`,
      },
    ]);
  }
  const checked = parsePlanValue(planToJson(plan));
  if (!checked.ok) {
    const id = objectAt(plan, checked.error.path);
    return fail([
      {
        where: id ?? checked.error.path,
        message: `${id ? `${checked.error.path.replace(/^\$\.[A-Za-z]+\[\d+\]\.?/, '') || 'object'}: ` : ''}${checked.error.message}`,
      },
    ]);
  }
  const counts: Partial<Record<ObjectKind, number>> = {};
  for (const k of OBJECT_KINDS) {
    const n = plan[KINDS[k].collection].length;
    if (n > 0) counts[k] = n;
  }
  const laid: Plan = { ...checked.value, layout: layoutImported(checked.value) };
  return { ok: true, plan: laid, report: { kind, counts, skipped: skipped.list(), notes } };
}

function fromResources(
  kind: ImportKind,
  resources: TfResource[],
  skipped: SkipList,
  notes: string[] = [],
  complete: (plan: Plan) => Plan = (plan) => plan,
): ImportResult {
  const mapped = mapTerraform(resources, skipped);
  if (!mapped.ok) return fail(mapped.problems);
  return finish(kind, complete(mapped.plan), skipped, [...notes, ...mapped.notes]);
}

export async function importFiles(
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  try {
    const kind = options.from ?? detectKind(files);
    const skipped = new SkipList();
    switch (kind) {
      case 'terraform-state': {
        const resources: TfResource[] = [];
        let tencentcloud = 0;
        for (const f of files) {
          const read = readState(f.name, parseJsonFile(f.name, f.text), skipped);
          resources.push(...read.resources);
          tencentcloud += read.tencentcloud;
        }
        if (tencentcloud === 0)
          return fail([
            { where: files.map((f) => f.name).join(', '), message: noTencentcloud(skipped) },
          ]);
        return fromResources(kind, resources, skipped);
      }
      case 'terraform': {
        const { readConfiguration } = await import('./hcl/configuration');
        const read = readConfiguration(files, skipped);
        if (!read.ok) return fail(read.problems);
        if (read.tencentcloud === 0)
          return fail([
            { where: files.map((f) => f.name).join(', '), message: noTencentcloud(skipped) },
          ]);
        return fromResources(kind, read.resources, skipped, read.notes, (plan) =>
          applyCarried(plan, read.carried),
        );
      }
      case 'tencentcloud-api': {
        const docs = files.map((f) => ({ name: f.name, doc: parseJsonFile(f.name, f.text) }));
        const read = readTccli(docs, skipped);
        if (!read.ok) return fail(read.problems);
        return finish(kind, read.plan, skipped, read.notes);
      }
    }
  } catch (e) {
    if (e instanceof ImportError) return fail([{ where: e.where, message: e.message }]);
    throw e;
  }
}
