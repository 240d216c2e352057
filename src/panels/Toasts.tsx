import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  useEffect(() => {
    if (toasts.length === 0) return;
    const t = setTimeout(() => useAppStore.getState().dismissToast(toasts[0]!.id), 6000);
    return () => clearTimeout(t);
  }, [toasts]);
  return (
    <div className="cc-toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((t) => (
        <div key={t.id} className={`cc-toast cc-toast--${t.kind}`}>
          <span>{t.message}</span>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => useAppStore.getState().dismissToast(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
