// check() on real schema permission objects (read from schema.json at run time): the RBAC rules, one case each.
import { describe, expect, it } from 'vitest';
import { createAccessControl, defaultUserCfg } from '../../../pve-sim/rbac/index.js';
import type { Principal, SchemaPermissions } from '../../../pve-sim/http/types.js';
import { schemaPermissionsLoader } from './reference-data.js';

const perms = schemaPermissionsLoader();
const p = (method: string, path: string) => perms(method, path) as SchemaPermissions | undefined;
const user = (userid: string): Principal => ({ kind: 'user', userid });
const token = (full: string): Principal => {
  const [userid = '', tokenid = ''] = full.split('!');
  return { kind: 'token', userid, tokenid, full };
};

const CFG = `${defaultUserCfg()}
user:alice@pve:1:0::::::
token:alice@pve!wide:0:1::
user:bob@pve:1:0::::::
user:carol@pve:1:0::::::
user:dave@pve:1:0::::::
group:helpdesk:bob@pve::
role:VMPower:VM.PowerMgmt,VM.Audit:
role:DiskOnly:VM.Config.Disk:
acl:0:/vms:alice@pve:VMPower:
acl:1:/vms/110:alice@pve:VMPower:
acl:1:/:alice@pve!wide:Administrator:
acl:1:/vms:@helpdesk:VMPower:
acl:1:/vms/111:bob@pve:NoAccess:
acl:1:/vms/112:carol@pve:DiskOnly:
acl:1:/access/groups/helpdesk:carol@pve:PVEUserAdmin:
acl:1:/access/realm/pve:carol@pve:PVEUserAdmin:
acl:1:/pool/OpenVLE-VMs:dave@pve:NoAccess:
acl:1:/vms:dave@pve:VMPower:
`;
const acl = createAccessControl({ userCfg: CFG });
const verdict = (method: string, path: string, who: Principal | undefined, params: Record<string, unknown>) =>
  acl.check(p(method, path), who, params);
const denied = (message: string) => ({ ok: false, message, status: 403 });
const OK = { ok: true };

describe('check() on schema permissions', () => {
  it('1 world endpoint without a user', () =>
    expect(verdict('GET', '/access/domains', undefined, {})).toEqual(OK));
  it('2 no user on a checked endpoint', () =>
    expect(verdict('GET', '/nodes', undefined, {})).toEqual(
      denied('Permission check failed (user != null)\n'),
    ));
  it('3 root@pam passes anything', () =>
    expect(verdict('POST', '/nodes/{node}/execute', user('root@pam'), { node: 'pve1' })).toEqual(OK));
  it('4 no permissions object: root only', () =>
    expect(verdict('POST', '/nodes/{node}/execute', user('ops@pve'), { node: 'pve1' })).toEqual(
      denied('Permission check failed (user != root@pam)\n'),
    ));
  it('5 user: all', () =>
    expect(verdict('GET', '/access/permissions', token('empty@pve!noacl'), {})).toEqual(OK));
  it('6 perm with path templating', () =>
    expect(
      verdict('POST', '/nodes/{node}/qemu/{vmid}/status/start', user('auditor@pve'), {
        node: 'pve1',
        vmid: '100',
      }),
    ).toEqual(denied('Permission check failed (/vms/100, VM.PowerMgmt)\n')));
  // VM.PowerMgmt on /vms/<vmid> for POST .../status/start, one RBAC rule per row
  const START: [string, Principal, string, boolean][] = [
    ['7 propagate=0 does not reach children', user('alice@pve'), '100', false],
    ['8 deeper propagated entry applies', user('alice@pve'), '110', true],
    ['9 group ACL', user('bob@pve'), '100', true],
    ['10 user NoAccess beats the group role', user('bob@pve'), '111', false],
    ['11 privsep token: intersection with its user', token('alice@pve!wide'), '100', false],
    ['12 privsep token: allowed where both have it', token('alice@pve!wide'), '110', true],
    ['16 pool ACL reaches the pool VMs', token('OpenVLE@pve!prod01'), '122', true],
    ['17 ... and not other VMs', token('OpenVLE@pve!prod01'), '125', false],
    ['18 pool NoAccess beats a /vms role', user('dave@pve'), '120', false],
  ];
  it.each(START)('%s', (_name, who, vmid, ok) =>
    expect(verdict('POST', '/nodes/{node}/qemu/{vmid}/status/start', who, { node: 'pve1', vmid })).toEqual(
      ok ? OK : denied(`Permission check failed (/vms/${vmid}, VM.PowerMgmt)\n`),
    ),
  );
  it('13 privsep token without ACLs sees nothing', () =>
    expect(
      verdict('GET', '/nodes/{node}/qemu/{vmid}/status/current', token('empty@pve!noacl'), {
        node: 'pve1',
        vmid: '100',
      }),
    ).toEqual(denied('Permission check failed (/vms/100, VM.Audit)\n')));
  it('14 its user does see it', () =>
    expect(
      verdict('GET', '/nodes/{node}/qemu/{vmid}/status/current', user('empty@pve'), {
        node: 'pve1',
        vmid: '100',
      }),
    ).toEqual(OK));
  it('15 non-privsep token = its user', () =>
    expect(
      verdict('POST', '/nodes/{node}/qemu/{vmid}/status/stop', token('ops@pve!ops'), {
        node: 'pve1',
        vmid: '130',
      }),
    ).toEqual(OK));
  it('19 any: privileges joined with |', () =>
    expect(
      verdict('GET', '/nodes/{node}/qemu/{vmid}/agent/file-read', user('support@pve'), {
        node: 'pve1',
        vmid: '100',
        file: '/etc/hostname',
      }),
    ).toEqual(
      denied('Permission check failed (/vms/100, VM.GuestAgent.FileRead|VM.GuestAgent.Unrestricted)\n'),
    ));
  it('20 and/or with require_param: clone to a pool', () => {
    const params = { node: 'pve1', vmid: '120', newid: '150' };
    expect(verdict('POST', '/nodes/{node}/qemu/{vmid}/clone', token('OpenVLE@pve!prod01'), params)).toEqual(
      denied('Permission check failed\n'),
    );
    expect(
      verdict('POST', '/nodes/{node}/qemu/{vmid}/clone', token('OpenVLE@pve!prod01'), {
        ...params,
        pool: 'OpenVLE-VMs',
      }),
    ).toEqual(OK);
  });
  it('21 and: first failing sub-check names itself', () =>
    expect(
      verdict('POST', '/nodes/{node}/qemu/{vmid}/clone', user('auditor@pve'), {
        node: 'pve1',
        vmid: '100',
        newid: '150',
      }),
    ).toEqual(denied('Permission check failed (/vms/100, VM.Clone)\n')));
  it('22 userid-param self', () => {
    expect(verdict('GET', '/access/users/{userid}/token', user('bob@pve'), { userid: 'bob@pve' })).toEqual(
      OK,
    );
    expect(verdict('GET', '/access/users/{userid}/token', user('bob@pve'), { userid: 'alice@pve' })).toEqual(
      denied('Permission check failed\n'),
    );
  });
  it('23 userid-group: User.Modify on a group of the target', () => {
    expect(verdict('GET', '/access/users/{userid}/token', user('carol@pve'), { userid: 'bob@pve' })).toEqual(
      OK,
    );
    expect(
      verdict('GET', '/access/users/{userid}/token', user('carol@pve'), { userid: 'alice@pve' }),
    ).toEqual(denied('Permission check failed\n'));
  });
  it('24 a token is not "self" for its user', () =>
    expect(
      verdict('GET', '/access/users/{userid}/token', token('auditor@pve!ro'), { userid: 'auditor@pve' }).ok,
    ).toBe(false));
  it('25 unknown target user: 500 no such user', () =>
    expect(verdict('GET', '/access/users/{userid}', user('carol@pve'), { userid: 'ghost@pve' })).toEqual({
      ok: false,
      message: "no such user ('ghost@pve')\n",
      status: 500,
    }));
  it('26 create user: Realm.AllocateUser + groups_param', () => {
    expect(
      verdict('POST', '/access/users', user('carol@pve'), { userid: 'new@pve', groups: 'helpdesk' }),
    ).toEqual(OK);
    expect(verdict('POST', '/access/users', user('carol@pve'), { userid: 'new@pve' })).toEqual(
      denied('Permission check failed (/access/groups, User.Modify)\n'),
    );
    expect(
      verdict('POST', '/access/users', user('carol@pve'), { userid: 'new@pam', groups: 'helpdesk' }),
    ).toEqual(denied('Permission check failed (/access/realm/pam, Realm.AllocateUser)\n'));
  });
  it('27 perm-modify: VM.Allocate substitutes on /vms/<id>', () => {
    expect(
      verdict('PUT', '/access/acl', token('OpenVLE@pve!prod01'), { path: '/vms/121', roles: 'PVEVMUser' }),
    ).toEqual(OK);
    expect(
      verdict('PUT', '/access/acl', token('OpenVLE@pve!prod01'), { path: '/vms/101', roles: 'PVEVMUser' }),
    ).toEqual(denied('Permission check failed (/vms/101, Permissions.Modify|VM.Allocate)\n'));
  });
  it('28 perm-modify on a top path needs Permissions.Modify', () =>
    expect(verdict('PUT', '/access/acl', user('ops@pve'), { path: '/vms', roles: 'PVEVMUser' })).toEqual(
      denied('Permission check failed (/vms, Permissions.Modify)\n'),
    ));
  it('29 path normalisation in templates', () =>
    expect(verdict('GET', '/pools/{poolid}', token('OpenVLE@pve!prod01'), { poolid: 'OpenVLE-VMs' })).toEqual(
      OK,
    ));
  it('30 SDN.Use on the zone for the scoped token', () =>
    expect(acl.privileges(token('OpenVLE@pve!prod01'), '/sdn/zones/localnetwork/vmbr0').has('SDN.Use')).toBe(
      true,
    ));
});
