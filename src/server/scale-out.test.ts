// Two server processes behind one Redis, as a team runs them when one machine is not enough:
// people connected to different processes edit one plan and see each other, and what is stored
// is every edit once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { applyOpsToDoc } from '../collab/plan-doc';
import { readDocPlan } from '../collab/read-plan';
import { api, connect, createPlan, startServer, until } from '../test-support/workspace';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis did not start:\n${out}`)), 15_000);
    redis.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    redis.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not run (run scripts/ensure-system.mjs): ${e.message}`));
    });
  });
  return redis;
}

const sample = JSON.parse(readFileSync('src/app/templates/sample.plan.json', 'utf8')) as {
  vpcs: { id: string; name: string }[];
};

const rename = (doc: Y.Doc, id: string, name: string) =>
  applyOpsToDoc(doc, [{ op: 'update', collection: 'vpcs', id, set: { name } }], 'test');
const vpcName = (doc: Y.Doc, id: string) =>
  readDocPlan(doc).plan.vpcs.find((v) => v.id === id)?.name;

describe('several workspace processes behind Redis', () => {
  const data = mkdtempSync(join(tmpdir(), 'cidr-canvas-scale-'));
  let redis: ChildProcess;
  let env: Record<string, string>;
  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    env = { REDIS_URL: `redis://127.0.0.1:${port}` };
  }, 30_000);
  afterAll(() => {
    redis?.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  });

  it('keeps two processes consistent: edits through either reach people on both', async () => {
    const one = await startServer(data, [], env);
    const two = await startServer(data, [], env);
    try {
      const id = await createPlan(one.url, sample);
      const ana = await connect(one.url, id);
      const ben = await connect(two.url, id);
      for (let i = 0; i < 6; i++) {
        const [from, to, vpc] = i % 2 === 0 ? [ana, ben, 'vpc-prod'] : [ben, ana, 'vpc-shared'];
        const seen = until(to.doc, () => vpcName(to.doc, vpc) === `edit-${i}`);
        rename(from.doc, vpc, `edit-${i}`);
        await seen;
      }
      await Promise.all([ana.acknowledged(), ben.acknowledged()]);
      for (const server of [one, two]) {
        const got = (await (await api(server.url, `/api/plans/${id}`)).json()) as typeof sample;
        const names = Object.fromEntries(got.vpcs.map((v) => [v.id, v.name]));
        expect(names).toMatchObject({ 'vpc-prod': 'edit-4', 'vpc-shared': 'edit-5' });
      }
      ana.destroy();
      ben.destroy();
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    // What is stored holds both people's edits, read by a fresh process without Redis.
    const three = await startServer(data);
    try {
      const list = (await (await api(three.url, '/api/plans')).json()) as { id: string }[];
      const got = (await (
        await api(three.url, `/api/plans/${list[0]!.id}`)
      ).json()) as typeof sample;
      const names = Object.fromEntries(got.vpcs.map((v) => [v.id, v.name]));
      expect(names).toMatchObject({ 'vpc-prod': 'edit-4', 'vpc-shared': 'edit-5' });
    } finally {
      await three.stop();
    }
  }, 120_000);
});
