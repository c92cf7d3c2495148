// Security settings of the desktop shell as plain data, so tests can check them without the Electron binary.
import { CONSOLE_ROUTE_KEY, parseConsoleRoute } from '../src-shared/console/console-route.js';

/** DevTools: open in development builds only; a packaged app never offers them (window.ts passes app.isPackaged). */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

/** webPreferences for every BrowserWindow; window.ts spreads these and adds only the preload path. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  // Middle-click (auxclick) can open links in new windows outside the click handlers' view.
  disableBlinkFeatures: 'Auxclick',
} as const;

/** The custom scheme the desktop app loads its renderer from; never a remote origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'proxdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The hash of an empty inline <style>: the only inline style allowed. xterm.js appends <style> elements and writes
 * its theme into them; the renderer's shim (ui/theme/style-element-shim.ts) keeps them empty and sends the CSS to
 * adopted style sheets, so an element that could carry CSS is still refused.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * CSP directives. Inline styles are not allowed (an empty <style> element aside): React and recharts set styles
 * through the CSSOM, which CSP does not block. ws://127.0.0.1:* is for the local console relay only.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", EMPTY_STYLE_HASH],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'ws://127.0.0.1:*'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function serialise(directives: ReadonlyArray<[string, readonly string[]]>): string {
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

export const CONTENT_SECURITY_POLICY = serialise(Object.entries(CSP_DIRECTIVES));

/** The same policy for a <meta> tag in index.html (a second line of defence); browsers ignore frame-ancestors there. */
export const META_CONTENT_SECURITY_POLICY = serialise(
  Object.entries(CSP_DIRECTIVES).filter(([name]) => name !== 'frame-ancestors'),
);

/** Headers sent with every renderer document, by the Electron protocol handler and the web host alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** True for URLs of our own renderer. URL.origin is "null" for custom schemes in Node, so compare the parts. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** What the desktop session may fetch: our app:// files, in-page data/blob URLs, and the loopback console relay. */
export function isAllowedRequestUrl(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  try {
    const url = new URL(raw);
    if (url.protocol === 'devtools:' || url.protocol === 'data:' || url.protocol === 'blob:') return true;
    return url.protocol === 'ws:' && url.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Size of a detached console window (the renderer asks for the same in window.open's features). */
export const CONSOLE_WINDOW_OPTIONS = {
  width: 1024,
  height: 800,
  minWidth: 640,
  minHeight: 480,
  backgroundColor: '#0b0d10',
} as const;

/**
 * True only for our own renderer document whose fragment is a console route and nothing else: the one kind of
 * window the renderer may open (Detach). No query, no other fragment keys, a target that passes the contract schema.
 */
export function isConsoleWindowUrl(raw: string): boolean {
  if (!isAppUrl(raw)) return false;
  const url = new URL(raw);
  if (url.search !== '' || (url.pathname !== '/' && url.pathname !== '/index.html')) return false;
  const keys = [...new URLSearchParams(url.hash.replace(/^#/, '')).keys()];
  return keys.length === 1 && keys[0] === CONSOLE_ROUTE_KEY && parseConsoleRoute(url.hash) !== undefined;
}

export type WindowOpenDecision =
  | { action: 'deny' }
  | {
      action: 'allow';
      overrideBrowserWindowOptions: typeof CONSOLE_WINDOW_OPTIONS & {
        webPreferences: typeof WEB_PREFERENCES & { preload: string; devTools: boolean };
      };
    };

/**
 * What the shell answers to window.open: a console window with the same webPreferences as the main window and the
 * given preload, or deny. Without a preload (a webContents that is not ours) everything is denied.
 */
export function decideWindowOpen(
  url: string,
  preloadPath: string | undefined,
  isPackaged = true,
): WindowOpenDecision {
  if (!preloadPath || !isConsoleWindowUrl(url)) return { action: 'deny' };
  return {
    action: 'allow',
    overrideBrowserWindowOptions: {
      ...CONSOLE_WINDOW_OPTIONS,
      webPreferences: { ...WEB_PREFERENCES, preload: preloadPath, devTools: devToolsAllowed(isPackaged) },
    },
  };
}
