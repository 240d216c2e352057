// `cidr-canvas suggest PLAN.json --vpc VPC_ID --nodes N [--pods-per-node P] [--services S]`:
// sizes a new cluster in that VPC and finds it a container CIDR that conflicts with nothing
// (docs/spec/cli.md); with --mode vpc-cni, pod subnets per zone and a service CIDR instead.
// Exit 0 with a suggestion, 1 when nothing fits (with the reason), 2 when the plan cannot be read.
import { PlanIndex } from '../domain/model/plan-index';
import { AddressPlanner } from '../domain/planning/suggest';
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

interface Args {
  file?: string;
  vpc?: string;
  nodes?: number;
  podsPerNode?: number;
  services?: number;
  mode: 'global-router' | 'vpc-cni';
  zones?: string[];
  format: 'json' | 'text';
  help: boolean;
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { mode: 'global-router', format: 'json', help: false };
  const count = (name: string, value: string | undefined): number | undefined => {
    const n = Number(value);
    if (value === undefined || !/^\d+$/.test(value) || n < 1) {
      args.problem = `${name} takes a positive whole number, not ${value ?? 'nothing'}`;
      return undefined;
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => (a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i]);
    if (name === '--help' || name === '-h') args.help = true;
    else if (name === '--vpc') args.vpc = value();
    else if (name === '--nodes') args.nodes = count('--nodes', value());
    else if (name === '--pods-per-node') args.podsPerNode = count('--pods-per-node', value());
    else if (name === '--services') args.services = count('--services', value());
    else if (name === '--zones')
      args.zones = (value() ?? '')
        .split(',')
        .map((z) => z.trim())
        .filter(Boolean);
    else if (name === '--mode') {
      const v = value();
      if (v !== 'global-router' && v !== 'vpc-cni')
        args.problem = `--mode takes global-router or vpc-cni, not ${v ?? 'nothing'}`;
      else args.mode = v;
    } else if (name === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'text')
        args.problem = `--format takes json or text, not ${v ?? 'nothing'}`;
      else args.format = v;
    } else if (a.startsWith('-') && a !== '-') args.problem = `unknown option ${a}`;
    else if (args.file === undefined) args.file = a;
    else args.problem = `one plan file at a time (got ${args.file} and ${a})`;
  }
  if (!args.problem && !args.help) {
    if (args.file === undefined) args.problem = 'no plan file given';
    else if (!args.vpc) args.problem = '--vpc VPC_ID is required';
    else if (args.nodes === undefined) args.problem = '--nodes N is required';
  }
  return args;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.problem) {
    process.stderr.write(`suggest: ${args.problem}\n\n${USAGE}\n`);
    return 2;
  }
  const file = args.file!;
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
  const needs = { nodes: args.nodes!, podsPerNode: args.podsPerNode, services: args.services };
  const result =
    args.mode === 'vpc-cni'
      ? planner.suggestPodSubnets(args.vpc!, { ...needs, zones: args.zones })
      : planner.suggestCluster(args.vpc!, needs);
  const { ok, ...body } = result;
  process.stdout.write(
    args.format === 'text'
      ? suggestText(result, args.vpc!)
      : `${JSON.stringify(args.mode === 'vpc-cni' ? { mode: 'vpc-cni', ...body } : body, null, 2)}\n`,
  );
  if (!result.ok) process.stderr.write(`suggest: nothing fits: ${result.reason}\n`);
  return ok ? 0 : 1;
}
