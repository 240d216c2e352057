// When the validation core fails on the plan twice in a row: say so plainly, keep editing
// possible, and offer a report the user can send us.
import { useAppStore } from '../store/app-store';

export function CrashBanner({ onDownload }: { onDownload: (report: string) => void }) {
  const crash = useAppStore((s) => s.crashReport);
  if (!crash) return null;
  const report = () => {
    const s = useAppStore.getState();
    return JSON.stringify(
      {
        what: 'CIDR Canvas validation failure report',
        when: new Date().toISOString(),
        userAgent: navigator.userAgent,
        revision: crash.revision,
        message: crash.message,
        stack: crash.stack ?? null,
        plan: s.plan,
      },
      null,
      2,
    );
  };
  return (
    <div className="cc-banner cc-banner--error" role="alert" aria-label="Validation failed">
      <span>
        <strong>Validation failed on this plan</strong> ({crash.message}). Your edits are kept and
        saved; validation tries again on the next edit.
      </span>
      <button
        type="button"
        className="cc-button cc-button--small"
        onClick={() => onDownload(report())}
      >
        Download a report
      </button>
      <button
        type="button"
        className="cc-button cc-button--small"
        onClick={() => useAppStore.getState().setCrashReport(null)}
      >
        Dismiss
      </button>
    </div>
  );
}
