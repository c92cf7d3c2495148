// What clicking an alert opens: a node or guest in the inventory, the tasks view for a task, the clusters screen for a
// certificate; no target (a grouped notification) opens the problem list.
import type { AlertTarget } from '../../../src-shared/ipc/channels/alerts.js';
import { useAppStore } from '../app/app-store.js';
import { recordKey } from '../inventory/inventory-store.js';
import { useAlertsUi } from './alerts-store.js';

export function openAlertTarget(target: AlertTarget | undefined): void {
  const app = useAppStore.getState();
  if (!target) return useAlertsUi.getState().setListOpen(true);
  useAlertsUi.getState().setListOpen(false);
  switch (target.kind) {
    case 'node':
      return app.openTarget({ kind: 'node', key: recordKey(target.clusterId, `node/${target.node}`) });
    case 'guest':
      return app.openTarget({
        kind: 'guest',
        key: recordKey(target.clusterId, `${target.guestType}/${target.vmid}`),
      });
    case 'task':
      return app.setActiveFeature('tasks');
    case 'cluster':
      return app.setActiveFeature('clusters');
  }
}
