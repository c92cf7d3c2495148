// Electron side of alerts, kept thin: each alerts.raised becomes an OS notification (a click focuses the window and
// sends alerts.opened so the renderer opens the item), and a tray icon shows the health colour and problem count.
import { Menu, Notification, Tray, app, nativeImage, type BrowserWindow } from 'electron';
import { alertsEvents, type Health } from '../../src-shared/ipc/channels/alerts.js';
import type { EventBus } from '../ipc/event-bus.js';
import { healthLabel } from '../features/alerts/health.js';
import { trayIconBitmap } from '../features/alerts/tray-icon.js';

const Raised = alertsEvents['alerts.raised'].payload;
const Changed = alertsEvents['alerts.changed'].payload;
const SIZE = 16;

export function startAlertsShell(opts: {
  events: EventBus;
  window(): BrowserWindow | undefined;
}): () => void {
  const focus = (): void => {
    const win = opts.window();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const icon = (h: Health) =>
    nativeImage.createFromBitmap(trayIconBitmap(h.level, SIZE), { width: SIZE, height: SIZE });
  const tray = new Tray(icon({ level: 'green', count: 0 }));
  const show = (h: Health): void => {
    tray.setImage(icon(h));
    tray.setToolTip(healthLabel(h));
    if (process.platform === 'darwin') tray.setTitle(h.count > 0 ? String(h.count) : '');
  };
  show({ level: 'green', count: 0 });
  const openList = (): void => {
    focus();
    opts.events.emit('alerts.opened', {});
  };
  tray.on('click', openList);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show problems', click: openList },
      { type: 'separator' },
      { label: 'Quit Proxdeck', click: () => app.quit() },
    ]),
  );

  const unsubscribe = opts.events.subscribe((m) => {
    if (m.event === 'alerts.changed') {
      const c = Changed.safeParse(m.payload);
      if (c.success) show(c.data.health);
    } else if (m.event === 'alerts.raised' && Notification.isSupported()) {
      const r = Raised.safeParse(m.payload);
      if (!r.success) return;
      const { notice } = r.data;
      const n = new Notification({ title: notice.title, body: notice.body });
      n.on('click', () => {
        focus();
        opts.events.emit('alerts.opened', notice.target ? { target: notice.target } : {});
      });
      n.show();
    }
  });
  return () => {
    unsubscribe();
    tray.destroy();
  };
}
