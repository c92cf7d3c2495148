// Renderer cache of each profile's permissions (from permissions.get), refreshed when main says they changed.
import { create } from 'zustand';
import type { PermissionsInfo } from '../../../src-shared/ipc/channels/permissions.js';
import { getBridge } from '../../bridge.js';

export type PermissionsEntry =
  { state: 'loading' } | { state: 'ready'; info: PermissionsInfo } | { state: 'failed'; message: string };

interface PermissionsState {
  byProfile: Record<string, PermissionsEntry>;
  /** loads a profile's permissions once; later calls are no-ops until main reports a change */
  ensure(profileId: string): void;
  reload(profileId: string, refresh?: boolean): Promise<void>;
}

let subscribed = false;

export const usePermissionsStore = create<PermissionsState>()((set, get) => ({
  byProfile: {},
  ensure(profileId) {
    if (!subscribed) {
      subscribed = true;
      // one subscription for the app's lifetime: a re-read in main (connect, applied ACLs) updates every button
      getBridge().on('permissions.changed', ({ profileId: changed }) => void get().reload(changed));
    }
    if (get().byProfile[profileId]) return;
    void get().reload(profileId);
  },
  async reload(profileId, refresh) {
    set((s) => ({
      byProfile: { ...s.byProfile, [profileId]: s.byProfile[profileId] ?? { state: 'loading' } },
    }));
    const reply = await getBridge().invoke('permissions.get', { profileId, ...(refresh ? { refresh } : {}) });
    const entry: PermissionsEntry = reply.ok
      ? { state: 'ready', info: reply.value }
      : { state: 'failed', message: reply.error.message };
    set((s) => ({ byProfile: { ...s.byProfile, [profileId]: entry } }));
  },
}));
