// The one window the desktop shell lets the renderer open: a detached console of our own app, nothing else.
import { describe, expect, it } from 'vitest';
import { consoleRouteHash } from '../../../src-shared/console/console-route.js';
import { decideWindowOpen, isConsoleWindowUrl, WEB_PREFERENCES } from '../../../src-main/security-policy.js';

const VM = { profileId: 'lab', node: 'pve1', type: 'qemu', vmid: 101 } as const;
const route = consoleRouteHash(VM, '');
const PRELOAD = '/opt/proxdeck/dist-main/preload.cjs';

describe('console window policy', () => {
  it('allows app://proxdeck with a console route', () => {
    expect(isConsoleWindowUrl(`app://proxdeck/index.html${route}`)).toBe(true);
    expect(isConsoleWindowUrl(`app://proxdeck/${route}`)).toBe(true);
    expect(
      isConsoleWindowUrl(
        `app://proxdeck/index.html${consoleRouteHash({ profileId: 'lab', node: 'pve2', type: 'node' }, '')}`,
      ),
    ).toBe(true);
  });

  it.each([
    ['remote origin', `https://evil.example/index.html${route}`],
    ['other app host', `app://other/index.html${route}`],
    ['web host origin', `http://127.0.0.1:4000/${route}`],
    ['no fragment', 'app://proxdeck/index.html'],
    ['other page', `app://proxdeck/other.html${route}`],
    ['query string', `app://proxdeck/index.html?x=1${route}`],
    ['extra fragment key', `app://proxdeck/index.html${consoleRouteHash(VM, '#next=https://evil.example')}`],
    [
      'invalid target',
      `app://proxdeck/index.html#console=${encodeURIComponent('{"profileId":"lab","node":"pve1","type":"qemu"}')}`,
    ],
    ['not JSON', 'app://proxdeck/index.html#console=nope'],
    ['javascript url', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('denies %s', (_label, url) => {
    expect(isConsoleWindowUrl(url)).toBe(false);
    expect(decideWindowOpen(url, PRELOAD)).toEqual({ action: 'deny' });
  });

  it('opens the console with the main window webPreferences plus the preload', () => {
    const decision = decideWindowOpen(`app://proxdeck/index.html${route}`, PRELOAD);
    expect(decision.action).toBe('allow');
    if (decision.action !== 'allow') return;
    expect(decision.overrideBrowserWindowOptions.webPreferences).toEqual({
      ...WEB_PREFERENCES,
      preload: PRELOAD,
      // packaged (the default): no DevTools in the console window either
      devTools: false,
    });
    expect(decision.overrideBrowserWindowOptions.webPreferences.sandbox).toBe(true);
    expect(decision.overrideBrowserWindowOptions.webPreferences.contextIsolation).toBe(true);
  });

  it('denies everything for a webContents without our preload', () => {
    expect(decideWindowOpen(`app://proxdeck/index.html${route}`, undefined)).toEqual({ action: 'deny' });
  });
});
