// The toolbar's way into the workspace, shown once this browser knows a workspace token.
import { Users } from 'lucide-react';
import { savedToken } from './link';
import { useWorkspaceDialog } from './workspace-ui';

export function WorkspaceButton() {
  if (!savedToken()) return null;
  return (
    <button
      type="button"
      className="cc-tool"
      data-collapse="live"
      onClick={() => useWorkspaceDialog.getState().setOpen(true)}
      title="Plans edited together on the workspace server"
    >
      <Users size={16} /> Workspace
    </button>
  );
}
