// `npx tsx bench/side-by-side.ts OLD_TREE [sizes...] [--rounds N]`: the full validation of the
// generated plans (the bench's scope: every rule, every capacity, one cluster's paths) by an older
// tree and by this one in the same process, runs alternating, so that the machine's load falls on
// both alike. OLD_TREE is a checkout of the commit to compare with (for example
// `git worktree add /tmp/base main`, or `git archive main src bench | tar -x -C /tmp/base`) whose
// node_modules resolve (a symlink to this tree's will do).
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plan } from '../src/domain/model/plan';
import type { generatePlan } from './generate';

type Analyze = (plan: Plan, scope: { kind: 'clusters'; ids: string[] }) => unknown;

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const positional = args.filter((a, i) => !a.startsWith('--') && i !== roundsAt + 1);
const oldTree = resolve(positional[0] ?? '');
const sizes = positional.slice(1).map(Number);

async function load(tree: string): Promise<{ analyze: Analyze; generate: typeof generatePlan }> {
  const a = (await import(pathToFileURL(`${tree}/src/domain/analyze.ts`).href)) as {
    analyzePlan: Analyze;
  };
  const g = (await import(pathToFileURL(`${tree}/bench/generate.ts`).href)) as {
    generatePlan: typeof generatePlan;
  };
  return { analyze: a.analyzePlan, generate: g.generatePlan };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

const trees = { old: await load(oldTree), new: await load(resolve(import.meta.dirname, '..')) };
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  // The plan of this tree's generator for both: the same objects, whatever either tree holds.
  const plan = trees.new.generate(size, 20240601);
  const cluster = plan.clusters.find((c) => c.mode !== 'vpc-cni' && c.containerCidr)!;
  const scope = { kind: 'clusters' as const, ids: [cluster.id] };
  const runs = size >= 100_000 ? 5 : 15;
  for (const t of [trees.old, trees.new]) for (let i = 0; i < 2; i++) t.analyze(plan, scope);
  for (let round = 1; round <= ROUNDS; round++) {
    const ms = { old: [] as number[], new: [] as number[] };
    // CPU time of the process (the collector's helper threads included): on a shared machine a
    // run waits for a core as long as it computes, and the wait is not the code's.
    const cpu = { old: [] as number[], new: [] as number[] };
    for (let i = 0; i < runs; i++)
      for (const which of i % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        trees[which].analyze(plan, scope);
        ms[which].push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu[which].push((c.user + c.system) / 1000);
      }
    const load = os.loadavg()[0]!.toFixed(1);
    const o = median(ms.old);
    const n = median(ms.new);
    const co = median(cpu.old);
    const cn = median(cpu.new);
    process.stdout.write(
      `${size}: round ${round}: wall old ${fmt(o)} (min ${fmt(Math.min(...ms.old))}), new ${fmt(n)} (min ${fmt(Math.min(...ms.new))}) ms, new/old ${(n / o).toFixed(2)}; ` +
        `cpu old ${fmt(co)}, new ${fmt(cn)} ms, new/old ${(cn / co).toFixed(2)}; load ${load}\n`,
    );
  }
}
