// `cidr-canvas suggest PLAN.json --vpc VPC_ID --nodes N [--pods-per-node P] [--services S]`:
// sizes a new cluster in that VPC and finds it a container CIDR that conflicts with nothing
// (docs/spec/cli.md); with --mode vpc-cni, pod subnets per zone and a service CIDR instead.
// Exit 0 with a suggestion, 1 when nothing fits (with the reason), 2 when the plan cannot be read.
import { PlanIndex } from '../domain/model/plan-index';
import { AddressPlanner } from '../domain/planning/suggest';
import { oneOf, parseOptions, positiveCount, UsageError } from './args';
import { readPlanFile } from './read-plan';
import { suggestText } from './suggest-report';

export const USAGE = `Usage: cidr-canvas suggest PLAN.json --vpc VPC_ID --nodes N [--pods-per-node P] [--services S]
                        [--mode global-router|vpc-cni] [--zones ZONE,...] [--format json|text]

Sizes a new TKE cluster in the VPC: the smallest container CIDR that holds N nodes of P pods
(default 64) and S services (default 256), at the lowest block of 172.16.0.0/12, then 10.0.0.0/8,
then 192.168.0.0/16 that overlaps nothing around the VPC, with the blocks passed over and why.
--mode vpc-cni: one pod subnet per zone (--zones, or the zones of the VPC's subnets) for the pods,
and a service CIDR.
Exit status: 0 a suggestion, 1 nothing fits, 2 the plan cannot be read or the arguments are wrong.`;

export function main(argv: readonly string[]): number {
  const { values, positionals } = parseOptions(argv, {
    vpc: { type: 'string' },
    nodes: { type: 'string' },
    'pods-per-node': { type: 'string' },
    services: { type: 'string' },
    zones: { type: 'string' },
    mode: { type: 'string' },
    format: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = {
    vpc: values.vpc,
    nodes: positiveCount('nodes', values.nodes),
    podsPerNode: positiveCount('pods-per-node', values['pods-per-node']),
    services: positiveCount('services', values.services),
    zones: values.zones
      ?.split(',')
      .map((z) => z.trim())
      .filter(Boolean),
    mode: oneOf('mode', values.mode, ['global-router', 'vpc-cni'], 'global-router'),
    format: oneOf('format', values.format, ['json', 'text'], 'json'),
  };
  if (positionals.length > 1)
    throw new UsageError(`one plan file at a time (got ${positionals[0]} and ${positionals[1]})`);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('no plan file given');
  if (!args.vpc) throw new UsageError('--vpc VPC_ID is required');
  if (args.nodes === undefined) throw new UsageError('--nodes N is required');
  const read = readPlanFile(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return 2;
  }
  const ix = new PlanIndex(read.plan);
  if (!ix.vpc(args.vpc)) {
    const known = read.plan.vpcs.map((v) => v.id).join(', ') || 'none';
    process.stderr.write(`suggest: ${file} has no VPC ${args.vpc} (its VPCs: ${known})\n`);
    return 2;
  }
  const planner = new AddressPlanner(ix);
  const needs = { nodes: args.nodes, podsPerNode: args.podsPerNode, services: args.services };
  const result =
    args.mode === 'vpc-cni'
      ? planner.suggestPodSubnets(args.vpc, { ...needs, zones: args.zones })
      : planner.suggestCluster(args.vpc, needs);
  const { ok, ...body } = result;
  process.stdout.write(
    args.format === 'text'
      ? suggestText(result, args.vpc)
      : `${JSON.stringify(args.mode === 'vpc-cni' ? { mode: 'vpc-cni', ...body } : body, null, 2)}\n`,
  );
  if (!result.ok) process.stderr.write(`suggest: nothing fits: ${result.reason}\n`);
  return ok ? 0 : 1;
}
