// `npm start`, the README's first command, as a user runs it: the designer's dev server with a
// workspace server behind it. The printed address carries the token; the API and the live
// connection answer through the dev server's port.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { applyOpsToDoc } from '../collab/plan-doc';
import { readDocPlan } from '../collab/read-plan';
import { api, connect } from '../test-support/workspace';

const data = mkdtempSync(join(tmpdir(), 'cidr-canvas-start-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

it('npm start serves the designer and the workspace on one address', async () => {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, CIDR_CANVAS_DATA: data, CIDR_CANVAS_TOKEN: '', DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  try {
    const printed = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start printed no address:\n${out}`)),
        60_000,
      );
      proc.stdout.on('data', () => {
        const m = /Workspace \(plans edited together\): (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const url = new URL(printed);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    expect(token).toBe(readFileSync(join(data, 'dev-token'), 'utf8').trim());
    const origin = url.origin;

    const page = await fetch(`${origin}/p/anything`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await api(origin, '/api/plans', { token: 'wrong' })).status).toBe(401);
    const sample = readFileSync('src/app/templates/sample.plan.json', 'utf8');
    const made = await api(origin, '/api/plans', { method: 'POST', body: sample, token });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const list = (await (await api(origin, '/api/plans', { token })).json()) as { id: string }[];
    expect(list.map((p) => p.id)).toContain(id);

    // The live connection through the dev server: an edit lands and the API has it.
    const client = await connect(origin, id, token);
    applyOpsToDoc(client.doc, [
      { op: 'update', collection: 'vpcs', id: 'vpc-prod', set: { name: 'prod-renamed' } },
    ]);
    await client.acknowledged();
    expect(readDocPlan(client.doc).plan.vpcs[0]!.name).toBe('prod-renamed');
    const held = (await (await api(origin, `/api/plans/${id}`, { token })).json()) as {
      vpcs: { name: string }[];
    };
    expect(held.vpcs[0]!.name).toBe('prod-renamed');
    client.destroy();
  } finally {
    proc.kill('SIGTERM');
    await exited;
  }
}, 90_000);
