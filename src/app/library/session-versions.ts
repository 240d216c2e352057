// The Versions dialog's actions: named versions of the open plan, saved with what changed since
// the last one, restored as one undo step or compared. On a workspace plan they are the server's.
import type { Plan } from '../../domain/model/plan';
import { formatPlanError } from '../../io/errors';
import { parsePlanText } from '../../io/parse';
import { planToJson } from '../../io/serialize';
import { useAppStore } from '../../store/app-store';
import { LibraryError, newId, type VersionMeta } from '../../store/library/library';
import { libraryChanged } from '../../store/library/status';
import { liveToken } from '../workspace/live-token';
import { remoteVersions, type RemoteVersions } from '../workspace/versions';
import { withLayout } from '../auto-layout';
import { currentId, state } from './session-state';
import { findingKeys, summarize } from './versions';

/** On a workspace plan, its versions are the workspace server's, shared with everyone on it. */
function liveVersions(): RemoteVersions | null {
  const live = useAppStore.getState().live;
  const token = liveToken();
  return live && token ? remoteVersions(live.planId, token) : null;
}

export async function listVersions(): Promise<VersionMeta[]> {
  const remote = liveVersions();
  if (remote) return remote.list();
  const id = currentId();
  return state.lib && id !== null ? state.lib.listVersions(id) : [];
}

/** Saves the plan as it is now as a named version, with what changed since the last one. */
export async function saveVersion(name: string): Promise<VersionMeta> {
  const remote = liveVersions();
  const id = currentId();
  if (!remote && (!state.lib || id === null))
    throw new LibraryError('unavailable', 'plans cannot be saved in this browser');
  const s = useAppStore.getState();
  const plan = s.plan;
  // The worker's findings when they describe this revision; otherwise work them out here (the
  // core loaded then, not with the page).
  const findings =
    s.analysis && s.analysis.revision === s.revision
      ? s.analysis.findings
      : (await import('../../domain/analyze')).analyzePlan(plan).findings;
  const previous = (remote ? await remote.list() : await state.lib!.listVersions(id!))[0];
  const before = previous
    ? remote
      ? await remote.load(previous.id)
      : await state.lib!.loadVersion(previous.id)
    : undefined;
  let beforeSnapshot = null;
  if (before) {
    const r = parsePlanText(before.body.plan);
    if (r.ok) beforeSnapshot = { plan: r.value, findingKeys: before.body.findingKeys };
  }
  const body = { plan: JSON.stringify(planToJson(plan)), findingKeys: findingKeys(findings) };
  if (remote) {
    const summary = summarize(beforeSnapshot, plan, findings);
    const saved = await remote.add(
      name.trim() || `Version ${new Date().toLocaleString()}`,
      body,
      summary,
    );
    libraryChanged();
    return saved;
  }
  const meta: VersionMeta = {
    id: newId('ver'),
    planId: id!,
    name: name.trim() || `Version ${new Date().toLocaleString()}`,
    // Strictly after the previous one, so the order holds even within a millisecond.
    createdAt: Math.max(Date.now(), (previous?.createdAt ?? 0) + 1),
    summary: summarize(beforeSnapshot, plan, findings),
  };
  await state.lib!.addVersion(meta, body);
  libraryChanged();
  return meta;
}

async function versionPlan(id: string): Promise<{ plan: Plan; name: string }> {
  const remote = liveVersions();
  const found = remote
    ? await remote.load(id)
    : state.lib
      ? await state.lib.loadVersion(id)
      : undefined;
  if (!found) throw new LibraryError('failed', 'that version is no longer in the library');
  const r = parsePlanText(found.body.plan);
  if (!r.ok)
    throw new LibraryError(
      'failed',
      `version “${found.meta.name}” cannot be read: ${formatPlanError(r.error)}`,
    );
  return { plan: r.value, name: found.meta.name };
}

/** Puts a version's plan in place of the current one, as one undo step. */
export async function restoreVersion(id: string): Promise<boolean> {
  const { plan, name } = await versionPlan(id);
  const s = useAppStore.getState();
  const withBoxes = await withLayout({ ...plan, name: s.plan.name ?? plan.name });
  return s.apply([{ op: 'replace', plan: withBoxes }], { label: `Restore “${name}”` });
}

export async function compareVersion(id: string): Promise<string> {
  const { plan, name } = await versionPlan(id);
  useAppStore.getState().compareWith(plan, name);
  return name;
}
