// Which view the centre shows, canvas or address map: a person's choice, never in the plan.
import { create } from 'zustand';
import { useAppStore } from '../../store/app-store';

interface MapViewState {
  open: boolean;
  setOpen: (open: boolean) => void;
}

export const useMapView = create<MapViewState>((set, get) => ({
  open: false,
  setOpen: (open) => {
    if (get().open === open) return;
    set({ open });
    // Back on the canvas, what was picked on the map is brought into view.
    const s = useAppStore.getState();
    if (!open && s.selection.length > 0) s.focus(s.selection);
  },
}));
