// The simulated cluster over real HTTPS: clone, migrate, HA, guest agent, backup jobs, pending config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { login, type Login } from './core-client.js';
import { type Json, rootApi } from './root-api.js';

let sim: RunningSim;
let root: Login;
const { api, ok, waitTask } = rootApi(() => ({ sim, root }));

beforeAll(async () => {
  sim = await startSimulator({ taskDurationMs: 60, controlPort: false });
  root = await login(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('clone and migrate', () => {
  it('clones the cloud-init template linked to another node and refuses linked clones of plain VMs', async () => {
    const t = await waitTask(
      await ok('POST', '/nodes/pve1/qemu/9000/clone', {
        newid: '600',
        name: 'ci-clone',
        full: '0',
        target: 'pve2',
      }),
    );
    expect(t['exitstatus']).toBe('OK');
    const conf = (await ok('GET', '/nodes/pve2/qemu/600/config')) as Json;
    expect(conf['name']).toBe('ci-clone');
    expect(conf['ide2']).toBe('local-lvm:vm-600-cloudinit,media=cdrom');
    expect(conf['template']).toBeUndefined();
    const linked = await api('POST', '/nodes/pve1/qemu/100/clone', { newid: '601', full: '0' });
    expect(linked.message).toBe("Linked clone feature is not supported for drive 'scsi0'\n");
    const taken = await api('POST', '/nodes/pve1/qemu/9000/clone', { newid: '600' });
    expect(taken.message).toBe('unable to create VM 600: config file already exists\n');
  });

  it('migrates: refuses a running VM without online, moves it with online=1, refuses the local node', async () => {
    await ok('PUT', '/nodes/pve2/qemu/600/config', { agent: '1' });
    await waitTask(await ok('POST', '/nodes/pve2/qemu/600/status/start'));
    expect((await api('POST', '/nodes/pve2/qemu/600/migrate', { target: 'pve3' })).message).toBe(
      "can't migrate running VM without --online\n",
    );
    expect((await api('POST', '/nodes/pve2/qemu/600/migrate', { target: 'pve2' })).status).toBe(400);
    const upid = await ok('POST', '/nodes/pve2/qemu/600/migrate', { target: 'pve3', online: '1' });
    expect(String(upid)).toContain(':qmigrate:600:');
    expect((await waitTask(upid))['exitstatus']).toBe('OK');
    expect(((await ok('GET', '/nodes/pve3/qemu/600/status/current')) as Json)['status']).toBe('running');
  });

  it('HA-managed guests migrate and start through HA', async () => {
    const upid = await ok('POST', '/nodes/pve2/qemu/101/migrate', { target: 'pve1', online: '1' });
    expect(String(upid)).toContain(':hamigrate:101:');
    await waitTask(upid);
    const res = (await ok('GET', '/cluster/resources?type=vm')) as Json[];
    expect(res.find((r) => r['vmid'] === 101)?.['node']).toBe('pve1');
  });
});

describe('HA', () => {
  it('adds a resource, reports it in status/current, and manages rules', async () => {
    await ok('POST', '/cluster/ha/resources', {
      sid: '100',
      state: 'started',
      max_restart: '2',
      comment: 'web',
    });
    const list = (await ok('GET', '/cluster/ha/resources')) as Json[];
    expect(list.map((r) => r['sid']).sort()).toEqual(['vm:100', 'vm:101']);
    const status = (await ok('GET', '/cluster/ha/status/current')) as Json[];
    expect(status[0]).toMatchObject({ id: 'quorum', quorate: 1, status: 'OK' });
    expect(status.find((s) => s['id'] === 'service:vm:100')).toMatchObject({
      sid: 'vm:100',
      request_state: 'started',
      max_restart: 2,
    });
    expect((await api('POST', '/cluster/ha/resources', { sid: 'vm:100' })).message).toBe(
      "resource ID 'vm:100' already defined\n",
    );
    expect((await api('POST', '/cluster/ha/resources', { sid: '999' })).message).toBe(
      'unable to detect SID from VMID - VM/CT 999 does not exist\n',
    );
    await ok('POST', '/cluster/ha/rules', {
      rule: 'keep-apart',
      type: 'resource-affinity',
      resources: 'vm:101,vm:100',
      affinity: 'negative',
    });
    const rules = (await ok('GET', '/cluster/ha/rules')) as Json[];
    expect(rules[0]).toMatchObject({
      rule: 'keep-apart',
      resources: 'vm:100,vm:101',
      affinity: 'negative',
      disable: 0,
    });
    await ok('DELETE', '/cluster/ha/resources/vm:100');
  });
});

describe('guest agent', () => {
  it('answers for a running VM with agent and refuses otherwise with PVE texts', async () => {
    const g = (await ok('GET', '/nodes/pve1/qemu/9000/config')) as Json;
    expect(g['agent']).toBe('1');
    const vms = (await ok('GET', '/cluster/resources?type=vm')) as Json[];
    let answered = 0;
    for (const r of vms.filter(
      (x) => x['type'] === 'qemu' && x['status'] === 'running' && Number(x['uptime']) > 60,
    )) {
      const conf = (await ok('GET', `/nodes/${String(r['node'])}/qemu/${String(r['vmid'])}/config`)) as Json;
      if (conf['agent'] !== '1') continue;
      const ifs = (await ok(
        'GET',
        `/nodes/${String(r['node'])}/qemu/${String(r['vmid'])}/agent/network-get-interfaces`,
      )) as { result: Json[] };
      expect(ifs.result.map((i) => i['name'])).toEqual(['lo', 'eth0']);
      answered++;
    }
    expect(answered).toBeGreaterThan(0);
    sim.cluster.control.setGuestConfig(100, 'agent', undefined);
    const none = await api('GET', '/nodes/pve1/qemu/100/agent/get-osinfo');
    expect([none.status, none.message]).toEqual([500, 'No QEMU guest agent configured\n']);
    sim.cluster.control.setGuestConfig(100, 'agent', '1');
    sim.cluster.control.setGuestStatus(100, 'stopped');
    expect((await api('GET', '/nodes/pve1/qemu/100/agent/get-osinfo')).message).toBe(
      'VM 100 is not running\n',
    );
  });
});

describe('backup jobs and pending', () => {
  it('creates, lists with next-run, refuses duplicates and deletes jobs', async () => {
    await ok('POST', '/cluster/backup', {
      id: 'weekly',
      schedule: 'sat 02:00',
      storage: 'nfs-backup',
      vmid: '100,102',
      mode: 'snapshot',
      enabled: '1',
    });
    const jobs = (await ok('GET', '/cluster/backup')) as Json[];
    const weekly = jobs.find((j) => j['id'] === 'weekly');
    expect(weekly).toMatchObject({ type: 'vzdump', schedule: 'sat 02:00', vmid: '100,102' });
    expect(Number(weekly?.['next-run'])).toBeGreaterThan(Date.now() / 1000);
    expect(
      (await api('POST', '/cluster/backup', { id: 'weekly', schedule: '21:00', all: '1' })).message,
    ).toBe("Job 'weekly' already exists\n");
    await ok('DELETE', '/cluster/backup/weekly');
  });

  it('cores on a running VM go to pending and show in GET pending', async () => {
    sim.cluster.control.setGuestStatus(101, 'running');
    await ok('PUT', '/nodes/pve1/qemu/101/config', { cores: '6' });
    const pending = (await ok('GET', '/nodes/pve1/qemu/101/pending')) as Json[];
    expect(pending.find((p) => p['key'] === 'cores')?.['pending']).toBe('6');
    expect(pending.at(-1)?.['key']).toBe('digest');
    expect(((await ok('GET', '/nodes/pve1/qemu/101/config?current=1')) as Json)['cores']).not.toBe(6);
  });
});
