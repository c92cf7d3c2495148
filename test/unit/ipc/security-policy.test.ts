// The desktop shell's security settings, checked as data (no Electron binary needed).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  META_CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  isAppUrl,
  SECURITY_HEADERS,
  WEB_PREFERENCES,
} from '../../../src-main/security-policy.js';

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
    expect(WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInWorker).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInSubFrames).toBe(false);
    expect(WEB_PREFERENCES.webSecurity).toBe(true);
    expect(WEB_PREFERENCES.allowRunningInsecureContent).toBe(false);
    expect(WEB_PREFERENCES.webviewTag).toBe(false);
    expect(Object.keys(WEB_PREFERENCES)).not.toContain('preload');
  });
});

describe('Content-Security-Policy', () => {
  const values = Object.values(CSP_DIRECTIVES).flat();

  it('allows no inline style but an empty one (the hash of the empty string)', () => {
    const empty = createHash('sha256').update('').digest('base64');
    expect(CSP_DIRECTIVES['style-src']).toEqual(["'self'", `'sha256-${empty}'`]);
  });

  it('has no unsafe-eval, unsafe-inline, wildcard or remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe/);
    for (const value of values) {
      expect(
        value === '*' ||
          /^(https?:)?\/\/(?!127\.0\.0\.1)/.test(value) ||
          value === 'https:' ||
          value === 'http:',
      ).toBe(false);
      if (value.includes('://')) expect(value).toMatch(/^ws:\/\/127\.0\.0\.1:/);
    }
  });

  it('locks down scripts, objects, base, framing and forms', () => {
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['base-uri']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['form-action']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('uses the same policy in the <meta> tag, minus frame-ancestors (ignored there)', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('desktop request filter', () => {
  it.each([
    ['app://proxdeck/index.html', true],
    ['app://proxdeck/assets/x.js', true],
    ['ws://127.0.0.1:5900/relay', true],
    ['data:image/png;base64,AA==', true],
    ['app://evil/index.html', false],
    ['https://example.com/x.js', false],
    ['http://127.0.0.1:8006/', false],
    ['ws://10.0.0.1:5900/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url)).toBe(allowed);
  });

  it('recognises only our own renderer as the app', () => {
    expect(isAppUrl('app://proxdeck/index.html')).toBe(true);
    expect(isAppUrl('app://proxdeck.evil/index.html')).toBe(false);
    expect(isAppUrl('https://proxdeck/index.html')).toBe(false);
  });
});
