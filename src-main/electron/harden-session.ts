// Session- and webContents-level guards: CSP on every response, no permissions, no navigation, no webviews, and no new
// windows except a detached console of our own (decided by security-policy.ts).
import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, decideWindowOpen, isAllowedRequestUrl } from '../security-policy.js';

export function hardenSession(session: Session): void {
  // Every permission (camera, notifications, clipboard-read, ...) is refused; the app needs none.
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Belt and braces: the app:// handler sets the CSP itself; this covers any other response the session sees.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // Nothing leaves the machine except loopback (console relay) and app:// itself.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

/** preloadPath: given for our own windows, whose Detach may open a console window with that preload; else all denied. */
export function hardenWebContents(contents: WebContents, preloadPath?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The new window's own webContents is hardened again by index.ts's web-contents-created hook (without a preload).
  contents.setWindowOpenHandler((details) => decideWindowOpen(details.url, preloadPath, app.isPackaged));
}
