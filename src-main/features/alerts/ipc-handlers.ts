// Main-side handlers for alerts.*: the current problems with the overall health, and the opt-in setting.
import type { Handlers } from '../../ipc/dispatch.js';
import type { EventBus } from '../../ipc/event-bus.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listClusterTasks } from '../../pve/api/task-lists.js';
import type { InventorySnapshot } from '../../../src-shared/model/inventory.js';
import { openAlertsSettings } from './alerts-settings.js';
import { createAlertsService, type AlertsServiceDeps } from './alerts-service.js';
import { healthOf } from './health.js';

export interface AlertsDeps {
  events: EventBus;
  configDir: string;
  clientFor(clusterId: string): PveCaller;
  clusterName(clusterId: string): string;
  watchInventory(clusterId: string): Promise<InventorySnapshot>;
  unwatchInventory(clusterId: string): Promise<void>;
  taskPollMs?: number;
  batcher?: AlertsServiceDeps['batcher'];
}

export async function createAlerts(deps: AlertsDeps): Promise<{
  handlers: Pick<Handlers, 'alerts.problems' | 'alerts.settings' | 'alerts.setSettings'>;
  dispose(): Promise<void>;
}> {
  const settings = await openAlertsSettings(deps.configDir);
  const service = createAlertsService({
    ...deps,
    settings,
    listTasks: (id, signal) => listClusterTasks(deps.clientFor(id), signal),
  });
  return {
    handlers: {
      'alerts.problems': () => {
        const problems = service.problems();
        return { problems, health: healthOf(problems) };
      },
      'alerts.settings': () => settings.get(),
      'alerts.setSettings': (next) => service.setSettings(next),
    },
    dispose: () => service.dispose(),
  };
}
