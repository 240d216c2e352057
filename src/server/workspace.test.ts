// The workspace server as a user runs it (`npm run serve`, a real process and a real SQLite
// file) and as the designer talks to it (the Hocuspocus provider over a WebSocket).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { applyOpsToDoc } from '../collab/plan-doc';
import { readDocPlan } from '../collab/read-plan';
import {
  api,
  connect,
  createPlan,
  startServer,
  TOKEN,
  until,
  type ServerProcess,
} from '../test-support/workspace';
import { readOnlyToken } from './auth';

const SAMPLE = JSON.parse(readFileSync('src/app/templates/sample.plan.json', 'utf8')) as {
  name: string;
  vpcs: { id: string; name: string }[];
};
const dirs: string[] = [];
const tempData = () => {
  const d = mkdtempSync(join(tmpdir(), 'cidr-canvas-workspace-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const rename = (doc: Y.Doc, id: string, name: string) =>
  applyOpsToDoc(doc, [{ op: 'update', collection: 'vpcs', id, set: { name } }], 'test');
const vpcName = (doc: Y.Doc, id: string) =>
  readDocPlan(doc).plan.vpcs.find((v) => v.id === id)?.name;

describe('workspace server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer(tempData());
  }, 60_000);
  afterAll(() => server?.stop());

  it('refuses every request without the token, or with a wrong one, with 401', async () => {
    const id = await createPlan(server.url, SAMPLE);
    for (const token of [null, 'wrong']) {
      for (const [method, path] of [
        ['GET', '/api/plans'],
        ['POST', '/api/plans'],
        ['GET', `/api/plans/${id}`],
        ['DELETE', `/api/plans/${id}`],
      ] as const) {
        const r = await api(server.url, path, {
          method,
          token,
          body: method === 'POST' ? '{}' : undefined,
        });
        expect(r.status, `${method} ${path} with ${token}`).toBe(401);
        expect(((await r.json()) as { error: string }).error).toMatch(/token/);
      }
    }
    expect((await api(server.url, `/api/plans/${id}`)).status).toBe(200);
  });

  it('closes the live connection of a client without the right token', async () => {
    const id = await createPlan(server.url, SAMPLE);
    await expect(connect(server.url, id, 'wrong')).rejects.toThrow(/authentication failed/);
    await expect(connect(server.url, 'plan-none', TOKEN)).rejects.toThrow(/authentication failed/);
  });

  it('lists, creates, reads and deletes plans as cli.md says', async () => {
    const id = await createPlan(server.url, SAMPLE);
    const list = (await (await api(server.url, '/api/plans')).json()) as {
      id: string;
      name: string;
      updatedAt: string;
    }[];
    expect(list.find((p) => p.id === id)).toMatchObject({ name: SAMPLE.name });
    expect(Number.isNaN(Date.parse(list[0]!.updatedAt))).toBe(false);
    const got = (await (await api(server.url, `/api/plans/${id}`)).json()) as typeof SAMPLE;
    expect(got.vpcs.map((v) => v.id)).toEqual(SAMPLE.vpcs.map((v) => v.id));
    expect((await api(server.url, `/api/plans/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(server.url, `/api/plans/${id}`)).status).toBe(404);
  });

  it('answers a bad plan with 400 and the JSON path of the first bad field', async () => {
    const bad = structuredClone(SAMPLE) as unknown as { vpcs: { cidr: string }[] };
    bad.vpcs[1]!.cidr = '10.1.0.0/33';
    const r = await api(server.url, '/api/plans', { method: 'POST', body: JSON.stringify(bad) });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ path: '$.vpcs[1].cidr' });
    const notJson = await api(server.url, '/api/plans', { method: 'POST', body: '{"vpcs": [' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ path: '$' });
  });

  it('shows each person the other one’s edit within 250 ms, and the API has it', async () => {
    const id = await createPlan(server.url, SAMPLE);
    const ana = await connect(server.url, id);
    const ben = await connect(server.url, id);
    try {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const [from, to] = i % 2 === 0 ? [ana, ben] : [ben, ana];
        const seen = until(to.doc, () => vpcName(to.doc, 'vpc-prod') === `prod-${i}`);
        rename(from.doc, 'vpc-prod', `prod-${i}`);
        times.push(await seen);
      }
      times.sort((a, b) => a - b);
      expect(times[Math.floor(times.length * 0.95)]).toBeLessThanOrEqual(250);
      await ana.acknowledged();
      const got = (await (await api(server.url, `/api/plans/${id}`)).json()) as typeof SAMPLE;
      expect(got.vpcs.find((v) => v.id === 'vpc-prod')?.name).toBe('prod-9');
    } finally {
      ana.destroy();
      ben.destroy();
    }
  });

  it('lets a read-only link read the plan live but not change it', async () => {
    const id = await createPlan(server.url, SAMPLE);
    const ro = readOnlyToken(TOKEN, id);
    expect((await api(server.url, `/api/plans/${id}`, { token: ro })).status).toBe(200);
    expect((await api(server.url, '/api/plans', { token: ro })).status).toBe(401);
    expect(
      (await api(server.url, `/api/plans/${id}`, { token: ro, method: 'DELETE' })).status,
    ).toBe(403);
    const otherId = await createPlan(server.url, SAMPLE);
    expect((await api(server.url, `/api/plans/${otherId}`, { token: ro })).status).toBe(401);
    const links = (await (await api(server.url, `/api/plans/${id}/links`)).json()) as {
      readOnly: string;
    };
    expect(links.readOnly).toBe(`/p/${id}#token=${ro}`);

    const editor = await connect(server.url, id);
    const viewer = await connect(server.url, id, ro);
    try {
      const seen = until(viewer.doc, () => vpcName(viewer.doc, 'vpc-prod') === 'from-editor');
      rename(editor.doc, 'vpc-prod', 'from-editor');
      await seen;
      rename(viewer.doc, 'vpc-shared', 'from-viewer');
      await new Promise((r) => setTimeout(r, 500));
      const got = (await (await api(server.url, `/api/plans/${id}`)).json()) as typeof SAMPLE;
      expect(got.vpcs.find((v) => v.id === 'vpc-shared')?.name).not.toBe('from-viewer');
      expect(vpcName(editor.doc, 'vpc-shared')).not.toBe('from-viewer');
    } finally {
      editor.destroy();
      viewer.destroy();
    }
  });

  it('survives garbage and hostile edits: others keep editing and the plan stays readable', async () => {
    const id = await createPlan(server.url, SAMPLE);
    const ana = await connect(server.url, id);
    try {
      // Bytes that are no Yjs message at all, on a raw socket.
      const raw = new WebSocket(`${server.url.replace('http', 'ws')}/live`);
      await new Promise((r) => raw.once('open', r));
      raw.send(Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x99, 0x01]));
      raw.send('not binary at all');
      await new Promise((r) => setTimeout(r, 300));
      raw.close();
      // A well-formed update that writes nonsense into the plan.
      const evil = await connect(server.url, id);
      evil.doc.transact(() => {
        const vpc = new Y.Map<unknown>();
        vpc.set('id', 'vpc-evil');
        vpc.set('cidr', 12);
        evil.doc.getMap<Y.Map<unknown>>('vpcs').set('vpc-evil', vpc);
        evil.doc.getMap('meta').set('name', { $where: 'x' });
      });
      await evil.acknowledged();
      evil.destroy();

      rename(ana.doc, 'vpc-prod', 'still-editing');
      await ana.acknowledged();
      const r = await api(server.url, `/api/plans/${id}?problems`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as {
        plan: typeof SAMPLE;
        problems: { path: string; id?: string }[];
      };
      expect(body.plan.vpcs.find((v) => v.id === 'vpc-prod')?.name).toBe('still-editing');
      expect(body.plan.vpcs.some((v) => v.id === 'vpc-evil')).toBe(false);
      expect(body.problems.map((p) => p.path).sort()).toEqual(['$.name', '$.vpcs[2].cidr']);
      expect(server.proc.exitCode).toBeNull();
    } finally {
      ana.destroy();
    }
  });
  it('keeps each plan’s versions: saved with the workspace token, listed and read with any link to the plan', async () => {
    const id = await createPlan(server.url, SAMPLE);
    const post = (body: unknown, token?: string) =>
      api(server.url, `/api/plans/${id}/versions`, {
        method: 'POST',
        body: JSON.stringify(body),
        ...(token ? { token } : {}),
      });
    const version = {
      name: 'Before the batch cluster',
      plan: JSON.stringify(SAMPLE),
      findingKeys: ['A|x'],
      summary: { added: 0 },
    };
    const first = await post(version);
    expect(first.status).toBe(201);
    const second = await post({ ...version, name: 'After' });
    const made = (await second.json()) as { id: string; createdAt: number };

    const ro = readOnlyToken(TOKEN, id);
    const list = (await (
      await api(server.url, `/api/plans/${id}/versions`, { token: ro })
    ).json()) as { name: string; summary: unknown }[];
    expect(list.map((v) => v.name)).toEqual(['After', 'Before the batch cluster']);
    expect(list[0]!.summary).toEqual({ added: 0 });
    const one = (await (
      await api(server.url, `/api/plans/${id}/versions/${made.id}`, { token: ro })
    ).json()) as { meta: { name: string }; body: { plan: string; findingKeys: string[] } };
    expect(one.meta.name).toBe('After');
    expect(JSON.parse(one.body.plan)).toEqual(SAMPLE);
    expect(one.body.findingKeys).toEqual(['A|x']);

    // A read-only link cannot save; a bad plan is refused where it is bad.
    expect((await post(version, ro)).status).toBe(403);
    const bad = await post({ ...version, plan: JSON.stringify({ ...SAMPLE, vpcs: [{ id: 1 }] }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { path: string }).path).toMatch(/^\$\.plan\.vpcs\[0\]/);
    expect((await post({ ...version, name: '' })).status).toBe(400);
    expect((await api(server.url, `/api/plans/${id}/versions/ver-none`)).status).toBe(404);
    // Versions go with their plan.
    await api(server.url, `/api/plans/${id}`, { method: 'DELETE' });
    expect((await api(server.url, `/api/plans/${id}/versions`)).status).toBe(404);
  });
});

describe('workspace server faults and limits', () => {
  it('keeps every acknowledged edit when killed with SIGKILL mid-session', async () => {
    const data = tempData();
    let server = await startServer(data);
    const id = await createPlan(server.url, SAMPLE);
    const ana = await connect(server.url, id);
    for (let i = 0; i < 40; i++) rename(ana.doc, 'vpc-prod', `edit-${i}`);
    await ana.acknowledged();
    // More edits that may or may not reach the server before it dies: not acknowledged.
    for (let i = 40; i < 45; i++) rename(ana.doc, 'vpc-shared', `late-${i}`);
    await server.kill();
    ana.destroy();
    server = await startServer(data);
    try {
      const got = (await (await api(server.url, `/api/plans/${id}`)).json()) as typeof SAMPLE;
      expect(got.vpcs.find((v) => v.id === 'vpc-prod')?.name).toBe('edit-39');
    } finally {
      await server.stop();
    }
  }, 90_000);

  it('refuses a message or a plan over the limits with a clear error, and keeps serving', async () => {
    const server = await startServer(tempData(), [
      '--max-message-bytes',
      '200000',
      '--max-document-bytes',
      '400000',
    ]);
    try {
      const big = JSON.stringify({ ...SAMPLE, name: 'x'.repeat(300_000) });
      const r = await api(server.url, '/api/plans', { method: 'POST', body: big });
      expect(r.status).toBe(413);
      expect(((await r.json()) as { error: string }).error).toMatch(/larger than 200000 bytes/);

      const id = await createPlan(server.url, SAMPLE);
      const ana = await connect(server.url, id);
      ana.doc.getMap('meta').set('description', 'y'.repeat(250_000));
      expect((await ana.closed).code).toBe(1009);
      ana.destroy();

      const ben = await connect(server.url, id);
      for (let i = 0; i < 3; i++) ben.doc.getMap('meta').set(`note${i}`, 'z'.repeat(150_000));
      // Hocuspocus tells the client why in its own close message.
      expect((await ben.closed).reason).toMatch(
        /plan too large: \d+ bytes would pass the limit of 400000/,
      );
      ben.destroy();
      expect((await api(server.url, `/api/plans/${id}`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 90_000);
});
