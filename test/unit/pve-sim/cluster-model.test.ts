// The simulated cluster's model: generator determinism, UPIDs, config digests, pending config, metrics, task engine.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configDigest } from '../../pve-sim/cluster/config-digest.js';
import {
  applyConfigUpdate,
  applyPending,
  currentConfig,
  normaliseTags,
} from '../../pve-sim/cluster/config-update.js';
import { generateCluster } from '../../pve-sim/cluster/generate.js';
import { guestRrd, guestSample } from '../../pve-sim/cluster/metrics.js';
import { ClusterState } from '../../pve-sim/cluster/state.js';
import { TaskEngine } from '../../pve-sim/cluster/tasks.js';
import { formatUpid, parseUpid } from '../../pve-sim/cluster/upid.js';
import { nextRun } from '../../pve-sim/handlers/backup-jobs.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const root = { kind: 'user' as const, userid: 'root@pam' };

afterEach(() => {
  vi.useRealTimers();
});

describe('generator', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = generateCluster({ nodes: 3, guests: 40, seed: 1 }, NOW);
    const b = generateCluster({ nodes: 3, guests: 40, seed: 1 }, NOW);
    const c = generateCluster({ nodes: 3, guests: 40, seed: 2 }, NOW);
    expect(JSON.stringify(a.guests.map((g) => g.conf))).toBe(JSON.stringify(b.guests.map((g) => g.conf)));
    expect(JSON.stringify(a.guests.map((g) => g.conf))).not.toBe(JSON.stringify(c.guests.map((g) => g.conf)));
  });

  it('builds the default cluster: vmids 100..139, templates 9000/9001, both guest types, HA vm:101', () => {
    const g = generateCluster({ nodes: 3, guests: 40, seed: 1 }, NOW);
    const ids = g.guests.map((x) => x.vmid);
    expect(ids.slice(0, 40)).toEqual(Array.from({ length: 40 }, (_, i) => 100 + i));
    expect(ids.slice(40)).toEqual([9000, 9001]);
    expect(g.guests.find((x) => x.vmid === 9000)?.conf['ide2']).toBe(
      'local-lvm:vm-9000-cloudinit,media=cdrom',
    );
    expect(new Set(g.guests.map((x) => x.type))).toEqual(new Set(['qemu', 'lxc']));
    expect(g.guests.some((x) => x.power === 'running') && g.guests.some((x) => x.power === 'stopped')).toBe(
      true,
    );
    expect(g.ha.map((h) => h.sid)).toEqual(['vm:101']);
    expect(g.nodes.map((n) => n.name)).toEqual(['pve1', 'pve2', 'pve3']);
  });

  it('scales to 32 nodes and 10000 guests without vmid clashes with the templates', () => {
    const g = generateCluster({ nodes: 32, guests: 10_000, seed: 7 }, NOW);
    expect(g.guests.length).toBe(10_002);
    expect(new Set(g.guests.map((x) => x.vmid)).size).toBe(10_002);
  });
});

describe('UPID', () => {
  it('formats uppercase hex with a trailing colon and parses back', () => {
    const f = {
      node: 'pve1',
      pid: 0xa1b2c,
      pstart: 0x45f3d1,
      starttime: 0x66a0b1c2,
      type: 'qmstart',
      id: '100',
      user: 'root@pam',
    };
    const upid = formatUpid(f);
    expect(upid).toBe('UPID:pve1:000A1B2C:0045F3D1:66A0B1C2:qmstart:100:root@pam:');
    expect(parseUpid(upid)).toEqual(f);
    expect(parseUpid('UPID:pve1:000A1B2C:0045F3D1:66A0B1C2:vzdump::ops@pve!ops:')?.id).toBe('');
    expect(parseUpid('UPID:pve1:XYZ')).toBeUndefined();
  });
});

describe('config', () => {
  const state = (): ClusterState => new ClusterState({ nodes: 1, guests: 3, seed: 1 }, () => NOW);

  it('digest is SHA-1 of the config text and changes with snapshots and pending', () => {
    const g = state().guests.get(100);
    if (!g) throw new Error('no guest');
    const d0 = configDigest(g);
    expect(d0).toMatch(/^[0-9a-f]{40}$/);
    g.snapshots.set('s1', { name: 's1', snaptime: 1, vmstate: 0, description: '', conf: { ...g.conf } });
    expect(configDigest(g)).not.toBe(d0);
  });

  it('running qemu: hot-pluggable keys apply now, others go to pending and apply at start', () => {
    const g = state().guests.get(101);
    if (!g) throw new Error('no guest');
    g.power = 'running';
    applyConfigUpdate(g, { node: 'pve1', vmid: 101, name: 'renamed', cores: 8, delete: 'agent' });
    expect(g.conf['name']).toBe('renamed');
    expect(g.pending).toEqual({ cores: 8 });
    expect(g.pendingDelete).toEqual(['agent']);
    expect(currentConfig(g, true)['cores']).toBe(8);
    expect(currentConfig(g, false)['cores']).not.toBe(8);
    applyPending(g);
    expect(g.conf['cores']).toBe(8);
    expect(g.conf['agent']).toBeUndefined();
    expect(() => applyConfigUpdate(g, { node: 'pve1', vmid: 101 })).toThrow('no options specified');
    expect(() => applyConfigUpdate(g, { delete: 'foo' })).toThrow('Parameter verification failed.');
  });

  it('normalises tags as PVE', () => {
    expect(normaliseTags('Prod, web;prod db')).toBe('db;prod;web');
  });
});

describe('metrics', () => {
  it('are stable within a 10 s tick and rrd points are time-consistent', () => {
    const s = new ClusterState({ nodes: 1, guests: 5, seed: 3 }, () => NOW);
    const g = [...s.guests.values()].find((x) => x.power === 'running');
    if (!g) throw new Error('no running guest');
    expect(guestSample(g, NOW + 1000)).toEqual(guestSample(g, NOW + 9000));
    expect(guestSample(g, NOW + 20_000).netin).toBeGreaterThanOrEqual(guestSample(g, NOW).netin);
    const a = guestRrd(g, 'hour', 'AVERAGE', NOW);
    const b = guestRrd(g, 'hour', 'AVERAGE', NOW + 120_000);
    expect(b.find((p) => p['time'] === a[40]?.['time'])).toEqual(a[40]);
    const max = guestRrd(g, 'hour', 'MAX', NOW);
    expect(Number(max[40]?.['cpu'])).toBeGreaterThanOrEqual(Number(a[40]?.['cpu']));
  });
});

describe('task engine', () => {
  it('holds a lock while running, logs, and ends with TASK OK on the fake clock', async () => {
    vi.useFakeTimers();
    const s = new ClusterState({ nodes: 1, guests: 1, seed: 1 }, () => NOW);
    const engine = new TaskEngine(
      () => NOW,
      5000,
      () => s.bump(),
    );
    const g = s.guests.get(100);
    if (!g) throw new Error('no guest');
    const upid = engine.start({
      node: 'pve1',
      type: 'vzdump',
      id: '100',
      principal: root,
      run: (t) =>
        t.withLock(g, 'backup', async () => {
          t.log('INFO: Starting Backup of VM 100 (qemu)');
          await t.wait();
        }),
    });
    expect(g.conf['lock']).toBe('backup');
    expect(engine.get(upid)?.status).toBe('running');
    const second = engine.start({
      node: 'pve1',
      type: 'qmsnapshot',
      id: '100',
      principal: root,
      run: (t) => t.withLock(g, 'snapshot', () => t.wait()),
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect((await engine.done(upid))?.log).toEqual(['INFO: Starting Backup of VM 100 (qemu)', 'TASK OK']);
    expect((await engine.done(second))?.exitstatus).toBe('VM is locked (backup)');
    expect(g.conf['lock']).toBeUndefined();
  });

  it('stops a task on request and fails an injected task type', async () => {
    const engine = new TaskEngine(
      () => NOW,
      60_000,
      () => {},
    );
    const tok = { kind: 'token' as const, userid: 'ops@pve', tokenid: 'ops', full: 'ops@pve!ops' };
    const upid = engine.start({
      node: 'pve1',
      type: 'qmstart',
      id: '100',
      principal: tok,
      run: (t) => t.wait(),
    });
    expect(upid.endsWith(':qmstart:100:ops@pve!ops:')).toBe(true);
    expect(engine.get(upid)?.tokenid).toBe('ops');
    expect(engine.stop(upid)).toBe(true);
    expect((await engine.done(upid))?.exitstatus).toBe('received interrupt');
    engine.durationMs = 0;
    engine.failNext('vzdump', 'storage full\n');
    const failed = engine.start({
      node: 'pve1',
      type: 'vzdump',
      id: '',
      principal: root,
      run: (t) => t.wait(),
    });
    const rec = await engine.done(failed);
    expect(rec?.exitstatus).toBe('storage full');
    expect(rec?.log.at(-1)).toBe('TASK ERROR: storage full');
  });
});

describe('backup job schedule', () => {
  it('computes the next run of HH:MM and weekday schedules', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0) / 1000; // a Monday
    expect(nextRun('21:00', now)).toBe(Date.UTC(2026, 10, 23, 21, 0) / 1000);
    expect(nextRun('02:30', now)).toBe(Date.UTC(2026, 10, 24, 2, 30) / 1000);
    expect(nextRun('sat 02:00', now)).toBe(Date.UTC(2026, 10, 28, 2, 0) / 1000);
  });
});
