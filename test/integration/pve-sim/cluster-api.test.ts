// The simulated cluster over real HTTPS: digest, tasks with locks and logs, backup/restore, snapshots, RBAC filtering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { call, login, tokenHeader, type Login } from './core-client.js';
import { type Json, rootApi } from './root-api.js';

let sim: RunningSim;
let root: Login;

const { api, ok, waitTask } = rootApi(() => ({ sim, root }));

beforeAll(async () => {
  sim = await startSimulator({ taskDurationMs: 150, controlPort: false });
  root = await login(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('inventory', () => {
  it('lists the default cluster and filters by type', async () => {
    const all = (await ok('GET', '/cluster/resources')) as Json[];
    const vms = (await ok('GET', '/cluster/resources?type=vm')) as Json[];
    expect(vms.map((r) => r['vmid'])).toContain(9000);
    expect(vms.length).toBe(42);
    expect(all.filter((r) => r['type'] === 'node').map((r) => r['node'])).toEqual(['pve1', 'pve2', 'pve3']);
    expect(all.some((r) => r['id'] === 'storage/pve2/nfs-backup' && r['shared'] === 1)).toBe(true);
    expect(vms.find((r) => r['vmid'] === 101)?.['hastate']).toBe('started');
  });

  it('nextid refuses a used vmid in PVE form', async () => {
    const r = await api('GET', '/cluster/nextid?vmid=100');
    expect(r.status).toBe(400);
    expect(r.body['errors']).toEqual({ vmid: 'VM 100 already exists' });
    expect(await ok('GET', '/cluster/nextid')).toBe('140');
  });

  it('a privsep pool token sees only its pool guests', async () => {
    const id = 'OpenVLE@pve!prod01';
    const r = await call(sim, 'GET', '/cluster/resources?type=vm', {
      headers: tokenHeader(id, DEMO_TOKENS[id] ?? ''),
    });
    const vmids = ((r.json().data as Json[]) ?? []).map((x) => x['vmid']).sort();
    expect(vmids).toEqual([120, 121, 122, 123, 124]);
    expect(((r.json().data as Json[]) ?? [])[0]?.['pool']).toBe('OpenVLE-VMs');
  });

  it('an offline node shows its guests as unknown and refuses calls', async () => {
    sim.cluster.control.setNodeOnline('pve3', false);
    try {
      const res = (await ok('GET', '/cluster/resources')) as Json[];
      expect(res.find((r) => r['id'] === 'node/pve3')?.['status']).toBe('offline');
      expect(
        res
          .filter((r) => r['node'] === 'pve3' && (r['type'] === 'qemu' || r['type'] === 'lxc'))
          .every((r) => r['status'] === 'unknown'),
      ).toBe(true);
      expect((await api('GET', '/nodes/pve3/status')).status).toBe(595);
    } finally {
      sim.cluster.control.setNodeOnline('pve3', true);
    }
  });

  it('rrddata gives the same point for the same time across calls', async () => {
    const a = (await ok('GET', '/nodes/pve1/qemu/100/rrddata?timeframe=hour&cf=AVERAGE')) as Json[];
    const b = (await ok('GET', '/nodes/pve1/qemu/100/rrddata?timeframe=hour&cf=AVERAGE')) as Json[];
    expect(a.length).toBe(70);
    expect(a[10]).toEqual(b.find((p) => p['time'] === a[10]?.['time']));
  });
});

describe('guest lifecycle', () => {
  it('refuses a stale digest exactly like PVE', async () => {
    const conf = (await ok('GET', '/nodes/pve1/qemu/103/config')) as Json;
    expect(String(conf['digest'])).toMatch(/^[0-9a-f]{40}$/);
    sim.cluster.control.setGuestConfig(103, 'description', 'changed by another client');
    const r = await api('PUT', '/nodes/pve1/qemu/103/config', {
      memory: '4096',
      digest: String(conf['digest']),
    });
    expect(r.status).toBe(500);
    expect(r.message).toBe('checksum mismatch (file change by other user?)\n');
    const fresh = (await ok('GET', '/nodes/pve1/qemu/103/config')) as Json;
    expect(
      await ok('PUT', '/nodes/pve1/qemu/103/config', { memory: '4096', digest: String(fresh['digest']) }),
    ).toBeNull();
  });

  it('refuses to delete a running VM', async () => {
    sim.cluster.control.setGuestStatus(100, 'running');
    const r = await api('DELETE', '/nodes/pve1/qemu/100');
    expect(r.status).toBe(500);
    expect(r.message).toBe('VM 100 is running - destroy failed\n');
  });

  it('a backup holds the lock, logs, and a concurrent snapshot fails with the lock text', async () => {
    const upid = String(
      await ok('POST', '/nodes/pve1/vzdump', {
        vmid: '100',
        storage: 'nfs-backup',
        mode: 'snapshot',
        compress: 'zstd',
      }),
    );
    expect(upid).toMatch(/^UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:vzdump:100:root@pam:$/);
    expect(((await ok('GET', '/nodes/pve1/qemu/100/config')) as Json)['lock']).toBe('backup');
    expect(((await ok('GET', '/nodes/pve1/qemu/100/status/current')) as Json)['lock']).toBe('backup');
    const snap = String(await ok('POST', '/nodes/pve1/qemu/100/snapshot', { snapname: 'during' }));
    expect((await waitTask(snap))['exitstatus']).toBe('VM is locked (backup)');
    const done = await waitTask(upid);
    expect(done['exitstatus']).toBe('OK');
    const log = await api('GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/log?limit=0`);
    const lines = (log.data as { n: number; t: string }[]).map((l) => l.t);
    expect(lines[0]).toBe('INFO: Starting Backup of VM 100 (qemu)');
    expect(lines.at(-1)).toBe('TASK OK');
    expect(log.body['total']).toBe(lines.length);
    expect(((await ok('GET', '/nodes/pve1/qemu/100/config')) as Json)['lock']).toBeUndefined();
    const tasks = (await ok('GET', '/cluster/tasks')) as Json[];
    expect(tasks.find((t) => t['upid'] === upid)?.['status']).toBe('OK');
  });

  it('vzdump, restore to a new vmid, then start it', async () => {
    const upid = String(
      await ok('POST', '/nodes/pve1/vzdump', {
        vmid: '103',
        storage: 'nfs-backup',
        mode: 'stop',
        compress: 'zstd',
        'notes-template': '{{guestname}} pre-change',
        protected: '1',
      }),
    );
    await waitTask(upid);
    const content = (await ok(
      'GET',
      '/nodes/pve1/storage/nfs-backup/content?content=backup&vmid=103',
    )) as Json[];
    const backup = content.find((c) => c['protected'] === 1);
    expect(backup?.['volid']).toMatch(
      /^nfs-backup:backup\/vzdump-qemu-103-\d{4}_\d\d_\d\d-\d\d_\d\d_\d\d\.vma\.zst$/,
    );
    expect(backup?.['notes']).toMatch(/ pre-change$/);
    const del = await api(
      'DELETE',
      `/nodes/pve1/storage/nfs-backup/content/${encodeURIComponent(String(backup?.['volid']))}`,
    );
    expect(del.status).toBe(500);
    const restore = String(
      await ok('POST', '/nodes/pve2/qemu', { vmid: '500', archive: String(backup?.['volid']), unique: '1' }),
    );
    expect(restore).toContain(':qmrestore:500:');
    expect((await waitTask(restore))['exitstatus']).toBe('OK');
    const conf = (await ok('GET', '/nodes/pve2/qemu/500/config')) as Json;
    expect(conf['memory']).toBe('4096');
    expect(String(conf['scsi0'])).toContain('vm-500-disk-0');
    expect(
      (await waitTask(String(await ok('POST', '/nodes/pve2/qemu/500/status/start'))))['exitstatus'],
    ).toBe('OK');
    expect(((await ok('GET', '/nodes/pve2/qemu/500/status/current')) as Json)['status']).toBe('running');
  });

  it('starting a running VM is an async task error', async () => {
    sim.cluster.control.setGuestStatus(100, 'running');
    const t = await waitTask(String(await ok('POST', '/nodes/pve1/qemu/100/status/start')));
    expect(t['exitstatus']).toBe('VM 100 already running');
  });

  it('snapshot create, rollback and delete', async () => {
    sim.cluster.control.setGuestStatus(109, 'stopped');
    const node = 'pve1';
    await waitTask(
      String(
        await ok('POST', `/nodes/${node}/qemu/109/snapshot`, {
          snapname: 'before',
          description: 'safe point',
        }),
      ),
    );
    const list = (await ok('GET', `/nodes/${node}/qemu/109/snapshot`)) as Json[];
    expect(list.at(-1)).toMatchObject({
      name: 'current',
      parent: 'before',
      running: 0,
      description: 'You are here!',
    });
    await ok('PUT', `/nodes/${node}/qemu/109/config`, { cores: '8' });
    await waitTask(String(await ok('POST', `/nodes/${node}/qemu/109/snapshot/before/rollback`)));
    expect(((await ok('GET', `/nodes/${node}/qemu/109/config`)) as Json)['cores']).not.toBe(8);
    const reserved = await api('POST', `/nodes/${node}/qemu/109/snapshot`, { snapname: 'current' });
    expect(reserved.message).toBe("unable to use snapshot name 'current' (reserved name)\n");
    await waitTask(String(await ok('DELETE', `/nodes/${node}/qemu/109/snapshot/before`)));
    expect(((await ok('GET', `/nodes/${node}/qemu/109/snapshot`)) as Json[]).map((s) => s['name'])).toEqual([
      'current',
    ]);
  });
});
