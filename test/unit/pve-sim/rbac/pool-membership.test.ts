// AccessControl's pool membership and guest-removal methods: user.cfg state, privilege caches and the version counter.
import { describe, expect, it } from 'vitest';
import { createAccessControl } from '../../../pve-sim/rbac/index.js';

const CFG = `user:bob@pve:1:0:::::
pool:a:first:100::
pool:b:second:::
acl:1:/pool/a:bob@pve:PVEVMUser:
acl:1:/vms/100:bob@pve:PVEAuditor:
`;
const bob = { kind: 'user', userid: 'bob@pve' } as const;

describe('pool membership', () => {
  it('addPoolMember moves a guest between pools, updates privileges at once and bumps the version', () => {
    const acl = createAccessControl({ userCfg: CFG });
    expect(acl.privileges(bob, '/vms/200').has('VM.PowerMgmt')).toBe(false);
    const v0 = acl.version;
    acl.addPoolMember('a', 200);
    expect(acl.version).toBeGreaterThan(v0);
    expect(acl.poolOfVm(200)).toBe('a');
    expect(acl.privileges(bob, '/vms/200').has('VM.PowerMgmt')).toBe(true);
    acl.addPoolMember('b', 200);
    expect([...(acl.pools().get('a')?.vms ?? [])]).toEqual([100]);
    expect(acl.poolOfVm(200)).toBe('b');
    expect(acl.privileges(bob, '/vms/200').has('VM.PowerMgmt')).toBe(false);
    expect(acl.toUserCfg()).toContain('pool:b:second:200::');
  });

  it('addPoolMember refuses an unknown pool; removePoolMember reports whether there was one', () => {
    const acl = createAccessControl({ userCfg: CFG });
    expect(() => acl.addPoolMember('nope', 1)).toThrow("pool 'nope' does not exist");
    expect(acl.removePoolMember(300)).toBe(false);
    expect(acl.removePoolMember(100)).toBe(true);
    expect(acl.poolOfVm(100)).toBeUndefined();
  });

  it('removeVmAccess drops the /vms/<id> ACLs and the membership, as a destroy does', () => {
    const acl = createAccessControl({ userCfg: CFG });
    expect(acl.privileges(bob, '/vms/100').has('VM.Audit')).toBe(true);
    acl.removeVmAccess(100);
    expect(acl.poolOfVm(100)).toBeUndefined();
    expect(acl.privileges(bob, '/vms/100').size).toBe(0);
    expect(acl.toUserCfg()).not.toContain('/vms/100');
  });
});
