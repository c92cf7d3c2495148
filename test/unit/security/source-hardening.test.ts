// Security checks over the sources themselves (the shell's runtime wiring is covered in test/unit/ipc/):
// no code path weakens the window, no eval, one BrowserWindow, and the literal flags in window.ts match the policy.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_PREFERENCES } from '../../../src-main/security-policy.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const APP_SOURCES = ['src-main', 'src-renderer', 'src-shared'].flatMap((d) => files(path.resolve(d)));
const read = (f: string) => readFileSync(f, 'utf8');

const FORBIDDEN: Array<[string, RegExp]> = [
  ['nodeIntegration enabled', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
  ['context isolation disabled', /contextIsolation\s*:\s*false/],
  ['sandbox disabled', /sandbox\s*:\s*false/],
  ['web security disabled', /webSecurity\s*:\s*false/],
  ['insecure content allowed', /allowRunningInsecureContent\s*:\s*true/],
  ['webview enabled', /webviewTag\s*:\s*true/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['unsafe-eval in a policy', /unsafe-eval/],
  ['shell.openExternal', /openExternal\s*\(/],
  ['remote module', /@electron\/remote|enableRemoteModule/],
  ['certificate errors ignored', /ignore-certificate-errors|setCertificateVerifyProc/],
];

describe('application sources', () => {
  it('were found (the scan is not empty)', () => {
    expect(APP_SOURCES.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN)('contain no %s', (_label, pattern) => {
    const hits = APP_SOURCES.filter((f) => pattern.test(read(f))).map((f) => path.relative(process.cwd(), f));
    expect(hits).toEqual([]);
  });

  it('create a BrowserWindow only in window.ts, and with the policy webPreferences', () => {
    const creators = APP_SOURCES.filter((f) => /new\s+BrowserWindow\s*\(/.test(read(f))).map((f) =>
      path.relative(process.cwd(), f),
    );
    expect(creators).toEqual([path.join('src-main', 'window.ts')]);
    const text = read(path.resolve('src-main/window.ts'));
    expect(text).toMatch(/\.\.\.WEB_PREFERENCES/);
    // The flags repeated for static auditors must say exactly what the policy says.
    for (const [key, value] of Object.entries(WEB_PREFERENCES)) {
      const literal = new RegExp(`\\b${key}\\s*:\\s*([^,\\n]+)`).exec(
        text.slice(text.indexOf('webPreferences')),
      );
      if (literal) expect(literal[1]!.trim().replace(/'/g, '"'), key).toBe(JSON.stringify(value));
    }
  });

  it('import electron only in the thin shell', () => {
    const shell = /src-main[\\/](index\.ts|window\.ts|preload[\\/]|electron[\\/])/;
    const importers = APP_SOURCES.filter((f) => /from\s+'electron'/.test(read(f))).filter(
      (f) => !shell.test(f),
    );
    expect(importers).toEqual([]);
  });
});
