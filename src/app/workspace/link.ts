// Where the designer is: a workspace plan (`/p/:id#token=T`, the spec's link), the workspace's
// front page (`/#token=T`, what the server prints), or neither. The workspace token is kept for
// this browser so the Workspace button can list plans later; a read-only token never is.
export type WorkspaceLink =
  | { readonly kind: 'none' }
  | { readonly kind: 'home'; readonly token: string }
  | { readonly kind: 'plan'; readonly planId: string; readonly token: string | null };

const PLAN_PATH = /^\/p\/([A-Za-z0-9_-]{1,64})\/?$/;
export const TOKEN_KEY = 'cidr-canvas.workspace-token';

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : null;
}

export function readWorkspaceLink(pathname: string, hash: string): WorkspaceLink {
  const token = tokenFromHash(hash);
  const plan = PLAN_PATH.exec(pathname);
  if (plan) return { kind: 'plan', planId: plan[1]!, token: token ?? savedToken() };
  return token ? { kind: 'home', token } : { kind: 'none' };
}

export const isReadOnlyToken = (token: string) => token.startsWith('r-');

export function savedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function keepToken(token: string): void {
  if (isReadOnlyToken(token)) return;
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Private mode: the token holds for this page only.
  }
}

export function planUrl(planId: string, token: string): string {
  return `/p/${encodeURIComponent(planId)}#token=${encodeURIComponent(token)}`;
}
