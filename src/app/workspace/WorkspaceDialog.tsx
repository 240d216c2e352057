// The workspace's plans: each opens by its link (/p/:id#token=T); the plan on screen can be put
// in the workspace to edit it together; on a workspace plan, its edit and read-only links.
import { useEffect, useState } from 'react';
import { Modal } from '../../ui/modal';
import { useAppStore } from '../../store/app-store';
import { createPlan, listPlans, planLinks, type WorkspacePlanEntry } from './api';
import { planUrl, savedToken } from './link';
import { useWorkspaceDialog } from './workspace-ui';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString();
}

function Links({ token, planId }: { token: string; planId: string }) {
  const [links, setLinks] = useState<{ edit: string; readOnly: string } | null>(null);
  useEffect(() => {
    planLinks(token, planId).then(setLinks, () => setLinks(null));
  }, [token, planId]);
  if (!links) return null;
  const full = (path: string) => new URL(path, window.location.origin).href;
  return (
    <section aria-label="Links to this plan">
      <h3>Links to this plan</h3>
      <label className="cc-field">
        <span>Edit together</span>
        <input type="text" readOnly value={full(links.edit)} onFocus={(e) => e.target.select()} />
      </label>
      <label className="cc-field">
        <span>Read-only</span>
        <input
          type="text"
          readOnly
          value={full(links.readOnly)}
          onFocus={(e) => e.target.select()}
        />
      </label>
    </section>
  );
}

export function WorkspaceDialog() {
  const open = useWorkspaceDialog((s) => s.open);
  const close = () => useWorkspaceDialog.getState().setOpen(false);
  const live = useAppStore((s) => s.live);
  const [plans, setPlans] = useState<WorkspacePlanEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const token = savedToken();

  useEffect(() => {
    if (!open || !token) return;
    listPlans(token).then(
      (list) => {
        setPlans(list);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [open, token]);

  if (!open) return null;
  const putCurrent = async () => {
    if (!token) return;
    setBusy(true);
    try {
      const id = await createPlan(token, useAppStore.getState().plan);
      window.location.assign(planUrl(id, token));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <Modal
      label="Workspace"
      onClose={close}
      className="cc-workspace-dialog"
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <h2>Workspace</h2>
      {!token ? (
        <p>
          No workspace token in this browser. Open the address the workspace server printed (it ends
          with <code>#token=…</code>).
        </p>
      ) : (
        <>
          <p className="cc-muted">
            Plans here are edited together, live: everyone with the link sees each edit.
          </p>
          {error && <p role="alert">{error}</p>}
          {plans === null && !error && <p>Loading the workspace’s plans…</p>}
          {plans && plans.length === 0 && <p>No plans in the workspace yet.</p>}
          {plans && plans.length > 0 && (
            <ul className="cc-workspace-plans" aria-label="Workspace plans">
              {plans.map((p) => (
                <li key={p.id} aria-current={live?.planId === p.id ? 'page' : undefined}>
                  <a href={planUrl(p.id, token)}>{p.name || 'Untitled plan'}</a>
                  <span className="cc-muted">{when(p.updatedAt)}</span>
                </li>
              ))}
            </ul>
          )}
          {live ? (
            <Links token={token} planId={live.planId} />
          ) : (
            <button
              type="button"
              className="cc-button"
              disabled={busy}
              onClick={() => void putCurrent()}
            >
              Put this plan in the workspace
            </button>
          )}
        </>
      )}
      <div className="cc-row">
        {live && (
          <a className="cc-button" href="/">
            Back to my own plans
          </a>
        )}
        <button type="button" className="cc-button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
