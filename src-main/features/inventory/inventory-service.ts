// Keeps one resource poller per subscribed cluster, hands out snapshots, and sets the poll rate by visibility.
import type { InventoryDelta, InventorySnapshot, StaleInfo } from '../../../src-shared/model/inventory.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { startResourcePoller, type ResourcePoller } from './resource-poller.js';
import { createVisibilityVotes } from './visibility-votes.js';

export interface InventoryServiceDeps {
  /** the open client of a connected profile; throws AppFailure('not_found') when it is not connected */
  clientFor(clusterId: string): PveCaller;
  onDelta(delta: InventoryDelta): void;
  onStale(info: StaleInfo): void;
  /** default 3000 (the PVE GUI's rate) */
  visibleIntervalMs?: number;
  /** default 15000 */
  hiddenIntervalMs?: number;
  nodeDetailsEveryMs?: number;
}

export interface InventoryService {
  subscribe(clusterId: string): Promise<InventorySnapshot>;
  /** returns whether the cluster still has subscribers */
  unsubscribe(clusterId: string): Promise<boolean>;
  /** polls the cluster now and resolves once that poll settled; no-op when nobody subscribed to it */
  refresh(clusterId: string): Promise<void>;
  /** one connection's (window's) visibility; returns the interval now in force */
  setVisible(connection: string, visible: boolean): number;
  /** a window closed or reloaded: its vote goes; returns the interval now in force */
  dropConnection(connection: string): number;
  /** stops pollers of clusters that are no longer connected (wire to connections.changed) */
  retain(connectedIds: Iterable<string>): Promise<void>;
  dispose(): Promise<void>;
}

export function createInventoryService(deps: InventoryServiceDeps): InventoryService {
  const pollers = new Map<string, { poller: ResourcePoller; subscribers: number }>();
  const votes = createVisibilityVotes();
  const interval = (): number =>
    votes.anyVisible() ? (deps.visibleIntervalMs ?? 3_000) : (deps.hiddenIntervalMs ?? 15_000);

  /** Coming back into view: do not make the user wait out a 15 s hidden-mode timer. */
  function afterVote(wasVisible: boolean): number {
    if (votes.anyVisible() && !wasVisible) for (const { poller } of pollers.values()) poller.wake();
    return interval();
  }

  async function drop(clusterId: string): Promise<void> {
    const entry = pollers.get(clusterId);
    if (!entry) return;
    pollers.delete(clusterId);
    await entry.poller.stop();
  }

  return {
    async subscribe(clusterId) {
      // Fail fast with not_found when the cluster is not connected, instead of starting a doomed poller.
      deps.clientFor(clusterId);
      let entry = pollers.get(clusterId);
      if (!entry) {
        const poller = startResourcePoller({
          clusterId,
          caller: () => deps.clientFor(clusterId),
          intervalMs: interval,
          ...(deps.nodeDetailsEveryMs !== undefined ? { nodeDetailsEveryMs: deps.nodeDetailsEveryMs } : {}),
          onDelta: deps.onDelta,
          onStale: deps.onStale,
        });
        entry = { poller, subscribers: 0 };
        pollers.set(clusterId, entry);
      }
      entry.subscribers++;
      await entry.poller.ready();
      return entry.poller.snapshot();
    },
    async unsubscribe(clusterId) {
      const entry = pollers.get(clusterId);
      if (!entry) return false;
      entry.subscribers--;
      if (entry.subscribers > 0) return true;
      await drop(clusterId);
      return false;
    },
    refresh: (clusterId) => pollers.get(clusterId)?.poller.refresh() ?? Promise.resolve(),
    setVisible(connection, v) {
      const was = votes.anyVisible();
      votes.set(connection, v);
      return afterVote(was);
    },
    dropConnection(connection) {
      const was = votes.anyVisible();
      votes.drop(connection);
      return afterVote(was);
    },
    async retain(connectedIds) {
      const keep = new Set(connectedIds);
      await Promise.all([...pollers.keys()].filter((id) => !keep.has(id)).map(drop));
    },
    async dispose() {
      await Promise.all([...pollers.keys()].map(drop));
    },
  };
}
