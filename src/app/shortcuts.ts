// The keyboard: undo, redo, delete, duplicate, copy, paste, select all, fit, paths, find, help.
import type { ReactFlowInstance } from '@xyflow/react';
import { fitPlan } from '../canvas/fit';
import { copySelection, deleteSelection, duplicateSelection, paste } from '../store/actions';
import { useAppStore } from '../store/app-store';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    el.isContentEditable
  );
}

export function installShortcuts(getFlow: () => ReactFlowInstance | null): () => void {
  const onKey = (e: KeyboardEvent) => {
    const s = useAppStore.getState();
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const inField = typing(e.target);
    if (mod && key === 'z') {
      // Undo works from inside a field too: the field's value is in the plan already.
      e.preventDefault();
      s.commitGesture();
      if (e.shiftKey) s.redo();
      else s.undo();
      return;
    }
    if (mod && key === 'y') {
      e.preventDefault();
      s.redo();
      return;
    }
    if (mod && key === 'k') {
      // Also from a field (Chrome would take Ctrl+K to its address bar); again closes it.
      e.preventDefault();
      s.setCommandOpen(!s.commandOpen);
      return;
    }
    if (inField) return;
    if (!mod && e.key === '/') {
      e.preventDefault();
      s.setCommandOpen(true);
      return;
    }
    if (mod && key === 'd') {
      e.preventDefault();
      duplicateSelection(useAppStore);
    } else if (mod && key === 'c') {
      if (copySelection(useAppStore)) e.preventDefault();
    } else if (mod && key === 'v') {
      e.preventDefault();
      paste(useAppStore);
    } else if (mod && key === 'a') {
      e.preventDefault();
      const p = s.plan;
      s.select([...p.vpcs, ...p.idcs, ...p.ccns].map((o) => o.id));
    } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      deleteSelection(useAppStore);
    } else if (e.key === 'Escape') {
      if (s.helpOpen) s.setHelpOpen(false);
      else s.select([]);
    } else if (e.key === '?') {
      s.setHelpOpen(!s.helpOpen);
    } else if (!mod && key === 'f') {
      {
        const flow = getFlow();
        if (flow) void fitPlan(flow, 250);
      }
    } else if (!mod && key === 'p') {
      s.setShowAllPaths(!s.showAllPaths);
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
