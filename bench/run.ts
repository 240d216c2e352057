// `npm run bench [-- --quick] [-- --json] [-- --planning [--no-live]] [-- --cli] [-- --workspace]`: how fast the validation
// core is on generated plans of 1,000, 10,000 and 100,000 objects (--quick: the first two),
// against the budgets of the issue; then the diff and the address planner on the largest
// (--planning: only those); then how fast a 10,000- and a 100,000-resource Terraform state
// imports (--quick: the first); and how fast the built `cidr-canvas validate` starts and answers
// on a small plan (--cli: only that).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzePlan, type PathScope } from '../src/domain/analyze';
import type { Plan } from '../src/domain/model/plan';
import type { PlanOp } from '../src/domain/ops/ops';
import { ValidationEngine } from '../src/worker/engine';
import { SearchIndex } from '../src/domain/search/search-index';
import type { FromWorker, ToWorker } from '../src/worker/protocol';
import { buildCli } from '../scripts/build-cli';
import { pairKey, pairsCidrTools, pairsIpaddr, pairsOurs, sweepOurs, type Pair } from './baselines';
import { countObjects, generatePlan, planCidrs, SPARE_CONTAINER_CIDR } from './generate';
import { measureDiff, measureSuggest, type DiffRow, type SuggestRow } from './planning';
import { measureImport, type ImportRow } from './import';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const JSON_OUT = args.includes('--json');
const PLANNING_ONLY = args.includes('--planning');
/** Leaves out the diff live in the worker: 200 edits through the incremental analyzer, minutes under load. */
const NO_LIVE = args.includes('--no-live');
/** --cli: only the command line tool's start and answer, a few seconds. */
const CLI_ONLY = args.includes('--cli');
const SIZES = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const SEED = 20240601;
/** A pairwise baseline whose one run is estimated to take longer than this is skipped. */
const PAIRWISE_LIMIT_MS = 60_000;

const runsFor = (size: number) => (size >= 100_000 ? 3 : 7);
const log = (line: string) => process.stderr.write(`${line}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median ms of `runs` timed calls, after `warmups` untimed ones; the lowest of three such medians.
 * The machines this runs on are shared: a neighbour's burst, or a garbage collection that the
 * previous measurement left behind, moves one median by half. The lowest of three is what the
 * code costs when the machine lets it run.
 */
const EDIT_RUNS = 11;
const EDIT_WARMUPS = 5;

function time(fn: (run: number) => void, runs: number, warmups = 1): number {
  for (let i = 0; i < warmups; i++) fn(-1 - i);
  let best = Infinity;
  for (let batch = 0; batch < (runs >= 7 ? 3 : 1); batch++) {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn(i);
      ms.push(performance.now() - t0);
    }
    best = Math.min(best, median(ms));
  }
  return best;
}

async function timeAsync(
  fn: (run: number) => Promise<void>,
  runs: number,
  warmups = 1,
): Promise<number> {
  return median(await samplesAsync(fn, runs, warmups));
}

/** Every timed run, for a budget that every run must meet (the edit round trip's). */
async function samplesAsync(
  fn: (run: number) => Promise<void>,
  runs: number,
  warmups = 1,
): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await fn(-1 - i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

/** The edit the benchmark makes: move a cluster to a free container CIDR, and back on the next run. */
function containerEdit(cluster: string, original: string, run: number): PlanOp[] {
  const containerCidr = run % 2 === 0 ? SPARE_CONTAINER_CIDR : original;
  return [{ op: 'update', collection: 'clusters', id: cluster, set: { containerCidr } }];
}

interface Baseline {
  readonly name: string;
  readonly pairs: (cidrs: readonly string[]) => Pair[];
  /** The last size measured, to estimate the next: pairwise time grows with N². */
  last?: { n: number; ms: number };
}

const BASELINES: Baseline[] = [
  { name: 'ipaddr.js', pairs: pairsIpaddr },
  { name: 'cidr-tools', pairs: pairsCidrTools },
];

interface Peer {
  readonly name: string;
  readonly ms: number | null;
  readonly ratio: number | null;
  readonly runs: number;
  readonly note?: string;
}

function measurePeer(b: Baseline, cidrs: readonly string[], ours: string, size: number): Peer {
  const estimate = b.last ? b.last.ms * (cidrs.length / b.last.n) ** 2 : 0;
  if (estimate > PAIRWISE_LIMIT_MS) {
    const note = `skipped: one run estimated at ${(estimate / 1000).toFixed(0)} s (> ${PAIRWISE_LIMIT_MS / 1000} s)`;
    return { name: b.name, ms: null, ratio: null, runs: 0, note };
  }
  // Long runs are repeated less: one run of many seconds is already a stable number.
  const runs = estimate > 5_000 ? 1 : estimate > 1_000 ? 3 : runsFor(size);
  let pairs: Pair[] = [];
  const ms = time(
    () => {
      pairs = b.pairs(cidrs);
    },
    runs,
    estimate > 5_000 ? 0 : 1,
  );
  if (pairKey(pairs) !== ours) throw new Error(`${b.name} found other overlapping pairs than ours`);
  b.last = { n: cidrs.length, ms };
  return { name: b.name, ms, ratio: null, runs };
}

function request(worker: Worker, message: ToWorker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: FromWorker) =>
      m.type === 'result' ? resolve(m) : reject(new Error(`worker failed: ${m.message}`)),
    );
    worker.postMessage(message);
  });
}

function peakMemory(size: number): { peakRssMb: number; afterGenerateMb: number } {
  const script = fileURLToPath(new URL('./memory.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, String(size), String(SEED)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { peakRssMb: number; afterGenerateMb: number };
}

interface Row {
  size: number;
  objects: number;
  findings: number;
  paths: number;
  validateMs: number;
  ranges: number;
  pairs: number;
  oursMs: number;
  peers: Peer[];
  editMs: number;
  workerLoadMs: number;
  workerEditMs: number;
  /** The slowest of the timed edits: the issue's budget holds for every one of them. */
  workerEditMaxMs: number;
  searchBuildMs: number;
  searchKeystrokeMs: number;
  peakRssMb: number;
  afterGenerateMb: number;
}

async function measure(size: number): Promise<Row> {
  const runs = runsFor(size);
  const plan: Plan = generatePlan(size, SEED);
  const cluster = plan.clusters.find((c) => c.mode !== 'vpc-cni' && c.containerCidr)!;
  const original = cluster.containerCidr!;
  const scope: PathScope = { kind: 'clusters', ids: [cluster.id] };
  log(`${size}: ${countObjects(plan)} objects`);

  const analysis = analyzePlan(plan, scope);
  const validateMs = time(() => analyzePlan(plan, scope), runs);
  log(`  full validation ${validateMs.toFixed(1)} ms`);

  const cidrs = planCidrs(plan);
  const ours = pairKey(pairsOurs(cidrs));
  const oursMs = time(() => sweepOurs(cidrs), runs);
  const peers = BASELINES.map((b) => {
    const p = measurePeer(b, cidrs, ours, size);
    log(`  overlap pairs: ours ${oursMs.toFixed(2)} ms, ${b.name} ${p.ms?.toFixed(0) ?? p.note}`);
    return { ...p, ratio: p.ms === null ? null : p.ms / oursMs };
  });

  // An edit costs milliseconds, so it is timed more often than a validation, after a few untimed
  // ones: the first edits after a load run while V8 is still compiling the incremental paths
  // (tens of milliseconds at 100k), which an architect pays once per session, not per keystroke.
  const editRuns = Math.max(runs, EDIT_RUNS);
  const engine = new ValidationEngine();
  let revision = 0;
  engine.handle([{ type: 'load', revision: revision++, plan, scope }]);
  const editMs = time(
    (run) => {
      const ops = containerEdit(cluster.id, original, run);
      const reply = engine.handle([{ type: 'edit', revision: revision++, ops }]);
      if (reply?.type !== 'result') throw new Error('the engine did not answer the edit');
    },
    editRuns,
    EDIT_WARMUPS,
  );
  log(`  edit in-process ${editMs.toFixed(1)} ms`);

  const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url));
  const workerLoadMs = await timeAsync(async () => {
    await request(worker, { type: 'load', revision: revision++, plan, scope });
  }, runs);
  const workerEdits = await samplesAsync(
    async (run) => {
      const ops = containerEdit(cluster.id, original, run);
      await request(worker, { type: 'edit', revision: revision++, ops });
    },
    editRuns,
    EDIT_WARMUPS,
  );
  const workerEditMs = median(workerEdits);
  const workerEditMaxMs = Math.max(...workerEdits);
  await worker.terminate();
  log(
    `  worker round trip: load ${workerLoadMs.toFixed(1)} ms, edit ${workerEditMs.toFixed(1)} ms (slowest of ${workerEdits.length}: ${workerEditMaxMs.toFixed(1)} ms)`,
  );

  const search = measureSearch(plan);
  log(
    `  search: index ${search.buildMs.toFixed(0)} ms, worst keystroke ${search.keystrokeMs.toFixed(2)} ms`,
  );

  const memory = peakMemory(size);
  log(`  peak RSS ${memory.peakRssMb.toFixed(0)} MB`);
  return {
    size,
    objects: countObjects(plan),
    findings: analysis.findings.length,
    paths: analysis.paths.length,
    validateMs,
    ranges: cidrs.length,
    pairs: ours === '' ? 0 : ours.split(',').length,
    oursMs,
    peers,
    editMs,
    workerLoadMs,
    workerEditMs,
    workerEditMaxMs,
    searchBuildMs: search.buildMs,
    searchKeystrokeMs: search.keystrokeMs,
    ...memory,
  };
}

/** The plan `cidr-canvas validate` is timed on: a template of about ten objects, two clusters. */
const CLI_PLAN = fileURLToPath(
  new URL('../src/app/templates/two-clusters-one-vpc.plan.json', import.meta.url),
);
const CLI_RUNS = 21;
/** The CLI budget is not measured on a generated size: this stands for it among the sizes. */
const CLI_SIZE = 0;

interface CliRow {
  objects: number;
  /** Median wall time of `node cli/dist/cidr-canvas.js validate PLAN`, spawned. */
  validateMs: number;
  /** Median wall time of `node -e 0`: what starting Node costs on this machine now. */
  nodeMs: number;
  ratio: number;
  runs: number;
}

/** Wall time of one spawned run; the command must succeed. */
function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${String(r.stderr)}`);
  return ms;
}

/**
 * The built tool (bundled as `npm run build:cli` does, into a folder of its own) against bare
 * Node, runs interleaved so that a neighbour's burst hits both alike.
 */
async function measureCli(): Promise<CliRow> {
  const dir = mkdtempSync(join(os.tmpdir(), 'cidr-canvas-bench-cli-'));
  try {
    const { entry } = await buildCli(join(dir, 'package'));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, readFileSync(CLI_PLAN));
    const validate = [entry, 'validate', plan];
    const bare = ['-e', '0'];
    for (let i = 0; i < 3; i++) {
      wallMs(validate);
      wallMs(bare);
    }
    const ours: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      ours.push(wallMs(validate));
      node.push(wallMs(bare));
    }
    const validateMs = median(ours);
    const nodeMs = median(node);
    const objects = countObjects(JSON.parse(readFileSync(CLI_PLAN, 'utf8')) as Plan);
    log(
      `cli: cidr-canvas validate on ${objects} objects ${validateMs.toFixed(0)} ms, node -e 0 ${nodeMs.toFixed(0)} ms (${(validateMs / nodeMs).toFixed(2)}x)`,
    );
    return { objects, validateMs, nodeMs, ratio: validateMs / nodeMs, runs: CLI_RUNS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The command bar: building the index (once per plan, on the first search after an edit) and the
 * slowest keystroke of typing a name, an address, a CIDR and a one-letter query, each prefix of
 * each query searched as the person types it.
 */
function measureSearch(plan: Plan): { buildMs: number; keystrokeMs: number } {
  const buildMs = time(() => new SearchIndex(plan), 3);
  const index = new SearchIndex(plan);
  const subnet = plan.subnets[plan.subnets.length - 1]!;
  const address = subnet.cidr.replace(/\.0\/\d+$/, '.9');
  const queries = [subnet.name ?? subnet.id, subnet.id, address, subnet.cidr, 's', 'backbone'];
  let keystrokeMs = 0;
  for (const q of queries)
    for (let n = 1; n <= q.length; n++) {
      const typed = q.slice(0, n);
      keystrokeMs = Math.max(
        keystrokeMs,
        time(() => index.search(typed), 5),
      );
    }
  return { buildMs, keystrokeMs };
}

interface Budget {
  readonly name: string;
  /** The plan size it is measured on. */
  readonly size: number;
  readonly limit: string;
  readonly value: number | undefined;
  readonly unit: string;
  readonly pass: (v: number) => boolean;
  /**
   * The core issue's target, where it is stricter than the gate: printed beside the gate, so a
   * run says plainly what is met and what is not, while CI fails only on a regression past the
   * gate.
   */
  readonly target?: { readonly text: string; readonly met: (v: number) => boolean };
}

/**
 * The command line's budget is 150 ms where Node itself starts in 80 ms, as on this machine when
 * it is quiet (`node -e 0` 76 ms). When Node alone takes longer (a loaded machine: 158–181 ms
 * seen with other jobs running) the limit grows in proportion, so that the gate measures the
 * command's own start and not the neighbours'.
 */
export function cliLimitMs(nodeMs: number): number {
  return 150 * Math.max(1, nodeMs / 80);
}

function budgets(rows: readonly Row[], cli: CliRow): Budget[] {
  const at = (size: number) => rows.find((r) => r.size === size);
  const ipaddrRatio = at(10_000)?.peers.find((p) => p.name === 'ipaddr.js')?.ratio ?? undefined;
  return [
    {
      name: 'full validation, 10k objects',
      size: 10_000,
      // 50 ms again: the speed work of 2026-12-01 (docs/performance.md) took the 10k validation's
      // CPU time down by about a fifth side by side, more than the path engine's split into
      // modules had cost. The issue's target, 20 ms, is not reached.
      limit: '<= 50 ms',
      value: at(10_000)?.validateMs,
      unit: 'ms',
      pass: (v) => v <= 50,
      target: { text: '<= 20 ms', met: (v) => v <= 20 },
    },
    {
      name: 'full validation, 100k objects',
      size: 100_000,
      limit: '<= 600 ms',
      value: at(100_000)?.validateMs,
      unit: 'ms',
      pass: (v) => v <= 600,
      target: { text: '<= 250 ms', met: (v) => v <= 250 },
    },
    {
      name: 'edit on a 100k plan, worker round trip, median',
      size: 100_000,
      limit: '<= 16 ms',
      value: at(100_000)?.workerEditMs,
      unit: 'ms',
      pass: (v) => v <= 16,
      target: { text: '<= 16 ms', met: (v) => v <= 16 },
    },
    {
      // The issue's budget holds for every timed edit, not only the middle one.
      name: 'the same, slowest of the 11 runs',
      size: 100_000,
      limit: '<= 16 ms',
      value: at(100_000)?.workerEditMaxMs,
      unit: 'ms',
      pass: (v) => v <= 16,
      target: { text: '<= 16 ms', met: (v) => v <= 16 },
    },
    {
      name: 'overlap pairs vs pairwise ipaddr.js, 10k',
      size: 10_000,
      limit: '>= 100x',
      value: ipaddrRatio,
      unit: 'x',
      pass: (v) => v >= 100,
      target: { text: '>= 200x', met: (v) => v >= 200 },
    },
    {
      name: 'search keystroke, 100k objects',
      size: 100_000,
      limit: '<= 50 ms',
      value: at(100_000)?.searchKeystrokeMs,
      unit: 'ms',
      pass: (v) => v <= 50,
    },
    {
      name: 'peak memory validating 100k',
      size: 100_000,
      // The issue's budget: 207 MB measured on 2026-12-01 (214–227 MB before that day's work).
      limit: '<= 300 MB',
      value: at(100_000)?.peakRssMb,
      unit: 'MB',
      pass: (v) => v <= 300,
      target: { text: '<= 300 MB', met: (v) => v <= 300 },
    },
    {
      name: `cidr-canvas validate, ${cli.objects} objects, wall`,
      size: CLI_SIZE,
      limit: `<= ${cliLimitMs(cli.nodeMs).toFixed(0)} ms`,
      value: cli.validateMs,
      unit: 'ms',
      pass: (v) => v <= cliLimitMs(cli.nodeMs),
    },
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const fmt = (v: number) =>
  Number.isNaN(v) ? 'skipped' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);

function targetCell(c: { value: number | null; target?: Budget['target'] }): string {
  if (!c.target) return '';
  if (c.value === null) return `${c.target.text}: not measured`;
  return `${c.target.text}: ${c.target.met(c.value) ? 'met' : 'missed'}`;
}

function peerCell(p: Peer | undefined): string {
  if (!p || p.ms === null) return 'skipped';
  return `${fmt(p.ms)} (${p.ratio!.toFixed(0)}x)`;
}

async function main(): Promise<void> {
  if (args.includes('--workspace')) {
    // The workspace server's load test: a minute of its own, not part of the core's figures.
    const { runWorkspaceBench } = await import('./workspace');
    return runWorkspaceBench(args);
  }
  const started = performance.now();
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const rows: Row[] = [];
  if (!PLANNING_ONLY && !CLI_ONLY) for (const size of SIZES) rows.push(await measure(size));
  const planning = CLI_ONLY ? undefined : measurePlanning(SIZES[SIZES.length - 1]!);
  const cli = await measureCli();
  const first = budgets(rows, cli);
  // This machine is shared: a time can jump by a third between runs. A size with a missed budget
  // is measured once more, and the budget fails only if it is missed both times.
  const missed = new Set(
    first.flatMap((b) => (b.value !== undefined && !b.pass(b.value) ? [b.size] : [])),
  );
  const again: Row[] = [];
  let cliAgain: CliRow | undefined;
  for (const size of missed) {
    if (size === CLI_SIZE) {
      log('the command line budget was missed: measuring it again');
      cliAgain = await measureCli();
      continue;
    }
    log(`a budget at ${size} objects was missed: measuring that size again`);
    again.push(await measure(size));
  }
  const second = budgets(
    rows.map((r) => again.find((a) => a.size === r.size) ?? r),
    cliAgain ?? cli,
  );
  const checks = first.map((b, i) => {
    const retry = second[i]!;
    const passedFirst = b.value !== undefined && b.pass(b.value);
    const passedAgain = !passedFirst && retry.value !== undefined && retry.pass(retry.value);
    return {
      name: b.name,
      limit: b.limit,
      value: (passedAgain || (!passedFirst && missed.has(b.size)) ? retry.value : b.value) ?? null,
      unit: b.unit,
      ...(b.target ? { target: b.target } : {}),
      status:
        b.value === undefined
          ? 'NOT MEASURED'
          : passedFirst
            ? 'PASS'
            : passedAgain
              ? 'PASS (2nd run)'
              : 'FAIL',
      ...(missed.has(b.size) && !passedFirst ? { firstValue: b.value } : {}),
    };
  });
  if (planning) checks.push(...planningChecks(planning));
  // Import: its own section; --quick keeps only the 10,000-resource state.
  const imports: (ImportRow & { status: string; firstMs?: number })[] = [];
  for (const size of PLANNING_ONLY || CLI_ONLY ? [] : QUICK ? [10_000] : [10_000, 100_000]) {
    log(`import: a state of ${size.toLocaleString('en-US')} resources`);
    const first = await measureImport(size, SEED, size >= 100_000 ? 3 : 5);
    if (first.ms <= first.limitMs) imports.push({ ...first, status: 'PASS' });
    else {
      log(`import of ${size} resources missed its budget: measuring again`);
      const second = await measureImport(size, SEED, size >= 100_000 ? 3 : 5);
      imports.push({
        ...second,
        firstMs: first.ms,
        status: second.ms <= second.limitMs ? 'PASS (2nd run)' : 'FAIL',
      });
    }
  }
  if (checks.some((c) => c.status === 'FAIL') || imports.some((i) => i.status === 'FAIL'))
    process.exitCode = 1;
  const seconds = (performance.now() - started) / 1000;
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

  if (JSON_OUT) {
    const result = {
      date: new Date().toISOString(),
      command,
      seed: SEED,
      machine,
      rows,
      planning,
      cli: cliAgain ?? cli,
      budgets: checks,
      imports,
      seconds,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`,
  );
  out.push(`${new Date().toISOString()}  ${command}  (seed ${SEED}, ${seconds.toFixed(0)} s)`, '');
  out.push(
    table(
      [
        'size',
        'objects',
        'validate ms',
        'ranges',
        'ours ms',
        'ipaddr.js ms (ratio)',
        'cidr-tools ms (ratio)',
        'edit ms',
        'worker load ms',
        'worker edit ms',
        'search index ms',
        'search key ms',
        'peak RSS MB',
      ],
      rows.map((r) => [
        r.size.toLocaleString('en-US'),
        String(r.objects),
        fmt(r.validateMs),
        String(r.ranges),
        fmt(r.oursMs),
        peerCell(r.peers[0]),
        peerCell(r.peers[1]),
        fmt(r.editMs),
        fmt(r.workerLoadMs),
        fmt(r.workerEditMs),
        fmt(r.searchBuildMs),
        fmt(r.searchKeystrokeMs),
        r.peakRssMb.toFixed(0),
      ]),
    ),
  );
  for (const r of rows)
    for (const p of r.peers) if (p.note) out.push(`${r.size}: ${p.name} ${p.note}`);
  const c = cliAgain ?? cli;
  if (planning) out.push('', planningTable(planning));
  out.push(
    '',
    `cidr-canvas validate (built bundle, ${c.objects}-object plan): median wall ${fmt(c.validateMs)} ms of ${c.runs} runs; ` +
      `node -e 0: ${fmt(c.nodeMs)} ms; ratio ${c.ratio.toFixed(2)}x`,
    '',
  );
  out.push(
    table(
      ['budget', 'limit', 'measured', 'status', 'issue 11 target'],
      checks.map((c) => [
        c.name,
        c.limit,
        c.value === null ? '-' : `${fmt(c.value)} ${c.unit}`,
        c.status,
        targetCell(c),
      ]),
    ),
  );
  out.push('');
  out.push(
    table(
      ['import (terraform show -json)', 'resources', 'MB', 'ms', 'limit', 'status'],
      imports.map((i) => [
        `state of ${i.resources.toLocaleString('en-US')} resources`,
        String(i.resources),
        i.megabytes.toFixed(1),
        fmt(i.ms),
        `<= ${i.limitMs} ms`,
        i.status,
      ]),
    ),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

interface Planning {
  readonly diff: DiffRow;
  readonly suggest: SuggestRow;
}

function measurePlanning(size: number): Planning {
  const plan = generatePlan(size, SEED);
  log(`planning queries on ${countObjects(plan)} objects`);
  const suggest = measureSuggest(plan, size, time);
  log(
    `  free-space query ${suggest.freeQueryMs.toFixed(4)} ms among ${suggest.ranges} ranges, suggestion ${suggest.suggestMs.toFixed(3)} ms`,
  );
  const diff = measureDiff(plan, size, SEED, time, { live: !NO_LIVE });
  log(
    `  diff ${diff.diffMs.toFixed(1)} ms (${diff.filesDiffMs.toFixed(1)} ms from two files), with both analyses ${diff.endToEndMs.toFixed(0)} ms, live in the worker ${diff.liveMs.toFixed(0)} ms (${diff.liveNoCompareMs.toFixed(0)} ms without comparing; comparison started in ${diff.liveStartMs.toFixed(0)} ms)`,
  );
  return { diff, suggest };
}

function planningChecks(p: Planning) {
  const check = (name: string, limit: string, value: number, pass: boolean) => ({
    name,
    limit,
    value,
    unit: 'ms',
    status: pass ? 'PASS' : 'FAIL',
  });
  const big = p.diff.size >= 100_000;
  if (!big) return [];
  return [
    check(
      'diff of two 100k plans (two files, analyses known)',
      '<= 1000 ms',
      p.diff.filesDiffMs,
      p.diff.filesDiffMs <= 1000,
    ),
    check(
      'free-space query, 100k ranges',
      '<= 5 ms',
      p.suggest.freeQueryMs,
      p.suggest.freeQueryMs <= 5,
    ),
    check('suggestion query, 100k plan', '<= 5 ms', p.suggest.suggestMs, p.suggest.suggestMs <= 5),
  ];
}

function planningTable(p: Planning): string {
  const d = p.diff;
  const s = p.suggest;
  return table(
    ['planning, ' + d.size.toLocaleString('en-US') + ' objects', 'ms', 'what'],
    [
      [
        'diff, analyses known',
        fmt(d.diffMs),
        `${d.edits} random edits: ${d.added} added, ${d.removed} removed, ${d.changed} changed, ${d.findingsIntroduced} findings introduced, ${d.pathsChanged} paths changed`,
      ],
      [
        'diff, two files',
        fmt(d.filesDiffMs),
        'the same two plans and analyses read from two files: no object shared (the budget)',
      ],
      [
        'diff from two plans',
        fmt(d.endToEndMs),
        'both analysed (paths of the edited cluster), then compared',
      ],
      [
        'diff live in the worker',
        fmt(d.liveMs),
        `the ${d.edits} edits as one batch to a worker comparing with the base: incremental analysis and live diff (${d.liveSummary})`,
      ],
      [
        'the same batch, not comparing',
        fmt(d.liveNoCompareMs),
        'incremental analysis alone: the live diff costs the difference',
      ],
      [
        'comparison started',
        fmt(d.liveStartMs),
        'once, in the worker: the base analysed and the whole plan compared',
      ],
      ['free-space index build', fmt(s.buildMs), `${s.ranges} IPv4 ranges, sorted and merged once`],
      [
        'free-space query',
        s.freeQueryMs.toFixed(4),
        'first free block, /12 to /28 in each private range',
      ],
      [
        'suggestion query',
        s.suggestMs.toFixed(4),
        `a sized cluster among the ${s.vpcRanges} ranges around a VPC, with what it passed over`,
      ],
      ['suggestion index build', fmt(s.suggestBuildMs), 'once per plan and VPC'],
    ],
  );
}

await main();
