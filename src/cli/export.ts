// `cidr-canvas export --format terraform|csv|svg [--force] PLAN.json`: the plan as Terraform for
// the tencentcloud provider, its address table as CSV, or a picture of it as SVG (drawn where its
// stored layout puts each object), on standard output. Exit 0 on success, 1 when the plan has
// error findings and Terraform was asked for without --force (they go to standard error), 2 when
// the file cannot be read as a plan (standard error then says where and why), when a picture is
// asked of a plan without a layout, or when the arguments are wrong.
import { analyzePlan } from '../domain/analyze';
import { planToCsv } from '../io/export/address-table';
import { NoLayoutError, pictureFromPlan } from '../io/export/picture/from-plan';
import { renderSvg } from '../io/export/picture/svg';
import { planToTerraform } from '../io/export/terraform';
import { oneOf, parseOptions, UsageError } from './args';
import { readPlanFile } from './read-plan';

export const USAGE = `Usage: cidr-canvas export --format terraform|csv|svg [--force] PLAN.json

Writes a CIDR Canvas plan to standard output as Terraform (HCL) for the tencentcloud provider,
as a CSV table of every address range in it, or as an SVG picture of it with its paths (the
plan needs a layout: save it from CIDR Canvas). A plan with error findings is written as
Terraform only with --force; the file then opens with a comment listing them.
Exit status: 0 written, 1 the plan has error findings (Terraform without --force; they are
listed on standard error), 2 the file is not a readable plan, has no layout to draw, or the
arguments are wrong.`;

const FORMATS = ['terraform', 'csv', 'svg'] as const;

export function main(argv: readonly string[]): number {
  const { values, positionals: files } = parseOptions(argv, {
    format: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (files.length > 1)
    throw new UsageError(`one plan file at a time (got ${files[0]} and ${files[1]})`);
  if (values.format === undefined)
    throw new UsageError('no format given (--format terraform, csv or svg)');
  const format = oneOf('format', values.format, FORMATS, 'terraform');
  const file = files[0];
  if (file === undefined) throw new UsageError('no plan file given');
  const read = readPlanFile(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return 2;
  }
  if (format === 'csv') {
    process.stdout.write(planToCsv(read.plan));
    return 0;
  }
  if (format === 'svg') {
    try {
      process.stdout.write(`${renderSvg(pictureFromPlan(read.plan, analyzePlan(read.plan)))}\n`);
    } catch (e) {
      if (!(e instanceof NoLayoutError)) throw e;
      process.stderr.write(`${file}: ${e.message}\n`);
      return 2;
    }
    return 0;
  }
  const errors = analyzePlan(read.plan, { kind: 'none' }).findings.filter(
    (f) => f.severity === 'error',
  );
  if (errors.length > 0 && !values.force) {
    process.stderr.write(
      `export: ${file} has ${errors.length} error finding${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'}, or export anyway with --force:\n${errors
        .map((f) => `  ${f.code} (${f.objects.join(', ')}): ${f.message}\n`)
        .join('')}`,
    );
    return 1;
  }
  process.stdout.write(planToTerraform(read.plan, { errors }));
  return 0;
}
