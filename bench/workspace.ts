// `npm run bench -- --workspace [--seconds S] [--clients C] [--plans P]`: a bounded load test of
// the workspace server on loopback. C people (default 50) edit one plan, each a few times a
// second, while P other plans (default 200) are open; for S seconds (default 60). It reports how
// long an edit takes to reach the others (p50, p95, max), whether every copy ends equal (every
// client, and the server's own answer), and the server's memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { applyOpsToDoc, docToPlanJson } from '../src/collab/plan-doc';
import { canonicalJson } from '../scripts/analysis-fingerprint';
import {
  api,
  connect,
  createPlan,
  startServer,
  type LiveClient,
} from '../src/test-support/workspace';

const log = (s: string) => process.stderr.write(`${s}\n`);

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const n = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: expected a positive number`);
  return n;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/** Each person edits their own comment: "who-seq@sentAt", so arrival times can be measured. */
function edit(client: LiveClient, who: number, seq: number) {
  const id = `cm-load-${who}`;
  applyOpsToDoc(
    client.doc,
    [
      {
        op: 'comment',
        id,
        value: {
          id,
          author: `p${who}`,
          text: `${who}-${seq}@${Date.now()}`,
          createdAt: '2026-12-01',
        },
      },
    ],
    'load',
  );
}

export async function runWorkspaceBench(args: string[]): Promise<void> {
  const seconds = flag(args, 'seconds', 60);
  const people = flag(args, 'clients', 50);
  const others = flag(args, 'plans', 200);
  const sample = JSON.parse(readFileSync('src/app/templates/sample.plan.json', 'utf8')) as object;
  const data = mkdtempSync(join(tmpdir(), 'cidr-canvas-load-'));
  const server = await startServer(data);
  const pid = server.proc.pid!;
  try {
    const rssStart = rssMb(pid);
    log(`workspace load: ${people} people on one plan, ${others} other plans open, ${seconds} s`);
    const shared = await createPlan(server.url, sample);
    const clients: LiveClient[] = [];
    for (let i = 0; i < people; i++) clients.push(await connect(server.url, shared));
    const idle: LiveClient[] = [];
    for (let i = 0; i < others; i++) {
      const id = await createPlan(server.url, { ...sample, name: `plan ${i}` });
      idle.push(await connect(server.url, id));
    }
    const latencies: number[] = [];
    // Every person's copy hears every other person's edit: one latency per delivery.
    for (const [k, c] of clients.entries()) {
      c.doc.getMap<Y.Map<unknown>>('comments').observeDeep((events) => {
        const now = Date.now();
        for (const e of events) {
          const target = e.target instanceof Y.Map ? (e.target as Y.Map<unknown>) : undefined;
          const text: unknown = target?.get('text');
          if (typeof text !== 'string' || e.transaction.local) continue;
          const [who, sent] = [Number(text.split('-')[0]), Number(text.split('@')[1])];
          if (who !== k) latencies.push(now - sent);
        }
      });
    }
    const sent = new Array<number>(people).fill(0);
    const started = Date.now();
    const rate = 2; // edits per person per second
    let peak = rssStart;
    await new Promise<void>((resolve) => {
      const timers = clients.map((c, k) =>
        setInterval(
          () => {
            sent[k]!++;
            edit(c, k, sent[k]!);
          },
          1000 / rate + (k % 7),
        ),
      );
      const idleTimer = setInterval(() => {
        const c = idle[Math.floor(Math.random() * idle.length)]!;
        applyOpsToDoc(c.doc, [{ op: 'name', name: `touched ${Date.now()}` }], 'load');
      }, 50);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 1000);
      setTimeout(() => {
        for (const t of [...timers, idleTimer, sampler]) clearInterval(t);
        resolve();
      }, seconds * 1000);
    });
    await Promise.all(clients.map((c) => c.acknowledged()));
    // Let the last broadcasts arrive, then compare every copy.
    const settle = Date.now();
    // Key order inside a Yjs map follows arrival, which differs between copies: compare content.
    const copy = (c: LiveClient) => canonicalJson(docToPlanJson(c.doc));
    const want = copy(clients[0]!);
    while (Date.now() - settle < 10_000) {
      if (clients.every((c) => copy(c) === want)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const equalClients = clients.every((c) => copy(c) === want);
    const fromServer = (await (await api(server.url, `/api/plans/${shared}`)).json()) as {
      comments?: { id: string; text: string }[];
    };
    const lost: string[] = [];
    for (let k = 0; k < people; k++) {
      const c = fromServer.comments?.find((x) => x.id === `cm-load-${k}`);
      if (!c || !c.text.startsWith(`${k}-${sent[k]}@`)) lost.push(`person ${k}`);
    }
    latencies.sort((a, b) => a - b);
    const result = {
      seconds: Math.round((Date.now() - started) / 1000),
      people,
      otherPlans: others,
      editsSent: sent.reduce((a, b) => a + b, 0),
      deliveries: latencies.length,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: latencies.at(-1) ?? NaN,
      everyClientEqual: equalClients,
      lostUpdates: lost.length,
      serverRssMb: { start: rssStart, peak, end: rssMb(pid) },
    };
    for (const c of [...clients, ...idle]) c.destroy();
    const pass = equalClients && lost.length === 0 && result.p95Ms <= 250;
    process.stdout.write(
      [
        `Workspace load test on loopback (${result.seconds} s): ${people} people editing one plan ${rate}×/s each, ${others} other plans open`,
        `  edits sent ${result.editsSent}, deliveries measured ${result.deliveries}`,
        `  propagation p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (budget 250), max ${result.maxMs} ms`,
        `  every client's copy equal: ${equalClients ? 'yes' : 'NO'}; lost updates (server): ${lost.length}${lost.length ? ` (${lost.slice(0, 5).join(', ')})` : ''}`,
        `  server memory (RSS): ${rssStart} MB at start, ${peak} MB peak, ${result.serverRssMb.end} MB at the end`,
        `  ${pass ? 'PASS' : 'FAIL'}`,
        '',
      ].join('\n'),
    );
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!pass) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
