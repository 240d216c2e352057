// Who gets in. One workspace token opens everything; a plan's read-only token, derived from the
// workspace token and the plan id, opens that plan for reading only, so it can be handed out
// without a table of links to keep and is void once the workspace token changes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Access = 'edit' | 'read';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function readOnlyToken(workspaceToken: string, planId: string): string {
  const mac = createHmac('sha256', workspaceToken).update(`read:${planId}`).digest('base64url');
  return `r-${mac.slice(0, 32)}`;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What `token` allows on `planId` (or on the workspace when no plan is named), if anything. */
export function accessOf(
  workspaceToken: string,
  token: string | undefined,
  planId?: string,
): Access | undefined {
  if (!token) return undefined;
  if (same(token, workspaceToken)) return 'edit';
  if (planId !== undefined && same(token, readOnlyToken(workspaceToken, planId))) return 'read';
  return undefined;
}

/** The bearer token of a request, if it has one. */
export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
