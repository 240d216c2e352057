// The frame the library's dialogs share: an overlay that closes on a click outside or Escape,
// focus moved in on open, and keys kept from the canvas's shortcuts (Delete in a list must not
// delete the selected VPC) except undo and redo.
import { useEffect, useRef, type ReactNode } from 'react';

export function DialogShell({
  label,
  onClose,
  children,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, button');
    first?.focus();
  }, []);
  return (
    <div className="cc-overlay" role="presentation" onClick={onClose}>
      <div
        ref={ref}
        className="cc-dialog cc-dialog--wide cc-library"
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
          if (!(e.ctrlKey || e.metaKey)) e.stopPropagation();
        }}
      >
        {children}
      </div>
    </div>
  );
}

export function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
