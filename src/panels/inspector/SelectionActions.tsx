// Duplicate and Delete under whatever the inspector shows, one object or several.
import { Copy, Trash2 } from 'lucide-react';
import { deleteSelection, duplicateSelection } from '../../store/actions';
import { useAppStore } from '../../store/app-store';

export function SelectionActions({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="cc-row">
      <button
        type="button"
        className="cc-button"
        disabled={readOnly}
        onClick={() => duplicateSelection(useAppStore)}
      >
        <Copy size={14} /> Duplicate
      </button>
      <button
        type="button"
        className="cc-button cc-button--danger"
        disabled={readOnly}
        onClick={() => deleteSelection(useAppStore)}
      >
        <Trash2 size={14} /> Delete
      </button>
    </div>
  );
}
