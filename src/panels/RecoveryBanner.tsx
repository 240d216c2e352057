// Shown when the saved plan could not be read at start: the raw copy can be downloaded.
import { useAppStore } from '../store/app-store';

export function RecoveryBanner({ onDownload }: { onDownload: (raw: string) => void }) {
  const recovery = useAppStore((s) => s.recovery);
  if (!recovery) return null;
  return (
    <div className="cc-banner" role="alert">
      <span>
        Your saved plan could not be opened ({recovery.reason}). The sample plan is open instead;
        your saved copy is kept.
      </span>
      <button
        type="button"
        className="cc-button cc-button--small"
        onClick={() => onDownload(recovery.raw)}
      >
        Download the saved copy
      </button>
      <button
        type="button"
        className="cc-button cc-button--small"
        onClick={() => useAppStore.getState().setRecovery(null)}
      >
        Dismiss
      </button>
    </div>
  );
}
