// The library of plans: find one by name, open, create, rename, duplicate and delete (after a
// confirmation that says what goes with it).
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import type { PlanMeta } from '../../store/library/library';
import { useLibraryStatus } from '../../store/library/status';
import { count } from '../../panels/words';
import { DialogShell, when } from './DialogShell';
import {
  createLibraryPlan,
  deleteLibraryPlan,
  duplicateLibraryPlan,
  listPlans,
  openLibraryPlan,
  renameLibraryPlan,
} from './session';

function failed(what: string, e: unknown): void {
  useAppStore.getState().toast(`${what} failed: ${(e as Error).message}`, 'error');
}

export function PlansDialog({ onClose }: { onClose: () => void }) {
  const changes = useLibraryStatus((s) => s.changes);
  const currentId = useLibraryStatus((s) => s.currentId);
  const available = useLibraryStatus((s) => s.available);
  const [plans, setPlans] = useState<PlanMeta[] | null>(null);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<PlanMeta | null>(null);

  useEffect(() => {
    let live = true;
    void listPlans().then((p) => live && setPlans(p));
    return () => {
      live = false;
    };
  }, [changes]);

  const q = query.trim().toLowerCase();
  const shown = plans?.filter((p) => p.name.toLowerCase().includes(q)) ?? [];

  const run = (what: string, fn: () => Promise<unknown>) => {
    void fn().catch((e: unknown) => failed(what, e));
  };

  return (
    <DialogShell label="Plans" onClose={onClose}>
      <h2>Plans</h2>
      {available === 'no' ? (
        <p role="alert">
          Plans cannot be saved in this browser (it offers no IndexedDB, as in a private window).
          Export the plan to keep it.
        </p>
      ) : (
        <>
          <div className="cc-library__bar">
            <input
              type="search"
              className="cc-library__search"
              placeholder="Search plans by name"
              aria-label="Search plans by name"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button
              type="button"
              className="cc-button"
              onClick={() =>
                run('Creating a plan', async () => {
                  await createLibraryPlan('Untitled plan');
                  onClose();
                })
              }
            >
              New plan
            </button>
          </div>
          {plans === null && <p className="cc-muted">Reading the library…</p>}
          {plans !== null && shown.length === 0 && (
            <p className="cc-muted">
              {plans.length === 0 ? 'No plans yet.' : `No plan’s name holds “${query}”.`}
            </p>
          )}
          <ul className="cc-library__list" aria-label="Plans in this browser">
            {shown.map((p) => (
              <li key={p.id} className="cc-library__item" data-current={p.id === currentId}>
                {renaming?.id === p.id ? (
                  <form
                    className="cc-library__rename"
                    onSubmit={(e) => {
                      e.preventDefault();
                      const name = renaming.name.trim();
                      if (!name) return;
                      setRenaming(null);
                      run('Renaming', () => renameLibraryPlan(p.id, name));
                    }}
                  >
                    <input
                      autoFocus
                      aria-label={`New name for ${p.name}`}
                      value={renaming.name}
                      onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') {
                          e.stopPropagation();
                          setRenaming(null);
                        }
                      }}
                    />
                    <button type="submit" className="cc-button cc-button--small">
                      Save name
                    </button>
                  </form>
                ) : (
                  <div className="cc-library__what">
                    <strong>{p.name}</strong>
                    <small>
                      {p.id === currentId ? 'Open now · ' : ''}
                      {count(p.objects, 'object')} · changed {when(p.updatedAt)}
                    </small>
                  </div>
                )}
                <div className="cc-library__actions">
                  <button
                    type="button"
                    className="cc-button cc-button--small"
                    disabled={p.id === currentId}
                    aria-label={`Open ${p.name}`}
                    onClick={() =>
                      run('Opening', async () => {
                        if (await openLibraryPlan(p.id)) onClose();
                      })
                    }
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="cc-button cc-button--small"
                    aria-label={`Rename ${p.name}`}
                    onClick={() => setRenaming({ id: p.id, name: p.name })}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="cc-button cc-button--small"
                    aria-label={`Duplicate ${p.name}`}
                    onClick={() => run('Duplicating', () => duplicateLibraryPlan(p.id))}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="cc-button cc-button--small cc-button--danger"
                    aria-label={`Delete ${p.name}`}
                    onClick={() => setDeleting(p)}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {deleting && (
            <div className="cc-library__confirm" role="alertdialog" aria-label="Delete plan">
              <span>
                Delete “{deleting.name}” and its saved versions from this browser? This cannot be
                undone; export it first to keep a copy.
              </span>
              <button
                type="button"
                className="cc-button cc-button--small cc-button--danger"
                onClick={() => {
                  const gone = deleting;
                  setDeleting(null);
                  run('Deleting', async () => {
                    await deleteLibraryPlan(gone.id);
                    useAppStore.getState().toast(`Deleted “${gone.name}”`, 'info');
                  });
                }}
              >
                Delete plan
              </button>
              <button
                type="button"
                className="cc-button cc-button--small"
                onClick={() => setDeleting(null)}
              >
                Keep it
              </button>
            </div>
          )}
        </>
      )}
      <div className="cc-row">
        <button type="button" className="cc-button" onClick={onClose}>
          Close
        </button>
      </div>
    </DialogShell>
  );
}
