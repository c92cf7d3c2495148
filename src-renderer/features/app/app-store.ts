// Shell state: which feature is open, what to open inside it (palette jumps), and what main said about itself.
import { create } from 'zustand';
import type { RequestResult } from '../../../src-shared/ipc/contract.js';

export type AppInfo = RequestResult<'app.version'>;

/** A record the inventory view should open (a record key of the inventory store). */
export interface OpenTarget {
  kind: 'node' | 'guest';
  key: string;
}

interface AppState {
  activeFeature: string;
  info: AppInfo | undefined;
  target: OpenTarget | undefined;
  setActiveFeature(id: string): void;
  setInfo(info: AppInfo): void;
  /** switches to the inventory and asks it to open this node or guest */
  openTarget(target: OpenTarget): void;
  /** the inventory took the target */
  takeTarget(): void;
}

export const useAppStore = create<AppState>()((set) => ({
  activeFeature: 'clusters',
  info: undefined,
  target: undefined,
  setActiveFeature: (id) => set({ activeFeature: id }),
  setInfo: (info) => set({ info }),
  openTarget: (target) => set({ activeFeature: 'inventory', target }),
  takeTarget: () => set({ target: undefined }),
}));
