// e2e: the web host serves the shell in Chromium, app.version answers on screen, and the CSP holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { startApp, type StartedApp } from './harness/start-app.js';

describe('app shell over the web host', () => {
  let app: StartedApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('renders the shell and shows the version main reported', async () => {
    const version = app.page.getByTestId('app-version');
    await version.waitFor();
    expect(await version.textContent()).toBe(`Proxdeck ${packageJson.version} · web host`);
    const nav = await app.page.getByTestId('sidebar').locator('.nav-label').allTextContents();
    // Clusters comes first (the landing view); features add entries after it.
    expect(nav.slice(0, 2)).toEqual(['Clusters', 'Inventory']);
    expect(nav).toEqual(expect.arrayContaining(['Tasks', 'Permissions', 'Audit log']));
    expect(new Set(nav).size).toBe(nav.length);
  });

  it('sent app.version over the socket and got the reply', () => {
    const sent = app.frames
      .filter((f) => f.direction === 'sent')
      .map((f) => JSON.parse(f.payload) as { name: string });
    expect(sent.some((m) => m.name === 'app.version')).toBe(true);
    expect(app.frames.some((f) => f.direction === 'received' && f.payload.includes('"ok":true'))).toBe(true);
  });

  it('switches views from the nav', async () => {
    await app.page.getByTestId('nav-tasks').click();
    await app.page.getByTestId('view-tasks').waitFor();
    expect(await app.page.getByTestId('nav-tasks').getAttribute('aria-current')).toBe('page');
  });

  it('serves the document with the strict CSP and logs no violations', async () => {
    const response = await app.page.request.get(new URL('/', app.url).toString());
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('a page opened without the launch secret', () => {
  let app: StartedApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows a typed error instead of the version', async () => {
    await app.page.goto(app.url.replace(/#.*$/, ''));
    await app.page.reload();
    const message = app.page.getByTestId('toast-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('launch secret');
    expect(await app.page.getByTestId('app-version').count()).toBe(0);
  });
});
