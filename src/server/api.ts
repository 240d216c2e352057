// The workspace's HTTP API (docs/spec/cli.md, "The workspace server"): list, create, read and
// delete plans. Reading a plan that people are editing gives it as it is now, every live edit in.
import type { Hocuspocus } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { planToDoc } from '../collab/plan-doc';
import { readDocPlan } from '../collab/read-plan';
import { MAX_PLAN_BYTES, parsePlanText } from '../io/parse';
import { planToJson } from '../io/serialize';
import { accessOf, bearer, readOnlyToken } from './auth';
import type { PlanStorage } from './storage';

export interface ApiOptions {
  readonly storage: PlanStorage;
  readonly live: Hocuspocus;
  readonly token: string;
  /** Largest request body, in bytes. */
  readonly maxBodyBytes?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(declared, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(size, limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(size: number, limit: number): HttpError {
  return new HttpError(413, {
    error: `the request is larger than ${limit} bytes (${size} or more); plans up to ${limit} bytes can be sent`,
  });
}

/** The plan's document: the live one while someone has it open, else read from storage. */
function docOf(options: ApiOptions, id: string): Y.Doc {
  const live = options.live.documents.get(id);
  if (live) return live;
  const doc = new Y.Doc();
  options.storage.load(id, doc, 'storage');
  return doc;
}

const PLAN =
  /^\/api\/plans\/([A-Za-z0-9_-]{1,64})(?:(\/links)|\/versions(?:\/([A-Za-z0-9_-]{1,64}))?)?$/;
const VERSIONS = /\/versions(\/|$)/;

/** Handles a request under /api; false when the path is not the API's. */
export async function handleApi(
  options: ApiOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://workspace');
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    await route(options, req, res, url);
  } catch (e) {
    if (e instanceof HttpError) send(res, e.status, e.body);
    else {
      console.error('workspace API error', e);
      send(res, 500, { error: 'the server failed on this request; nothing was changed' });
    }
  }
  return true;
}

async function route(options: ApiOptions, req: IncomingMessage, res: ServerResponse, url: URL) {
  const { storage } = options;
  const m = PLAN.exec(url.pathname);
  const planId = m?.[1];
  const access = accessOf(options.token, bearer(req.headers.authorization), planId);
  if (!access) {
    res.setHeader('www-authenticate', 'Bearer realm="cidr-canvas"');
    throw new HttpError(401, {
      error: 'a valid workspace token is needed (Authorization: Bearer T)',
    });
  }
  const method = req.method ?? 'GET';
  if (url.pathname === '/api/plans') {
    if (access !== 'edit') throw new HttpError(403, { error: 'this token only reads one plan' });
    if (method === 'GET') return send(res, 200, storage.list());
    if (method === 'POST') {
      const text = await readBody(req, options.maxBodyBytes ?? MAX_PLAN_BYTES);
      const parsed = parsePlanText(text);
      if (!parsed.ok) {
        throw new HttpError(400, {
          error: parsed.error.message,
          path: parsed.error.path,
        });
      }
      const id = `plan-${randomUUID().slice(0, 8)}`;
      const doc = planToDoc(parsed.value);
      storage.create(id, parsed.value.name ?? 'Untitled plan', Y.encodeStateAsUpdate(doc));
      doc.destroy();
      return send(res, 201, { id });
    }
    throw new HttpError(405, { error: `${method} is not allowed on /api/plans` });
  }
  if (!m || !planId) throw new HttpError(404, { error: `no such API path: ${url.pathname}` });
  if (!storage.get(planId)) throw new HttpError(404, { error: `no plan ${planId}` });
  if (m[2]) {
    if (access !== 'edit' || method !== 'GET')
      throw new HttpError(403, { error: 'only the workspace token makes links' });
    return send(res, 200, {
      edit: `/p/${planId}#token=${options.token}`,
      readOnly: `/p/${planId}#token=${readOnlyToken(options.token, planId)}`,
    });
  }
  if (VERSIONS.test(url.pathname)) return versions(options, req, res, planId, m[3], access);
  if (method === 'GET') {
    const read = readDocPlan(docOf(options, planId));
    if (url.searchParams.has('problems'))
      return send(res, 200, { plan: planToJson(read.plan), problems: read.problems });
    return send(res, 200, planToJson(read.plan));
  }
  if (method === 'DELETE') {
    if (access !== 'edit') throw new HttpError(403, { error: 'a read-only link cannot delete' });
    options.live.closeConnections(planId);
    storage.delete(planId);
    return send(res, 204);
  }
  throw new HttpError(405, { error: `${method} is not allowed on a plan` });
}

/**
 * A plan's saved versions, shared by everyone on it: listed and read with any token that opens
 * the plan, saved with the workspace token. The designer sends the version as it saves one in
 * its own library (name, plan, summary, finding keys); the plan is checked like any plan.
 */
async function versions(
  options: ApiOptions,
  req: IncomingMessage,
  res: ServerResponse,
  planId: string,
  versionId: string | undefined,
  access: 'edit' | 'read',
) {
  const { storage } = options;
  const method = req.method ?? 'GET';
  if (versionId) {
    if (method !== 'GET')
      throw new HttpError(405, { error: `${method} is not allowed on a version` });
    const row = storage.getVersion(planId, versionId);
    if (!row) throw new HttpError(404, { error: `no version ${versionId} of plan ${planId}` });
    const { plan, findingKeys, summary, ...meta } = row;
    return send(res, 200, {
      meta: { ...meta, summary: JSON.parse(summary) as unknown },
      body: { id: row.id, plan, findingKeys: JSON.parse(findingKeys) as unknown },
    });
  }
  if (method === 'GET')
    return send(
      res,
      200,
      storage
        .listVersions(planId)
        .map((v) => ({ ...v, summary: JSON.parse(v.summary) as unknown })),
    );
  if (method !== 'POST')
    throw new HttpError(405, { error: `${method} is not allowed on versions` });
  if (access !== 'edit')
    throw new HttpError(403, { error: 'a read-only link cannot save versions' });
  const text = await readBody(req, options.maxBodyBytes ?? MAX_PLAN_BYTES);
  let body: { name?: unknown; plan?: unknown; summary?: unknown; findingKeys?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new HttpError(400, { error: 'the version is not JSON', path: '$' });
  }
  const name = typeof body.name === 'string' ? body.name.trim().slice(0, 200) : '';
  if (!name) throw new HttpError(400, { error: 'a version needs a name', path: '$.name' });
  if (typeof body.plan !== 'string')
    throw new HttpError(400, { error: 'expected the plan as JSON text', path: '$.plan' });
  const parsed = parsePlanText(body.plan);
  if (!parsed.ok)
    throw new HttpError(400, {
      error: parsed.error.message,
      path: `$.plan${parsed.error.path.slice(1)}`,
    });
  if (!Array.isArray(body.findingKeys) || !body.findingKeys.every((k) => typeof k === 'string'))
    throw new HttpError(400, { error: 'expected a list of strings', path: '$.findingKeys' });
  if (typeof body.summary !== 'object' || body.summary === null)
    throw new HttpError(400, { error: 'expected the summary of changes', path: '$.summary' });
  const previous = storage.listVersions(planId)[0];
  const meta = {
    id: `ver-${randomUUID().slice(0, 8)}`,
    planId,
    name,
    // Strictly after the previous one, so the order holds even within a millisecond.
    createdAt: Math.max(Date.now(), (previous?.createdAt ?? 0) + 1),
    summary: JSON.stringify(body.summary),
  };
  storage.addVersion({
    ...meta,
    plan: body.plan,
    findingKeys: JSON.stringify(body.findingKeys),
  });
  return send(res, 201, { ...meta, summary: body.summary });
}
