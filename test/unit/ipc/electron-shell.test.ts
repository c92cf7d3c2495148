// The Electron shell's wiring, run from its real bundle against a recording stand-in for the electron module
// (the binary is not available here): hardening calls, window options, navigation/permission denial, IPC origin check.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, WEB_PREFERENCES } from '../../../src-main/security-policy.js';

type Fn = (...args: never[]) => unknown;
const nodeRequire = createRequire(import.meta.url);

function createFakeElectron(appPath: string) {
  const rec = {
    appEvents: new Map<string, Fn>(),
    contentsEvents: new Map<string, Fn>(),
    windows: [] as FakeWindow[],
  };
  let windowOpened: () => void = () => undefined;
  const firstWindow = new Promise<void>((resolve) => (windowOpened = resolve));
  const handlers = new Map<string, Fn>();
  class FakeWindow {
    loaded = '';
    openHandler: Fn | undefined;
    webContents = {
      on: (name: string, fn: Fn) => rec.contentsEvents.set(name, fn),
      setWindowOpenHandler: (fn: Fn) => (this.openHandler = fn),
      getURL: () => 'app://proxdeck/index.html',
      send: () => undefined,
    };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      rec.windows.push(this);
      windowOpened();
    }
    once() {}
    isDestroyed = () => false;
    loadURL = (url: string) => {
      this.loaded = url;
      return Promise.resolve();
    };
    static getAllWindows = () => rec.windows;
  }
  const setHandler = (name: string) => (fn: Fn) => handlers.set(name, fn);
  const electron = {
    app: {
      enableSandbox: () => handlers.set('sandbox', () => true),
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: Fn) => rec.appEvents.set(name, fn),
      whenReady: () => Promise.resolve(),
      getAppPath: () => appPath,
      getPath: () => appPath,
      quit: () => undefined,
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: setHandler('schemes'),
      handle: (_s: string, fn: Fn) => handlers.set('protocol', fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: setHandler('permissionRequest'),
        setPermissionCheckHandler: setHandler('permissionCheck'),
        setDevicePermissionHandler: setHandler('devicePermission'),
        webRequest: {
          onHeadersReceived: setHandler('headers'),
          onBeforeRequest: setHandler('beforeRequest'),
        },
      },
    },
    ipcMain: { handle: (ch: string, fn: Fn) => handlers.set(ch, fn), removeHandler: () => undefined },
    BrowserWindow: FakeWindow,
  };
  return { electron, rec, handlers, firstWindow };
}

let appPath: string;
let fake: ReturnType<typeof createFakeElectron>;

beforeAll(async () => {
  appPath = await mkdtemp(path.join(tmpdir(), 'proxdeck-shell-'));
  await mkdir(path.join(appPath, 'dist'));
  await writeFile(path.join(appPath, 'dist', 'index.html'), '<!doctype html><title>x</title>');
  const out = await build({
    entryPoints: [path.resolve('src-main/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron', '@napi-rs/keyring'],
    write: false,
  });
  fake = createFakeElectron(appPath);
  const module = { exports: {} };
  const run = new Function('require', 'module', 'exports', out.outputFiles[0]?.text ?? '');
  run((id: string) => (id === 'electron' ? fake.electron : nodeRequire(id)), module, module.exports);
  // start() awaits whenReady() before it builds anything; the first window is the last step.
  await fake.firstWindow;
});

afterAll(async () => {
  await rm(appPath, { recursive: true, force: true });
});

const call = (name: string, ...args: unknown[]) =>
  (fake.handlers.get(name) as (...a: unknown[]) => unknown)(...args);

/** the renderer's webContents as ipcMain hands it over: an id, and the destroyed event */
const sender = { id: 1, once: () => undefined };

describe('electron shell', () => {
  it('enables the sandbox and opens the window with the policy webPreferences and the CJS preload', () => {
    expect(fake.handlers.has('sandbox')).toBe(true);
    const win = fake.rec.windows[0]!;
    expect(win.options.webPreferences).toEqual({
      ...WEB_PREFERENCES,
      preload: path.join(appPath, 'dist-main', 'preload.cjs'),
      // an unpackaged app (this test) keeps DevTools; a packaged one does not (security-policy.test.ts)
      devTools: true,
    });
    expect(win.loaded).toBe('app://proxdeck/index.html');
  });

  it('denies navigation, new windows, webviews and every permission', () => {
    const prevented: string[] = [];
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) });
    (fake.rec.contentsEvents.get('will-navigate') as (e: unknown, u: string) => void)(
      event('nav'),
      'https://evil.example/',
    );
    (fake.rec.contentsEvents.get('will-attach-webview') as (e: unknown) => void)(event('webview'));
    expect(prevented).toEqual(['nav', 'webview']);
    const open = (url: string) => fake.rec.windows[0]!.openHandler?.({ url } as never);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://proxdeck/index.html')).toEqual({ action: 'deny' });
    const detached = `app://proxdeck/index.html#console=${encodeURIComponent('{"profileId":"p","node":"pve1","type":"qemu","vmid":101}')}`;
    expect(open(detached)).toMatchObject({
      action: 'allow',
      overrideBrowserWindowOptions: {
        webPreferences: { ...WEB_PREFERENCES, preload: path.join(appPath, 'dist-main', 'preload.cjs') },
      },
    });
    const answers: boolean[] = [];
    call('permissionRequest', {}, 'media', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(call('permissionCheck')).toBe(false);
    expect(fake.rec.appEvents.has('web-contents-created')).toBe(true);
  });

  it('adds the CSP to responses and blocks remote requests', () => {
    let headers: Record<string, string[]> = {};
    call(
      'headers',
      { responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    let cancelled: boolean | undefined;
    call(
      'beforeRequest',
      { url: 'https://example.com/' },
      (r: { cancel: boolean }) => (cancelled = r.cancel),
    );
    expect(cancelled).toBe(true);
  });

  it('serves app:// from dist with the CSP header', async () => {
    const res = (await call('protocol', new Request('app://proxdeck/index.html'))) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const outside = (await call('protocol', new Request('app://proxdeck/../../etc/passwd'))) as Response;
    expect(outside.status).toBe(404);
  });

  it('answers IPC from our frame and refuses other frames', async () => {
    const ok = await call(
      'proxdeck:invoke',
      { sender, senderFrame: { url: 'app://proxdeck/index.html' } },
      'app.version',
      {},
    );
    expect(ok).toMatchObject({ ok: true, value: { host: 'electron' } });
    const foreign = await call(
      'proxdeck:invoke',
      { sender, senderFrame: { url: 'https://evil.example/' } },
      'app.version',
      {},
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const bad = await call(
      'proxdeck:invoke',
      { sender, senderFrame: { url: 'app://proxdeck/' } },
      'app.version',
      {
        x: 1,
      },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
