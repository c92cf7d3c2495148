// Tells the renderer what a finished plan changed (plans.changed), after the inventory caught up with it.
import type { ChangeKey } from '../../src-shared/plans/changes.js';
import type { EventBus } from '../ipc/event-bus.js';
import type { StoredPlan } from './plan-store.js';

export interface ChangedEmitterDeps {
  events: Pick<EventBus, 'emit'>;
  /** polls the profile's inventory now and resolves once it answered, so reads that follow a guest see its new node */
  refreshInventory?(profileId: string): Promise<void>;
  /** longest wait for that refresh (default 3 s): the event goes out either way */
  refreshTimeoutMs?: number;
}

const MOVES_GUESTS = (c: ChangeKey): boolean =>
  (c.kind === 'guest' && (c.aspect === 'node' || c.aspect === 'status')) ||
  (c.kind === 'cluster' && (c.area === 'guests' || c.area === 'ha'));

export function createChangedEmitter(deps: ChangedEmitterDeps): (stored: StoredPlan) => Promise<void> {
  const timeout = deps.refreshTimeoutMs ?? 3_000;
  return async (stored) => {
    const { changes, id } = stored.plan;
    if (changes.length === 0) return;
    if (deps.refreshInventory && changes.some(MOVES_GUESTS)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        deps.refreshInventory(stored.profileId).catch(() => undefined),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeout))),
      ]);
      clearTimeout(timer);
    }
    deps.events.emit('plans.changed', { profileId: stored.profileId, planId: id, changes });
  };
}
