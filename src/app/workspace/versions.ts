// The versions of a workspace plan, kept by the workspace server for everyone on the plan, in
// the shapes the Versions dialog uses for the browser's own library.
import type { VersionBody, VersionMeta, VersionSummary } from '../../store/library/library';
import { call } from './api';

export interface RemoteVersions {
  list(): Promise<VersionMeta[]>;
  load(id: string): Promise<{ meta: VersionMeta; body: VersionBody } | undefined>;
  add(
    name: string,
    body: { plan: string; findingKeys: readonly string[] },
    summary: VersionSummary,
  ): Promise<VersionMeta>;
}

export function remoteVersions(planId: string, token: string): RemoteVersions {
  const base = `/api/plans/${encodeURIComponent(planId)}/versions`;
  return {
    list: () => call<VersionMeta[]>(token, base),
    load: async (id) => {
      try {
        return await call<{ meta: VersionMeta; body: VersionBody }>(
          token,
          `${base}/${encodeURIComponent(id)}`,
        );
      } catch {
        return undefined;
      }
    },
    add: (name, body, summary) =>
      call<VersionMeta>(token, base, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, ...body, summary }),
      }),
  };
}
