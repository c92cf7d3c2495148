// The opt-in switch for desktop notifications; in the web host turning it on asks the browser's permission first.
import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useAlertsRefresh, useAlertsSettings } from '../../data/alerts-reads.js';
import { request } from '../../request.js';
import { notify } from '../../ui/notifications/notify.js';
import { useAppStore } from '../app/app-store.js';
import { askNotificationPermission } from './browser-notifications.js';

export function NotificationsSwitch() {
  const { data } = useAlertsSettings();
  const host = useAppStore((s) => s.info?.host);
  const refresh = useAlertsRefresh();
  const [busy, setBusy] = useState(false);

  async function toggle(enabled: boolean): Promise<void> {
    setBusy(true);
    try {
      if (enabled && host === 'web' && !(await askNotificationPermission())) {
        notify.info(
          'Notifications are blocked',
          'The browser did not allow notifications for Proxdeck. Allow them in the site settings, then try again.',
        );
        return;
      }
      await request('alerts.setSettings', { enabled }, 'Cannot change the notification setting');
      refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Switch
      label="Desktop notifications"
      description="Node offline or back, HA errors, failed tasks and backups, full storage, changed certificates"
      checked={data?.enabled ?? false}
      disabled={busy || data === undefined}
      onChange={(e) => void toggle(e.currentTarget.checked)}
      data-testid="alerts-enabled"
    />
  );
}
