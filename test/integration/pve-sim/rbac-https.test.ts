// RBAC over real HTTPS: /access/permissions for the default principals, 403 texts, and each rule changed live via the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_PASSWORDS, DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { call, login, tokenHeader, type Login } from './core-client.js';

let sim: RunningSim;
let root: Login;
const tok = (id: string) => tokenHeader(id, DEMO_TOKENS[id] ?? '');
const openvle = tok('OpenVLE@pve!prod01');
const auditor = tok('auditor@pve!ro');
const empty = tok('empty@pve!noacl');

beforeAll(async () => {
  sim = await startSimulator({ controlPort: false });
  root = await login(sim);
});
afterAll(async () => {
  await sim.close();
});

const get = async (headers: Record<string, string>, path: string) => {
  const r = await call(sim, 'GET', path, { headers });
  return { status: r.status, reason: r.reason, body: r.text ? r.json() : {} };
};
const write = async (
  method: string,
  headers: Record<string, string>,
  path: string,
  form: Record<string, string>,
) => {
  const r = await call(sim, method, path, { headers, form });
  return { status: r.status, body: r.json() };
};
const perms = async (headers: Record<string, string>, query = '') =>
  (await get(headers, `/access/permissions${query}`)).body.data as Record<string, Record<string, number>>;

describe('GET /access/permissions for the default principals', () => {
  it('pool-scoped privsep token: only its pool members, pool storage and the SDN zone', async () => {
    const data = await perms(openvle);
    expect(Object.keys(data).sort()).toEqual([
      '/pool/OpenVLE-VMs',
      '/sdn/zones/localnetwork',
      '/storage/local-lvm',
      '/vms/120',
      '/vms/121',
      '/vms/122',
      '/vms/123',
      '/vms/124',
    ]);
    expect(data['/vms/122']?.['VM.PowerMgmt']).toBe(0);
    expect(data['/pool/OpenVLE-VMs']?.['VM.PowerMgmt']).toBe(1);
    expect(data['/storage/local-lvm']?.['Datastore.AllocateSpace']).toBe(0);
    expect(data['/sdn/zones/localnetwork']).toEqual({ 'SDN.Audit': 1, 'SDN.Use': 1 });
  });
  it('privsep token without ACLs sees nothing, its user sees PVEAuditor', async () => {
    expect(await perms(empty)).toEqual({});
    const user = await login(sim, 'empty@pve', DEMO_PASSWORDS['empty@pve']);
    expect((await perms(user.cookie))['/']).toEqual({
      'Datastore.Audit': 1,
      'Mapping.Audit': 1,
      'Pool.Audit': 1,
      'SDN.Audit': 1,
      'Sys.Audit': 1,
      'VM.Audit': 1,
      'VM.GuestAgent.Audit': 1,
    });
  });
  it('path= answers one path, {} when nothing', async () => {
    expect(await perms(openvle, '?path=/vms/100')).toEqual({ '/vms/100': {} });
    expect((await perms(auditor, '?path=/vms/100'))['/vms/100']?.['VM.Audit']).toBe(1);
    expect((await perms(auditor, '?path=/vms/100'))['/vms/100']?.['VM.PowerMgmt']).toBeUndefined();
  });
  it('non-privsep token has exactly its user privileges', async () => {
    const ops = await login(sim, 'ops@pve', DEMO_PASSWORDS['ops@pve']);
    expect(await perms(tok('ops@pve!ops'))).toEqual(await perms(ops.cookie));
  });
  it('root@pam gets all 47 privileges on /', async () => {
    expect(Object.keys((await perms(root.cookie))['/'] ?? {})).toHaveLength(47);
  });
  it('querying another principal needs Sys.Audit on /access (exact 403)', async () => {
    const r = await get(openvle, '/access/permissions?userid=auditor@pve');
    expect(r.status).toBe(403);
    expect(r.reason).toBe('Permission check failed (/access, Sys.Audit)');
    expect(r.body.message).toBe('Permission check failed (/access, Sys.Audit)\n');
    expect(Object.keys(await perms(auditor, '?userid=OpenVLE@pve!prod01'))).toContain('/vms/120');
  });
  it('a user may query its own token', async () => {
    const user = await login(sim, 'OpenVLE@pve', DEMO_PASSWORDS['OpenVLE@pve']);
    expect(await perms(user.cookie, '?userid=OpenVLE@pve!prod01')).toEqual(await perms(openvle));
  });
});

describe('403 texts of schema checks', () => {
  it('perm: names path and privilege', async () => {
    const r = await call(sim, 'POST', '/nodes/pve1/qemu/100/status/start', { headers: openvle });
    expect(r.status).toBe(403);
    expect(r.json().message).toBe('Permission check failed (/vms/100, VM.PowerMgmt)\n');
  });
  it('any: privileges joined with |', async () => {
    const r = await get(
      tok('support@pve!console'),
      '/nodes/pve1/qemu/100/agent/file-read?file=/etc/hostname',
    );
    expect(r.body.message).toBe(
      'Permission check failed (/vms/100, VM.GuestAgent.FileRead|VM.GuestAgent.Unrestricted)\n',
    );
  });
  it('no permissions object: root only', async () => {
    const r = await call(sim, 'POST', '/nodes/pve1/execute', {
      headers: tok('ops@pve!ops'),
      form: { commands: '[]' },
    });
    expect(r.json().message).toBe('Permission check failed (user != root@pam)\n');
  });
  it('or/userid-param: bare text', async () => {
    const r = await get(openvle, '/access/users/auditor@pve/token');
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('Permission check failed\n');
  });
});

describe('rules changed live through the API', () => {
  let secret = '';
  const t = () => tokenHeader('lab@pve!tk', secret);
  it('creates a user and a privsep token whose secret authenticates', async () => {
    expect(
      (await write('POST', root.write, '/access/users', { userid: 'lab@pve', password: 'lab-pass-1' }))
        .status,
    ).toBe(200);
    const r = await write('POST', root.write, '/access/users/lab@pve/token/tk', {});
    const data = r.body.data as { 'full-tokenid': string; info: { privsep: number }; value: string };
    expect(data['full-tokenid']).toBe('lab@pve!tk');
    expect(data.info.privsep).toBe(1);
    secret = data.value;
    expect(await perms(t())).toEqual({});
  });
  it('propagate=0 holds only on the path itself', async () => {
    await write('PUT', root.write, '/access/acl', {
      path: '/vms',
      roles: 'PVEVMUser',
      users: 'lab@pve',
      tokens: 'lab@pve!tk',
      propagate: '0',
    });
    expect((await perms(t(), '?path=/vms'))['/vms']?.['VM.Audit']).toBe(0);
    expect(await perms(t(), '?path=/vms/100')).toEqual({ '/vms/100': {} });
  });
  it('propagate=1 reaches the children', async () => {
    await write('PUT', root.write, '/access/acl', {
      path: '/vms',
      roles: 'PVEVMUser',
      users: 'lab@pve',
      tokens: 'lab@pve!tk',
      propagate: '1',
    });
    expect((await perms(t(), '?path=/vms/100'))['/vms/100']?.['VM.PowerMgmt']).toBe(1);
  });
  it('privsep: Administrator on the token is cut to the user privileges', async () => {
    await write('PUT', root.write, '/access/acl', {
      path: '/',
      roles: 'Administrator',
      tokens: 'lab@pve!tk',
    });
    const mine = (await perms(t(), '?path=/vms/100'))['/vms/100'] ?? {};
    expect(mine['VM.Allocate']).toBeUndefined();
    expect(Object.keys(mine)).toHaveLength(10);
  });
  it('NoAccess on the user empties the token too', async () => {
    await write('PUT', root.write, '/access/acl', { path: '/vms/105', roles: 'NoAccess', users: 'lab@pve' });
    expect(await perms(t(), '?path=/vms/105')).toEqual({ '/vms/105': {} });
    expect((await call(sim, 'POST', '/nodes/pve1/qemu/105/status/start', { headers: t() })).status).toBe(403);
  });
  it('adding a VM to a pool extends the pool token', async () => {
    expect(await perms(openvle, '?path=/vms/125')).toEqual({ '/vms/125': {} });
    expect((await write('PUT', root.write, '/pools', { poolid: 'OpenVLE-VMs', vms: '125' })).status).toBe(
      200,
    );
    expect((await perms(openvle, '?path=/vms/125'))['/vms/125']?.['VM.PowerMgmt']).toBe(0);
  });
  it('delegation: VM.Allocate may hand out a held role on a pool VM, not NoAccess or more', async () => {
    // pool-derived privileges carry propagate=0, so the token may only grant without propagation
    const prop = await write('PUT', openvle, '/access/acl', {
      path: '/vms/121',
      roles: 'PVEVMUser',
      users: 'lab@pve',
    });
    expect(prop.body.errors?.role).toBe(
      "Cannot add role 'PVEVMUser' with propagation - requires 'Permissions.Modify' or propagated superset of privileges.",
    );
    const ok = await write('PUT', openvle, '/access/acl', {
      path: '/vms/121',
      roles: 'PVEVMUser',
      users: 'lab@pve',
      propagate: '0',
    });
    expect(ok.status).toBe(200);
    const no = await write('PUT', openvle, '/access/acl', {
      path: '/vms/121',
      roles: 'NoAccess',
      users: 'lab@pve',
      propagate: '0',
    });
    expect(no.body.errors).toEqual({ role: "Cannot add role 'NoAccess' - requires 'Permissions.Modify'" });
    const more = await write('PUT', openvle, '/access/acl', {
      path: '/vms/121',
      roles: 'PVEAdmin',
      users: 'lab@pve',
      propagate: '0',
    });
    expect(more.body.errors?.role).toBe(
      "Cannot add role 'PVEAdmin' - requires 'Permissions.Modify' or superset of privileges.",
    );
  });
  it('lists are filtered: /pools, /access/users, /access/acl', async () => {
    expect((await get(openvle, '/pools')).body.data).toEqual([
      { poolid: 'OpenVLE-VMs', comment: 'OpenVLE lab machines' },
    ]);
    expect((await get(empty, '/pools')).body.data).toEqual([]);
    expect((await get(empty, '/access/users')).body.data).toEqual([]);
    expect(((await get(auditor, '/access/users')).body.data as unknown[]).length).toBeGreaterThan(6);
    const acls = (await get(openvle, '/access/acl')).body.data as { path: string }[];
    expect(new Set(acls.map((a) => a.path))).toEqual(new Set(['/vms/121']));
  });
  it('token expiry and user disable end authentication', async () => {
    await write('PUT', root.write, '/access/users/lab@pve/token/tk', { expire: '1' });
    expect((await get(t(), '/access/permissions')).status).toBe(401);
    await write('PUT', root.write, '/access/users/lab@pve/token/tk', { expire: '0' });
    expect((await get(t(), '/access/permissions')).status).toBe(200);
    await write('PUT', root.write, '/access/users/lab@pve', { enable: '0' });
    expect((await get(t(), '/access/permissions')).status).toBe(401);
  });
  it('deleting a token revokes it', async () => {
    await write('PUT', root.write, '/access/users/lab@pve', { enable: '1' });
    expect(
      (await call(sim, 'DELETE', '/access/users/lab@pve/token/tk', { headers: root.write })).status,
    ).toBe(200);
    expect((await get(t(), '/access/permissions')).status).toBe(401);
    expect(sim.acl.toUserCfg()).not.toContain('lab@pve!tk');
  });
  it('roles: invalid privilege refused, custom role listed', async () => {
    expect(
      (await write('POST', root.write, '/access/roles', { roleid: 'Bad', privs: 'VM.Monitor' })).body.message,
    ).toBe("invalid privilege 'VM.Monitor'\n");
    await write('POST', root.write, '/access/roles', { roleid: 'Watch', privs: 'VM.Audit,Sys.Audit' });
    const roles = (await get(auditor, '/access/roles')).body.data as {
      roleid: string;
      privs: string;
      special: number;
    }[];
    expect(roles.find((r) => r.roleid === 'Watch')).toEqual({
      roleid: 'Watch',
      privs: 'Sys.Audit,VM.Audit',
      special: 0,
    });
    expect(roles.find((r) => r.roleid === 'NoAccess')?.special).toBe(1);
  });
});
