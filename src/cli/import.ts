// `cidr-canvas import [--from KIND] FILE... [--into PLAN.json]`: a plan from descriptions of
// networks that already exist (Terraform state or .tf files, tccli responses), printed as JSON
// with a layout. Standard error ends with the report. Exit 0 when a plan was written, 2 when
// nothing could be imported (standard error says where and why).
import { readFileSync } from 'node:fs';
import type { Plan } from '../domain/model/plan';
import { importFiles } from '../io/import/import';
import { mergeImported } from '../io/import/merge';
import { formatReport } from '../io/import/report';
import { formatProblem, IMPORT_KINDS, type ImportFile } from '../io/import/types';
import { serializePlan } from '../io/serialize';
import { oneOf, parseOptions, UsageError } from './args';
import { readPlanFile } from './read-plan';

export const USAGE = `Usage: cidr-canvas import [--from KIND] FILE... [--into PLAN.json]

Builds a CIDR Canvas plan from networks that already exist and prints it, laid out.
KIND (detected from the content when absent):
  terraform-state   the JSON of \`terraform show -json\` (a state or a saved plan)
  terraform         .tf files for the tencentcloud provider
  tencentcloud-api  tccli responses: DescribeVpcs, DescribeSubnets, DescribeRouteTables,
                    DescribeNatGateways, DescribeVpcPeeringConnections, DescribeCcns,
                    DescribeCcnAttachedInstances, TKE DescribeClusters
--into PLAN.json merges into that plan: objects with the same id are updated, not duplicated.
Exit status: 0 a plan was written, 2 nothing could be imported.`;

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    from: { type: 'string' },
    into: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const from =
    values.from === undefined ? undefined : oneOf('from', values.from, IMPORT_KINDS, 'terraform');
  if (positionals.length === 0) throw new UsageError('no files to import');
  const files: ImportFile[] = [];
  for (const name of positionals) {
    try {
      files.push({ name, text: readFileSync(name === '-' ? 0 : name, 'utf8') });
    } catch (e) {
      process.stderr.write(`${name}: cannot read the file: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let into: Plan | undefined;
  if (values.into !== undefined) {
    const read = readPlanFile(values.into);
    if (!read.ok) {
      process.stderr.write(`${read.message}\n`);
      return 2;
    }
    into = read.plan;
  }
  const result = await importFiles(files, from ? { from } : {});
  if (!result.ok) {
    for (const p of result.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write('Nothing imported.\n');
    return 2;
  }
  let plan = result.plan;
  let merged = '';
  if (into) {
    const m = mergeImported(into, result.plan);
    plan = m.plan;
    merged = `Merged into ${values.into}: ${m.added} added, ${m.updated} updated, ${m.unchanged} unchanged.\n`;
  }
  process.stdout.write(serializePlan(plan));
  process.stderr.write(`${formatReport(result.report)}${merged}`);
  return 0;
}
