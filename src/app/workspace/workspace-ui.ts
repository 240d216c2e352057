// Whether the workspace dialog is open: app-level UI, outside the plan's store.
import { create } from 'zustand';

export const useWorkspaceDialog = create<{ open: boolean; setOpen: (open: boolean) => void }>()(
  (set) => ({ open: false, setOpen: (open) => set({ open }) }),
);
