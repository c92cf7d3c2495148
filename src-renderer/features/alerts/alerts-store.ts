// Whether the problem list (the health indicator's pop-over) is open: a grouped notification opens it on click.
import { create } from 'zustand';

interface AlertsUiState {
  listOpen: boolean;
  setListOpen(open: boolean): void;
}

export const useAlertsUi = create<AlertsUiState>()((set) => ({
  listOpen: false,
  setListOpen: (listOpen) => set({ listOpen }),
}));
