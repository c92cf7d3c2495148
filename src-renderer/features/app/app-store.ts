// Shell state: which feature is open and what main said about itself (name, version, host kind).
import { create } from 'zustand';
import type { RequestResult } from '../../../src-shared/ipc/contract.js';

export type AppInfo = RequestResult<'app.version'>;

interface AppState {
  activeFeature: string;
  info: AppInfo | undefined;
  setActiveFeature(id: string): void;
  setInfo(info: AppInfo): void;
}

export const useAppStore = create<AppState>()((set) => ({
  activeFeature: 'clusters',
  info: undefined,
  setActiveFeature: (id) => set({ activeFeature: id }),
  setInfo: (info) => set({ info }),
}));
