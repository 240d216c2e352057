// The workspace server's HTTP API (docs/spec/cli.md), from the designer on the same origin.
import type { Plan } from '../../domain/model/plan';
import { serializePlan } from '../../io/serialize';

export interface WorkspacePlanEntry {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: string;
}

export class WorkspaceError extends Error {}

export async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` },
    });
  } catch {
    throw new WorkspaceError('The workspace server cannot be reached');
  }
  if (res.status === 401) throw new WorkspaceError('The workspace refused this token');
  if (res.status === 404 && path === '/api/plans')
    throw new WorkspaceError('No workspace server answers here (start it with npm start)');
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok && body === null && init.method !== 'DELETE')
    throw new WorkspaceError('No workspace server answers here (start it with npm start)');
  if (!res.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    throw new WorkspaceError(
      typeof error === 'string' ? error : `The workspace answered ${res.status}`,
    );
  }
  return body as T;
}

export const listPlans = (token: string) => call<WorkspacePlanEntry[]>(token, '/api/plans');

export async function createPlan(token: string, plan: Plan): Promise<string> {
  const { id } = await call<{ id: string }>(token, '/api/plans', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: serializePlan(plan),
  });
  return id;
}

export const planLinks = (token: string, planId: string) =>
  call<{ edit: string; readOnly: string }>(token, `/api/plans/${encodeURIComponent(planId)}/links`);
