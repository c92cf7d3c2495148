// Electron lifecycle only: harden, compose services, bind IPC, open the window, clean up on quit.
import path from 'node:path';
import { app, session } from 'electron';
import { readDemoEnv } from './demo/demo-env.js';
import { createAppServices } from './app-services.js';
import { registerAppScheme, serveAppScheme } from './electron/app-protocol.js';
import { hardenSession, hardenWebContents } from './electron/harden-session.js';
import { bindIpc } from './electron/ipc-binding.js';
import { startAlertsShell } from './electron/alerts-shell.js';
import { createMainWindow } from './window.js';

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) app.quit();

// Any webContents created later (devtools, a stray frame) gets the same guards as the main window.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  const root = app.getAppPath();
  hardenSession(session.defaultSession);
  serveAppScheme(path.join(root, 'dist'));

  const services = await createAppServices({
    configDir: process.env.PROXDECK_CONFIG_DIR ?? app.getPath('userData'),
    host: 'electron',
    demo: await readDemoEnv(process.env),
  });
  const dispatcher = services.dispatcher;
  const unbind = bindIpc(dispatcher, services.events, services.connectionClosed);
  const openWindow = () =>
    createMainWindow({
      preloadPath: path.join(root, 'dist-main', 'preload.cjs'),
      iconPath: path.join(root, 'dist', 'icon.png'),
    });
  let mainWindow = openWindow();
  const stopAlerts = startAlertsShell({ events: services.events, window: () => mainWindow });

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow();
    else mainWindow.focus();
  });
  app.on('activate', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    unbind();
    stopAlerts();
    void services.dispose().finally(() => app.quit());
  });
}

start().catch((err: unknown) => {
  console.error('[proxdeck] failed to start:', err);
  app.exit(1);
});
