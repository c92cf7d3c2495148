// The engine's authentication side and its default state: token secrets, expiry, disabled users, revocation.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROOT_PASSWORD,
  DEMO_PASSWORDS,
  DEMO_TOKENS,
  DEMO_TOTP_SECRET,
  createAccessControl,
  defaultTokenCfg,
  defaultUserCfg,
} from '../../../pve-sim/rbac/index.js';
import { parseUserCfg, writeUserCfg } from '../../../pve-sim/rbac/user-cfg.js';
import { parseTokenCfg } from '../../../pve-sim/rbac/token-cfg.js';

describe('default state', () => {
  it('is canonical user.cfg (write(parse(x)) is a fixed point) and keeps every line', () => {
    const once = writeUserCfg(parseUserCfg(defaultUserCfg()));
    expect(writeUserCfg(parseUserCfg(once))).toBe(once);
    expect(once).toContain('token:OpenVLE@pve!prod01:0:1:');
    expect(once).toContain('pool:OpenVLE-VMs:OpenVLE lab machines:120,121,122,123,124:local-lvm:');
  });
  it('token.cfg holds one secret per default token', () => {
    expect(Object.fromEntries(parseTokenCfg(defaultTokenCfg()))).toEqual(DEMO_TOKENS);
    const acl = createAccessControl();
    expect([...acl.tokens().keys()].sort()).toEqual(Object.keys(DEMO_TOKENS).sort());
  });
  it('every demo password and the root password verify', () => {
    const acl = createAccessControl();
    for (const [u, pw] of Object.entries(DEMO_PASSWORDS)) expect(acl.verifyPassword(u, pw), u).toBe(true);
    expect(acl.verifyPassword('root@pam', DEFAULT_ROOT_PASSWORD)).toBe(true);
    expect(acl.verifyPassword('root@pam', 'wrong')).toBe(false);
    expect(createAccessControl({ rootPassword: 'x1' }).verifyPassword('root@pam', 'x1')).toBe(true);
    expect(acl.totpSecret('totp@pve')).toBe(DEMO_TOTP_SECRET);
  });
  it('pools and poolOfVm follow the pool line', () => {
    const acl = createAccessControl();
    expect(acl.poolOfVm(122)).toBe('OpenVLE-VMs');
    expect(acl.poolOfVm(125)).toBeUndefined();
    expect([...(acl.pools().get('OpenVLE-VMs')?.storage ?? [])]).toEqual(['local-lvm']);
  });
});

describe('token authentication', () => {
  const cfg = `user:a@pve:1:0::::::
token:a@pve!ok:0:1::
token:a@pve!old:1000:1::
user:b@pve:0:0::::::
token:b@pve!tk:0:1::
user:c@pve:1:1000::::::
token:c@pve!tk:0:0::
`;
  const tokens = 'a@pve!ok s1\na@pve!old s2\nb@pve!tk s3\nc@pve!tk s4\nghost@pve!x s5\n';
  const acl = createAccessControl({ userCfg: cfg, tokenCfg: tokens, now: () => 2_000_000 });
  it('accepts the right secret and names the principal', () =>
    expect(acl.authenticateToken('a@pve!ok', 's1')).toEqual({
      kind: 'token',
      userid: 'a@pve',
      tokenid: 'ok',
      full: 'a@pve!ok',
    }));
  it('refuses a wrong secret', () => expect(acl.authenticateToken('a@pve!ok', 's2')).toBeUndefined());
  it('refuses an expired token', () => {
    expect(acl.authenticateToken('a@pve!old', 's2')).toBeUndefined();
    expect(acl.authenticateToken('a@pve!old', 's2', 999_000)).toBeDefined();
  });
  it('refuses tokens of disabled or expired users', () => {
    expect(acl.authenticateToken('b@pve!tk', 's3')).toBeUndefined();
    expect(acl.authenticateToken('c@pve!tk', 's4')).toBeUndefined();
  });
  it('refuses a secret without a token line', () =>
    expect(acl.authenticateToken('ghost@pve!x', 's5')).toBeUndefined());
  it('revokeToken removes the token, its secret and its ACLs', () => {
    const own = createAccessControl({ userCfg: `${cfg}\nacl:1:/:a@pve!ok:PVEAuditor:\n`, tokenCfg: tokens });
    expect(own.toUserCfg()).toContain('a@pve!ok');
    expect(own.revokeToken('a@pve!ok')).toBe(true);
    expect(own.authenticateToken('a@pve!ok', 's1')).toBeUndefined();
    expect(own.toUserCfg()).not.toContain('a@pve!ok');
    expect(own.revokeToken('a@pve!ok')).toBe(false);
  });
});
