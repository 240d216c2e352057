// What stands between the plan and the library, said where it cannot be missed: no IndexedDB in
// this browser, storage full, or the plan open in another tab.
import { useLibraryStatus } from '../../store/library/status';
import { stayReadOnly, takeOverPlan } from './session';

export function LibraryBanner() {
  const available = useLibraryStatus((s) => s.available);
  const reason = useLibraryStatus((s) => s.unavailableReason);
  const saveError = useLibraryStatus((s) => s.saveError);
  const elsewhere = useLibraryStatus((s) => s.elsewhere);
  return (
    <>
      {available === 'no' && (
        <div className="cc-banner" role="alert" aria-label="Plans cannot be saved">
          <span>
            <strong>Plans cannot be saved in this browser</strong> ({reason}; a private window does
            this). You can keep editing; use Export to keep your work.
          </span>
        </div>
      )}
      {saveError && (
        <div className="cc-banner cc-banner--error" role="alert" aria-label="Not saved">
          <span>
            <strong>Not saved:</strong> {saveError}. Your plan is still here and saving is tried
            again every few seconds; delete old plans or versions, or export the plan.
          </span>
        </div>
      )}
      {elsewhere && elsewhere !== 'read-only' && (
        <div className="cc-banner cc-banner--info" role="alert" aria-label="Open in another tab">
          <span>
            {elsewhere === 'lost' ? (
              <>
                <strong>Another tab took this plan over.</strong> What you did here was saved first;
                this tab is read-only now.
              </>
            ) : (
              <>
                <strong>This plan is open in another tab.</strong> To keep both from overwriting
                each other, it is read-only here.
              </>
            )}
          </span>
          {elsewhere === 'ask' && (
            <button type="button" className="cc-button cc-button--small" onClick={stayReadOnly}>
              Keep read-only
            </button>
          )}
          <button
            type="button"
            className="cc-button cc-button--small"
            onClick={() => void takeOverPlan()}
          >
            Take over
          </button>
        </div>
      )}
      {elsewhere === 'read-only' && (
        <div className="cc-banner cc-banner--info" role="status" aria-label="Read-only here">
          <span>Read-only: this plan is being edited in another tab.</span>
          <button
            type="button"
            className="cc-button cc-button--small"
            onClick={() => void takeOverPlan()}
          >
            Take over
          </button>
        </div>
      )}
    </>
  );
}
