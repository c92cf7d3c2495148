// Connect screen state: profiles, live connection states, the last test/connect result or error per profile.
import { create } from 'zustand';
import type { RequestArgs, RequestName, RequestResult } from '../../../src-shared/ipc/contract.js';
import type { AppError, Reply } from '../../../src-shared/ipc/errors.js';
import type { ConnectionState, ConnectionSummary } from '../../../src-shared/model/cluster-summary.js';
import type { ProfileDraft, ProfileView } from '../../../src-shared/model/profile.js';
import { getBridge } from '../../bridge.js';
import { notify } from '../../ui/notifications/notify.js';
import { useAppStore } from '../app/app-store.js';

export type ConnectAction = 'test' | 'open';

/** What the last test or connect of a profile produced. */
export interface ProfileOutcome {
  action: ConnectAction;
  summary?: ConnectionSummary;
  error?: AppError;
}

interface ConnectState {
  profiles: ProfileView[];
  loaded: boolean;
  loadProblem: string | undefined;
  /** profile id -> state main reported in connections.changed */
  connections: Record<string, ConnectionState>;
  outcomes: Record<string, ProfileOutcome>;
  /** profile id -> the request in flight, for disabling buttons */
  busy: Record<string, string>;
  /** the profile being edited; 'new' for the add form */
  editing: string | undefined;
  /** the last failure of a screen-wide action (import from environment) */
  screenError: AppError | undefined;
  /** a screen-wide note, e.g. that there was nothing to import */
  notice: string | undefined;
  load(): Promise<void>;
  setEditing(id: string | undefined): void;
  setConnections(states: ConnectionState[]): void;
  save(profile: ProfileDraft, secret: string | undefined): Promise<Reply<ProfileView>>;
  remove(id: string): Promise<void>;
  importEnv(): Promise<ProfileView | null | undefined>;
  run(id: string, action: ConnectAction, otp?: string): Promise<void>;
  disconnect(id: string): Promise<void>;
  trust(id: string, fingerprint: string): Promise<Reply<ProfileView>>;
}

function call<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Reply<RequestResult<N>>> {
  return getBridge().invoke(name, args);
}

function upsert(list: ProfileView[], view: ProfileView): ProfileView[] {
  return list.some((p) => p.id === view.id)
    ? list.map((p) => (p.id === view.id ? view : p))
    : [...list, view];
}

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const next = { ...record };
  delete next[id];
  return next;
}

export const useConnectStore = create<ConnectState>()((set, get) => {
  async function withBusy<T>(id: string, what: string, work: () => Promise<T>): Promise<T> {
    set((s) => ({ busy: { ...s.busy, [id]: what } }));
    try {
      return await work();
    } finally {
      set((s) => ({ busy: without(s.busy, id) }));
    }
  }

  return {
    profiles: [],
    loaded: false,
    loadProblem: undefined,
    connections: {},
    outcomes: {},
    busy: {},
    editing: undefined,
    screenError: undefined,
    notice: undefined,
    async load() {
      // Profiles and main's connection states arrive together: a connected profile is never drawn as "not
      // connected" with a Connect button first (after a reload the connections in main are still open).
      const [reply, states] = await Promise.all([call('profiles.list', {}), call('connect.states', {})]);
      if (states.ok) get().setConnections(states.value.connections);
      if (!reply.ok) return set({ loaded: true, screenError: reply.error });
      const { profiles, loadProblem } = reply.value;
      set({ profiles, loadProblem, loaded: true, editing: profiles.length === 0 ? 'new' : get().editing });
    },
    setEditing: (editing) => set({ editing }),
    setConnections(states) {
      set({ connections: Object.fromEntries(states.map((c) => [c.profileId, c])) });
    },
    async save(profile, secret) {
      const reply = await call('profiles.save', { profile, ...(secret ? { secret } : {}) });
      if (reply.ok) {
        // Saving drops an open client main-side; the old result no longer describes this profile.
        set((s) => ({
          profiles: upsert(s.profiles, reply.value),
          outcomes: without(s.outcomes, reply.value.id),
        }));
      }
      return reply;
    },
    async remove(id) {
      const reply = await withBusy(id, 'delete', () => call('profiles.delete', { id }));
      if (!reply.ok)
        return set((s) => ({ outcomes: { ...s.outcomes, [id]: { action: 'open', error: reply.error } } }));
      set((s) => ({
        profiles: s.profiles.filter((p) => p.id !== id),
        outcomes: without(s.outcomes, id),
        editing: s.editing === id ? undefined : s.editing,
      }));
    },
    async importEnv() {
      const reply = await call('profiles.importEnv', {});
      if (!reply.ok) {
        set({ screenError: reply.error });
        return undefined;
      }
      const view = reply.value;
      set((s) => ({
        screenError: undefined,
        notice: view
          ? `Imported "${view.name}" from the environment`
          : 'Nothing to import: PVE_HOST, PVE_TOKEN_ID and PVE_TOKEN_SECRET are not set where Proxdeck runs.',
        profiles: view ? upsert(s.profiles, view) : s.profiles,
      }));
      return view;
    },
    async run(id, action, otp) {
      const args = { profileId: id, ...(otp ? { otp } : {}) };
      const reply = await withBusy(id, action, () =>
        call(action === 'test' ? 'connect.test' : 'connect.open', args),
      );
      const outcome: ProfileOutcome = reply.ok
        ? { action, summary: reply.value }
        : { action, error: reply.error };
      set((s) => ({ outcomes: { ...s.outcomes, [id]: outcome } }));
      if (reply.ok && action === 'open')
        afterConnect(get().profiles.find((p) => p.id === id)?.name ?? id, reply.value);
    },
    async disconnect(id) {
      await withBusy(id, 'close', () => call('connect.close', { profileId: id }));
      set((s) => ({ outcomes: without(s.outcomes, id) }));
    },
    async trust(id, fingerprint) {
      const reply = await withBusy(id, 'trust', () => call('connect.trust', { profileId: id, fingerprint }));
      if (reply.ok) set((s) => ({ profiles: upsert(s.profiles, reply.value) }));
      return reply;
    },
  };
});

/**
 * After a successful Connect the user wants the cluster's guests: go to the inventory. A connection that sees
 * nothing (empty-cluster warning) stays here, where the warning says how to fix it; the summary stays on the card.
 */
function afterConnect(name: string, summary: ConnectionSummary): void {
  if (summary.emptyClusterWarning) return;
  notify.success(
    `Connected to ${name}`,
    `Proxmox VE ${summary.version} · ${summary.nodeCount} nodes · ${summary.guestCount} guests`,
  );
  useAppStore.getState().setActiveFeature('inventory');
}

let syncing = false;

/**
 * Idempotent: keeps connection states current for the life of the page, also while another view is open,
 * so coming back to this screen never shows a stale state.
 */
export function startConnectSync(): void {
  if (syncing) return;
  syncing = true;
  getBridge().on('connections.changed', ({ connections }) =>
    useConnectStore.getState().setConnections(connections),
  );
}
