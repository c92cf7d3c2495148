// e2e entry point: a fresh web host (own config dir) plus a Chromium page on it, with every WS frame recorded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startWebHostProcess } from './web-host-process.js';

export interface WsFrame {
  direction: 'sent' | 'received';
  url: string;
  payload: string;
}

export interface StartedApp {
  /** The URL the web host printed, including #secret=... */
  url: string;
  page: Page;
  browser: Browser;
  context: BrowserContext;
  configDir: string;
  /** Every WebSocket frame the page sent or received, in order (binary frames as base64). */
  frames: WsFrame[];
  /** Console errors and uncaught page errors (CSP violations land here). */
  pageErrors: string[];
  /** The host process's stdout + stderr so far. */
  hostOutput(): string;
  close(): Promise<void>;
}

export async function startApp(
  opts: { env?: Record<string, string>; configDir?: string } = {},
): Promise<StartedApp> {
  const ownConfigDir = opts.configDir === undefined;
  const configDir = opts.configDir ?? (await mkdtemp(path.join(tmpdir(), 'proxdeck-e2e-')));
  const host = await startWebHostProcess({ configDir, env: opts.env });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const frames: WsFrame[] = [];
    const pageErrors: string[] = [];
    page.on('websocket', (ws) => {
      const record = (direction: WsFrame['direction']) => (frame: { payload: string | Buffer }) =>
        frames.push({
          direction,
          url: ws.url(),
          payload: typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('base64'),
        });
      ws.on('framesent', record('sent'));
      ws.on('framereceived', record('received'));
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(host.url);
    const openedBrowser = browser;
    return {
      url: host.url,
      page,
      browser: openedBrowser,
      context,
      configDir,
      frames,
      pageErrors,
      hostOutput: host.output,
      async close() {
        await openedBrowser.close();
        await host.stop();
        if (ownConfigDir) await rm(configDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await host.stop();
    if (ownConfigDir) await rm(configDir, { recursive: true, force: true });
    throw err;
  }
}
