// A toolbar menu's open state: it closes on a press outside it and on Escape. The Export menu
// and the list of people on a workspace plan share it.
import { useEffect, useRef, useState, type RefObject } from 'react';

export function useMenu(): {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The element holding the button and the list: a press inside does not close it. */
  ref: RefObject<HTMLDivElement | null>;
} {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);
  return { open, setOpen, ref };
}
