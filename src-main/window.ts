// The main window: sandboxed, isolated renderer loaded from app://proxdeck, with the preload as its only bridge.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { hardenWebContents } from './electron/harden-session.js';
import { APP_ORIGIN, devToolsAllowed, WEB_PREFERENCES } from './security-policy.js';

export function createMainWindow(opts: { preloadPath: string; iconPath: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    title: 'Proxdeck',
    icon: opts.iconPath,
    show: false,
    backgroundColor: '#f5f6f8',
    // The key flags are repeated literally so static auditors (electronegativity) can see them; the values equal WEB_PREFERENCES.
    webPreferences: {
      ...WEB_PREFERENCES,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: devToolsAllowed(app.isPackaged),
      preload: path.resolve(opts.preloadPath),
    },
  });
  hardenWebContents(win.webContents, path.resolve(opts.preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
