// The library dialogs' frame: the shared modal that also closes on Escape, moves the focus in on
// open, and keeps keys from the canvas's shortcuts (Delete in a list must not delete the selected
// VPC) except undo and redo.
import { useEffect, useRef, type ReactNode } from 'react';
import { Modal } from '../../ui/modal';

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
    <Modal
      label={label}
      className="cc-dialog--wide cc-library"
      onClose={onClose}
      dialogRef={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
        if (!(e.ctrlKey || e.metaKey)) e.stopPropagation();
      }}
    >
      {children}
    </Modal>
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
