// Shows each alerts.raised as a desktop notification in the web host, opens what a clicked notification points at
// (Electron reports its own clicks as alerts.opened), and refetches the problem list when it changes.
import { useAlertsRefresh } from '../../data/alerts-reads.js';
import { useContractEvent } from '../../useContractEvent.js';
import { useAppStore } from '../app/app-store.js';
import { showBrowserNotice } from './browser-notifications.js';
import { openAlertTarget } from './open-alert-target.js';

export function useAlertNotifications(): void {
  const refresh = useAlertsRefresh();
  const host = useAppStore((s) => s.info?.host);
  useContractEvent('alerts.changed', refresh);
  useContractEvent('alerts.raised', ({ notice }) => {
    refresh();
    if (host === 'web') showBrowserNotice(notice, () => openAlertTarget(notice.target));
  });
  useContractEvent('alerts.opened', ({ target }) => openAlertTarget(target));
}
