// Profile helpers: host:port splitting, fingerprint normalising, UPID parsing, env import validation.
import { describe, expect, it } from 'vitest';
import { normalizeFingerprint, splitHostPort } from '../../../src-shared/model/profile.js';
import { isTaskSuccess, parseUpid } from '../../../src-shared/model/task.js';
import { readEnvProfile } from '../../../src-main/features/profiles/env-import.js';

describe('profile model', () => {
  it('splits host and port', () => {
    expect(splitHostPort('pve1')).toEqual({ host: 'pve1', port: 8006 });
    expect(splitHostPort('pve1.lan:8443')).toEqual({ host: 'pve1.lan', port: 8443 });
    expect(splitHostPort('https://10.0.0.5:8006/')).toEqual({ host: '10.0.0.5', port: 8006 });
    expect(splitHostPort('[fd00::1]:9000')).toEqual({ host: 'fd00::1', port: 9000 });
  });
  it('normalises fingerprints', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeFingerprint(hex)).toBe(Array(32).fill('AB').join(':'));
    expect(normalizeFingerprint('AB:CD')).toBeUndefined();
  });
  it('parses UPIDs and task exit states', () => {
    expect(parseUpid('UPID:pve1:000A1B2C:0045F3D1:66A0B1C2:qmstart:100:root@pam:')).toMatchObject({
      node: 'pve1',
      type: 'qmstart',
      id: '100',
      pid: 0xa1b2c,
    });
    expect(parseUpid('UPID:pve1:bad')).toBeUndefined();
    expect(isTaskSuccess('OK')).toBe(true);
    expect(isTaskSuccess('WARNINGS: 2')).toBe(true);
    expect(isTaskSuccess('VM 100 already running')).toBe(false);
  });
  it('reads PVE_HOST / PVE_TOKEN_ID / PVE_TOKEN_SECRET', () => {
    expect(readEnvProfile({})).toBeUndefined();
    expect(
      readEnvProfile({ PVE_HOST: 'pve:8007', PVE_TOKEN_ID: 'a@pve!tok', PVE_TOKEN_SECRET: 'x-y' }),
    ).toEqual({ host: 'pve', port: 8007, tokenId: 'a@pve!tok', secret: 'x-y' });
    expect(() => readEnvProfile({ PVE_HOST: 'pve' })).toThrow(/all three/);
    expect(() => readEnvProfile({ PVE_HOST: 'pve', PVE_TOKEN_ID: 'root', PVE_TOKEN_SECRET: 'x' })).toThrow(
      /user@realm!tokenid/,
    );
  });
});
