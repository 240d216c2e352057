// The saved versions of the open plan: save one under a name, see when each was saved and what
// it changed, restore one (one undo step) or compare the plan with it.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { selectReadOnly } from '../../store/selectors';
import type { VersionMeta } from '../../store/library/library';
import { useLibraryStatus } from '../../store/library/status';
import { DialogShell, when } from './DialogShell';
import { compareVersion, listVersions, restoreVersion, saveVersion } from './session';
import { summaryText } from './versions';

export function VersionsDialog({ onClose }: { onClose: () => void }) {
  const changes = useLibraryStatus((s) => s.changes);
  const currentId = useLibraryStatus((s) => s.currentId);
  const available = useLibraryStatus((s) => s.available);
  const readOnly = useAppStore(selectReadOnly);
  const planName = useAppStore((s) => s.plan.name ?? 'Untitled plan');
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void listVersions().then((v) => live && setVersions(v));
    return () => {
      live = false;
    };
  }, [changes, currentId]);

  const toast = useAppStore.getState().toast;
  const fail = (what: string) => (e: unknown) =>
    toast(`${what} failed: ${(e as Error).message}. Your plan is unchanged.`, 'error');

  if (available === 'no')
    return (
      <DialogShell label="Versions" onClose={onClose}>
        <h2>Versions</h2>
        <p role="alert">
          Versions cannot be saved in this browser (it offers no IndexedDB, as in a private window).
          Export the plan to keep it.
        </p>
        <div className="cc-row">
          <button type="button" className="cc-button" onClick={onClose}>
            Close
          </button>
        </div>
      </DialogShell>
    );

  return (
    <DialogShell label="Versions" onClose={onClose}>
      <h2>Versions of {planName}</h2>
      <form
        className="cc-library__bar"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void saveVersion(name)
            .then((v) => {
              setName('');
              toast(`Saved version “${v.name}”`, 'success');
            }, fail('Saving the version'))
            .finally(() => setBusy(false));
        }}
      >
        <input
          className="cc-library__search"
          aria-label="Version name"
          placeholder="Name this version, e.g. before the 10.8 move"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="cc-button" disabled={busy}>
          Save version
        </button>
      </form>
      {versions === null && <p className="cc-muted">Reading the versions…</p>}
      {versions?.length === 0 && (
        <p className="cc-muted">
          No versions yet. A version keeps the plan as it is now, to come back to or compare with.
        </p>
      )}
      <ul className="cc-library__list" aria-label="Saved versions">
        {versions?.map((v) => (
          <li key={v.id} className="cc-library__item">
            <div className="cc-library__what">
              <strong>{v.name}</strong>
              <small>
                {when(v.createdAt)} · {summaryText(v.summary)}
              </small>
            </div>
            <div className="cc-library__actions">
              <button
                type="button"
                className="cc-button cc-button--small"
                disabled={readOnly}
                aria-label={`Restore ${v.name}`}
                title="Put this version in place of the plan (undo brings the plan back)"
                onClick={() =>
                  void restoreVersion(v.id).then((ok) => {
                    if (!ok) return;
                    onClose();
                    toast(`Restored “${v.name}”: undo brings back the plan before`, 'success');
                  }, fail('Restoring'))
                }
              >
                Restore
              </button>
              <button
                type="button"
                className="cc-button cc-button--small"
                aria-label={`Compare with ${v.name}`}
                title="Show on the canvas what differs between this version and the plan"
                onClick={() =>
                  void compareVersion(v.id).then((label) => {
                    onClose();
                    toast(`Comparing the plan with “${label}”`, 'info');
                  }, fail('Comparing'))
                }
              >
                Compare
              </button>
            </div>
          </li>
        ))}
      </ul>
      <div className="cc-row">
        <button type="button" className="cc-button" onClick={onClose}>
          Close
        </button>
      </div>
    </DialogShell>
  );
}
