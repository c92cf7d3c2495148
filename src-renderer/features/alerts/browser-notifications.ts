// The web host's desktop notifications through the browser's Notification API (Electron shows its own from main).
import type { Notice } from '../../../src-shared/ipc/channels/alerts.js';

export const browserCanNotify = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

/** asks once; resolves whether notifications may be shown */
export async function askNotificationPermission(): Promise<boolean> {
  if (!browserCanNotify()) return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

export function showBrowserNotice(notice: Notice, onClick: () => void): void {
  if (!browserCanNotify() || Notification.permission !== 'granted') return;
  const n = new Notification(notice.title, { body: notice.body, tag: notice.id });
  n.onclick = () => {
    window.focus();
    n.close();
    onClick();
  };
}
