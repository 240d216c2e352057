// A plan opened from a share link is read-only until the user edits a copy.
import { useAppStore } from '../store/app-store';

export function SharedBanner() {
  const shared = useAppStore((s) => s.sharedView);
  if (!shared) return null;
  return (
    <div className="cc-banner cc-banner--info" role="status" aria-label="Shared plan">
      <span>
        <strong>Shared plan, read-only.</strong> Nothing you do here changes it or your own saved
        plan.
      </span>
      <button
        type="button"
        className="cc-button cc-button--small"
        onClick={() => {
          const s = useAppStore.getState();
          s.setSharedView(false);
          history.replaceState(null, '', window.location.pathname + window.location.search);
          s.toast(
            'This is now your copy: edits are saved in this browser. Undo (Ctrl+Z) brings back the plan you had before.',
            'success',
          );
        }}
      >
        Edit a copy
      </button>
    </div>
  );
}
