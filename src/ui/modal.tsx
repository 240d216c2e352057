// The frame every modal dialog shares: a dimmed overlay that closes on a click outside, around a
// dialog whose own clicks do not reach the overlay. Four dialogs each wrote it out.
import type { KeyboardEventHandler, ReactNode, Ref } from 'react';

export function Modal({
  label,
  onClose,
  className,
  overlayClassName,
  onKeyDown,
  dialogRef,
  children,
}: {
  /** The dialog's accessible name. */
  label: string;
  onClose: () => void;
  /** Classes besides cc-dialog. */
  className?: string;
  /** Classes besides cc-overlay. */
  overlayClassName?: string;
  onKeyDown?: KeyboardEventHandler<HTMLDivElement>;
  dialogRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  return (
    <div
      className={overlayClassName ? `cc-overlay ${overlayClassName}` : 'cc-overlay'}
      role="presentation"
      onClick={onClose}
    >
      <div
        ref={dialogRef}
        className={className ? `cc-dialog ${className}` : 'cc-dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
