// The simulator's parts wired together over HTTPS: RBAC statuses, offline nodes, pool members, pools kept in step with guests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_POOL, DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { call, login, tokenHeader, type Login } from './core-client.js';
import { type Json, rootApi } from './root-api.js';

let sim: RunningSim;
let root: Login;
const { api, ok, waitTask } = rootApi(() => ({ sim, root }));
const tok = (id: string): Record<string, string> => tokenHeader(id, DEMO_TOKENS[id] ?? '');

const asToken = async (id: string, path: string): Promise<{ status: number; data: unknown }> => {
  const r = await call(sim, 'GET', path, { headers: tok(id) });
  return { status: r.status, data: (r.json() as Json)['data'] };
};
const poolMembers = async (query = ''): Promise<Json[]> =>
  ((await ok('GET', `/pools?poolid=${DEMO_POOL}${query}`)) as Json[])[0]?.['members'] as Json[];
const guestIds = (list: Json[]): unknown[] =>
  list.filter((m) => m['type'] !== 'storage').map((m) => m['vmid']);

beforeAll(async () => {
  sim = await startSimulator({ taskDurationMs: 40, controlPort: false });
  root = await login(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('permission verdicts keep their status', () => {
  it('an unknown target user is a 500 "no such user", for a token and for root', async () => {
    const r = await call(sim, 'GET', '/access/users/ghost@pve', { headers: tok('auditor@pve!ro') });
    expect([r.status, r.reason, r.json().message]).toEqual([
      500,
      "no such user ('ghost@pve')",
      "no such user ('ghost@pve')\n",
    ]);
    const byRoot = await api('GET', '/access/users/ghost@pve');
    expect([byRoot.status, byRoot.message]).toEqual([500, "no such user ('ghost@pve')\n"]);
  });

  it('vzdump checks VM.Backup on each listed guest and Datastore.AllocateSpace on the storage in code', async () => {
    const post = (id: string, form: Record<string, string>) =>
      call(sim, 'POST', '/nodes/pve1/vzdump', { headers: tok(id), form });
    const noBackup = await post('auditor@pve!ro', { vmid: '100', storage: 'local' });
    expect([noBackup.status, noBackup.json().message]).toEqual([
      403,
      'Permission check failed (/vms/100, VM.Backup)\n',
    ]);
    const noSpace = await post('OpenVLE@pve!prod01', { vmid: '121', storage: 'nfs-backup' });
    expect([noSpace.status, noSpace.json().message]).toEqual([
      403,
      'Permission check failed (/storage/nfs-backup, Datastore.AllocateSpace)\n',
    ]);
  });
});

describe('offline nodes', () => {
  beforeEach(() => sim.cluster.control.setNodeOnline('pve2', false));
  afterAll(() => sim.cluster.control.setNodeOnline('pve2', true));

  it('proxied calls get 595 before parameter validation, after the permission check', async () => {
    const bad = await api('GET', '/nodes/pve2/qemu?full=yes');
    expect([bad.status, bad.reason, bad.message]).toEqual([595, 'No route to host', 'No route to host\n']);
    const g = (await api('GET', '/nodes/pve2/status')).status;
    expect(g).toBe(595);
    expect((await asToken('empty@pve!noacl', '/nodes/pve2/status')).status).toBe(403);
    const unknown = await api('GET', '/nodes/pve9/qemu?full=yes');
    expect([unknown.status, unknown.message]).toEqual([
      500,
      "hostname lookup 'pve9' failed - failed to get address info for: pve9: Name or service not known\n",
    ]);
    expect(sim.cluster.nodeOnline('pve2')).toBe(false);
  });

  it('guest calls on the offline node fail, calls PVE answers from cluster-wide data still work', async () => {
    const guest = ((await ok('GET', '/cluster/resources?type=vm')) as Json[]).find(
      (r) => r['node'] === 'pve2',
    );
    expect(guest?.['status']).toBe('unknown');
    expect(
      (await api('GET', `/nodes/pve2/${String(guest?.['type'])}/${String(guest?.['vmid'])}/status/current`))
        .status,
    ).toBe(595);
    expect((await api('GET', '/nodes/pve2/rrddata?timeframe=hour')).status).toBe(200);
    sim.cluster.control.setNodeOnline('pve2', true);
    expect((await api('GET', '/nodes/pve2/qemu?full=yes')).status).toBe(400);
    expect((await api('GET', '/nodes/pve2/status')).status).toBe(200);
  });
});

describe('pool members', () => {
  it('GET /pools?poolid= lists the guests as resource entries and the storage, with the type filter', async () => {
    const members = await poolMembers();
    const resources = (await ok('GET', '/cluster/resources?type=vm')) as Json[];
    expect(guestIds(members)).toEqual([120, 121, 122, 123, 124]);
    for (const m of members.filter((x) => x['type'] !== 'storage')) {
      const r = resources.find((x) => x['vmid'] === m['vmid']);
      expect(m).toMatchObject({
        id: r?.['id'],
        type: r?.['type'],
        node: r?.['node'],
        name: r?.['name'],
        status: r?.['status'],
      });
      expect(m['hastate']).toBeUndefined();
    }
    expect(members.filter((m) => m['type'] === 'storage')).toMatchObject([
      { id: 'storage/pve1/local-lvm', storage: 'local-lvm', node: 'pve1' },
    ]);
    expect((await poolMembers('&type=storage')).map((m) => m['type'])).toEqual(['storage']);
    expect((await poolMembers('&type=lxc')).every((m) => m['type'] === 'lxc')).toBe(true);
  });

  it('PUT /pools refuses unknown guests and changes nothing when one member is refused', async () => {
    const r = await api('PUT', '/pools', { poolid: DEMO_POOL, vms: '99999' });
    expect([r.status, r.message]).toEqual([500, 'VM 99999 does not exist\n']);
    const mixed = await api('PUT', '/pools', { poolid: DEMO_POOL, vms: '125,99999' });
    expect(mixed.status).toBe(500);
    expect(sim.acl.poolOfVm(125)).toBeUndefined();
    expect(guestIds(await poolMembers())).not.toContain(125);
  });
});

describe('guests keep their pool in step', () => {
  it('create with pool= checks the pool first and joins it when the task succeeds', async () => {
    const missing = await api('POST', '/nodes/pve1/qemu', { vmid: '700', pool: 'nope' });
    expect([missing.status, missing.message]).toEqual([500, "pool 'nope' does not exist\n"]);
    expect(((await ok('GET', '/cluster/resources?type=vm')) as Json[]).some((r) => r['vmid'] === 700)).toBe(
      false,
    );

    const upid = await ok('POST', '/nodes/pve1/qemu', { vmid: '700', name: 'pooled', pool: DEMO_POOL });
    expect(sim.acl.poolOfVm(700)).toBeUndefined();
    expect((await waitTask(upid))['exitstatus']).toBe('OK');
    expect(sim.acl.poolOfVm(700)).toBe(DEMO_POOL);
    expect(guestIds(await poolMembers())).toContain(700);
    const seen = (await asToken('OpenVLE@pve!prod01', '/cluster/resources?type=vm')).data as Json[];
    expect(seen.find((r) => r['vmid'] === 700)?.['pool']).toBe(DEMO_POOL);
  });

  it('clone with pool= joins the pool', async () => {
    expect(
      (await waitTask(await ok('POST', '/nodes/pve1/qemu/9000/clone', { newid: '701', pool: DEMO_POOL })))[
        'exitstatus'
      ],
    ).toBe('OK');
    expect(sim.acl.poolOfVm(701)).toBe(DEMO_POOL);
  });

  it('destroy drops the pool membership and the /vms ACLs; purge also the HA resource and backup-job references', async () => {
    await ok('PUT', '/access/acl', { path: '/vms/700', roles: 'PVEAuditor', users: 'empty@pve' });
    expect((await waitTask(await ok('DELETE', '/nodes/pve1/qemu/700')))['exitstatus']).toBe('OK');
    expect(sim.acl.poolOfVm(700)).toBeUndefined();
    expect(guestIds(await poolMembers())).not.toContain(700);
    expect(((await ok('GET', '/access/acl')) as Json[]).some((a) => a['path'] === '/vms/700')).toBe(false);
    expect(
      ((await asToken('OpenVLE@pve!prod01', '/cluster/resources?type=vm')).data as Json[]).map(
        (r) => r['vmid'],
      ),
    ).not.toContain(700);

    await ok('POST', '/cluster/ha/resources', { sid: 'vm:701', state: 'stopped' });
    await ok('POST', '/cluster/backup', {
      id: 'only-701',
      schedule: '22:00',
      storage: 'local',
      vmid: '701,100',
    });
    const refused = await api('DELETE', '/nodes/pve1/qemu/701');
    expect(refused.message).toBe(
      'unable to remove VM 701 - used in HA resources and purge parameter not set.\n',
    );
    const upid = await ok('DELETE', '/nodes/pve1/qemu/701?purge=1');
    expect((await waitTask(upid))['exitstatus']).toBe('OK');
    expect(sim.acl.poolOfVm(701)).toBeUndefined();
    expect(((await ok('GET', '/cluster/ha/resources')) as Json[]).map((r) => r['sid'])).not.toContain(
      'vm:701',
    );
    expect(((await ok('GET', '/cluster/backup/only-701')) as Json)['vmid']).toBe('100');
    const log = (await ok('GET', `/nodes/pve1/tasks/${encodeURIComponent(String(upid))}/log`)) as Json[];
    expect(log.map((l) => l['t'])).toEqual(
      expect.arrayContaining([
        'purging VM 701 from related configurations..',
        'NOTE: removed VM 701 from HA resource configuration.',
      ]),
    );
  });
});

describe('/cluster/resources answers', () => {
  it('reflect a change of state or ACLs at once, although answers are reused within a tick', async () => {
    const first = (await ok('GET', '/cluster/resources?type=vm')) as Json[];
    expect((await ok('GET', '/cluster/resources?type=vm')) as Json[]).toEqual(first);
    const g = first.find((r) => r['status'] === 'stopped' && r['node'] === 'pve1');
    sim.cluster.control.setGuestStatus(Number(g?.['vmid']), 'running');
    const after = (await ok('GET', '/cluster/resources?type=vm')) as Json[];
    expect(after.find((r) => r['vmid'] === g?.['vmid'])?.['status']).toBe('running');
    expect(((await asToken('empty@pve!noacl', '/cluster/resources?type=vm')).data as Json[]).length).toBe(0);
    await ok('PUT', '/access/acl', { path: '/', roles: 'PVEAuditor', tokens: 'empty@pve!noacl' });
    expect(((await asToken('empty@pve!noacl', '/cluster/resources?type=vm')).data as Json[]).length).toBe(
      after.length,
    );
  });
});
