// Recorded-style PVE answers (hand-written from the facts in issue #18) for every tolerance in src-main/pve/tolerance.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClusterResourcesAnswer } from '../../../src-main/pve/api/cluster.js';
import { GuestConfig } from '../../../src-main/pve/api/guest-read.js';
import { GuestStatusNow } from '../../../src-main/pve/api/guests.js';
import { HaStatus } from '../../../src-main/pve/api/ha.js';
import { NodeListEntry, NodeStatus, RrdPoint } from '../../../src-main/pve/api/nodes.js';
import { ContentItem } from '../../../src-main/pve/api/storage-content.js';
import { TaskEntry } from '../../../src-main/pve/api/task-lists.js';
import {
  TOLERANCES,
  exitStatusClass,
  lxcRawLines,
  parsePveDate,
  taskVmid,
} from '../../../src-main/pve/tolerance.js';
import { normaliseResources } from '../../../src-main/features/inventory/normalise.js';
import { versionNotice } from '../../../src-shared/model/pve-support.js';

describe('/cluster/resources', () => {
  const answer = [
    // PVE 7: vmid as a string
    { id: 'qemu/100', type: 'qemu', vmid: '100', node: 'pve1', status: 'running', name: 'web', cpu: 0.02 },
    // empty name, slightly negative cpu right after a container start
    { id: 'lxc/105', type: 'lxc', vmid: 105, node: 'pve1', status: 'running', name: '', cpu: -0.000153 },
    // PVE 9 keys we do not model (memhost, pressure* as strings) must not break the entry
    {
      id: 'qemu/101',
      type: 'qemu',
      vmid: 101,
      node: 'pve1',
      status: 'running',
      name: 'db',
      lock: 'backup',
      memhost: 123,
      pressurecpusome: '0.00',
    },
    // a /nodes-style node entry without cgroup-mode/host-arch, with a subscription level
    { id: 'node/pve1', type: 'node', node: 'pve1', status: 'online', level: 'c', cpu: '0.05' },
    // one entry we cannot read at all: skipped and counted, not fatal
    { id: 'qemu/102', type: 'qemu', vmid: 'abc', node: 'pve1' },
    'garbage',
  ];

  it('reads odd values, skips and counts the unreadable entries', () => {
    const { entries, skipped } = ClusterResourcesAnswer.parse(structuredClone(answer));
    expect(skipped).toBe(2);
    expect(entries.map((e) => e.id)).toEqual(['qemu/100', 'lxc/105', 'qemu/101', 'node/pve1']);
    expect(entries[0]!.vmid).toBe(100);
    expect(entries[1]!.cpu).toBe(0);
    expect(entries[2]!.lock).toBe('backup');
    expect(entries[3]).toMatchObject({ level: 'c', cpu: 0.05 });
  });

  it('names a guest with an empty name as PVE does', () => {
    const { entries } = ClusterResourcesAnswer.parse(structuredClone(answer));
    const recs = normaliseResources('c1', entries);
    const ct = recs.get('lxc/105');
    expect(ct?.kind === 'guest' && ct.name).toBe('CT 105');
    const vm = normaliseResources('c1', [
      { id: 'qemu/100', type: 'qemu', vmid: 100, node: 'pve1', name: '' },
    ]).get('qemu/100');
    expect(vm?.kind === 'guest' && vm.name).toBe('VM 100');
    expect(ct?.kind === 'guest' && ct.cpu).toBe(0);
  });

  it('still refuses an answer that is not a list', () => {
    expect(ClusterResourcesAnswer.safeParse({ id: 'x' }).success).toBe(false);
  });
});

describe('guest config with raw lxc lines', () => {
  const config = {
    arch: 'amd64',
    cores: 2,
    hostname: 'jellyfin',
    digest: 'abc',
    lxc: [
      ['lxc.cgroup2.devices.allow', 'c 226:0 rwm'],
      ['lxc.cgroup2.devices.allow', 'c 226:128 rwm'],
      ['lxc.mount.entry', '/dev/dri dev/dri none bind,optional,create=dir'],
    ],
  };

  it('keeps every raw line, in order, read-only, after the sorted keys', () => {
    const entries = GuestConfig.parse(config);
    expect(entries.map((e) => e.key)).toEqual([
      'arch',
      'cores',
      'digest',
      'hostname',
      'lxc.cgroup2.devices.allow',
      'lxc.cgroup2.devices.allow',
      'lxc.mount.entry',
    ]);
    expect(entries.filter((e) => e.readonly).map((e) => e.value)).toEqual([
      'c 226:0 rwm',
      'c 226:128 rwm',
      '/dev/dri dev/dri none bind,optional,create=dir',
    ]);
  });

  it('refuses shapes PVE does not document', () => {
    expect(GuestConfig.safeParse({ lxc: [['lxc.a']] }).success).toBe(false);
    expect(GuestConfig.safeParse({ lxc: [['notlxc', 'x']] }).success).toBe(false);
    expect(GuestConfig.safeParse({ cores: { x: 1 } }).success).toBe(false);
    expect(lxcRawLines('lxc.a=b')).toBeUndefined();
  });
});

describe('status, nodes and RRD', () => {
  it('container status/current with cpus as a string (PVE 7/8)', () => {
    expect(GuestStatusNow.parse({ status: 'running', cpus: '2', name: 'ct' }).cpus).toBe(2);
  });

  it('node memory.available and rootfs.avail differ from free', () => {
    const s = NodeStatus.parse({
      cpu: 0.1,
      uptime: 100,
      pveversion: 'pve-manager/8.4.1/x',
      memory: { total: 100, used: 60, free: 40, available: 70 },
      rootfs: { total: 100, used: 50, free: 50, avail: 45 },
    });
    expect(s.memory.available).toBe(70);
    expect(s.rootfs?.avail).toBe(45);
  });

  it('/nodes entries without cgroup-mode and host-arch, with level', () => {
    const n = NodeListEntry.parse({ node: 'pve1', status: 'online', level: 'p', cpu: 0.1, maxcpu: 8 });
    expect(n.level).toBe('p');
  });

  it('PVE 9 RRD columns: pressure* as strings become numbers, memavailable/arcsize/memhost are kept', () => {
    const node = RrdPoint.parse({
      time: 1,
      memused: 10,
      memavailable: 80,
      arcsize: 5,
      pressurecpusome: '0.12',
      pressureiofull: '0.00',
    });
    expect(node).toEqual({
      time: 1,
      memused: 10,
      memavailable: 80,
      arcsize: 5,
      pressurecpusome: 0.12,
      pressureiofull: 0,
    });
    expect(RrdPoint.parse({ time: 1, mem: 100, memhost: 130, pressurememorysome: '1.50' })).toEqual({
      time: 1,
      mem: 100,
      memhost: 130,
      pressurememorysome: 1.5,
    });
  });
});

describe('tasks', () => {
  const row = (id: string, status?: string) => ({
    upid: `UPID:pve1:0000A1B2:0001C3D4:6750A000:srvreload:${id}:root@pam:`,
    node: 'pve1',
    type: 'srvreload',
    id,
    user: 'root@pam',
    starttime: '1733337088',
    ...(status ? { status, endtime: 1733337090 } : {}),
  });

  it('task ids that are empty or not a guest id', () => {
    expect(TaskEntry.parse(row('networking', 'unexpected status')).id).toBe('networking');
    expect(TaskEntry.parse(row('', 'OK')).id).toBe('');
    expect(taskVmid('networking')).toBeUndefined();
    expect(taskVmid('')).toBeUndefined();
    expect(taskVmid('105')).toBe(105);
  });

  it('free-text exit statuses: warnings are not failures', () => {
    expect(exitStatusClass('OK')).toBe('ok');
    expect(exitStatusClass('WARNINGS: 2')).toBe('warning');
    expect(exitStatusClass('unexpected status')).toBe('error');
    expect(exitStatusClass('job errors')).toBe('error');
  });
});

describe('HA status', () => {
  const status = [
    { id: 'quorum', type: 'quorum', node: 'pve1', status: 'OK', quorate: 1 },
    {
      id: 'master',
      type: 'master',
      node: 'pve1',
      status: 'pve1 (active, Thu Sep 17 15:39:24 2026)',
      timestamp: 1789659564,
    },
    {
      id: 'lrm:pve1',
      type: 'lrm',
      node: 'pve1',
      status: 'pve1 (active, Thu Sep 17 15:39:20 2026)',
      timestamp: 1,
    },
    { id: 'lrm:', type: 'lrm', node: '', status: 'unable to read lrm status' },
  ];

  it('an unreadable LRM entry is a problem, not a node row with an empty name; dates in PVE format are read', () => {
    const s = HaStatus.parse(status);
    expect(s.nodes.map((n) => n.node)).toEqual(['pve1']);
    expect(s.nodes[0]!.since).toBe(Date.UTC(2026, 8, 17, 15, 39, 20));
    expect(s.problems).toEqual(['unable to read lrm status']);
  });

  it('parses PVE dates with a one-digit day', () => {
    expect(parsePveDate('pve2 (idle, Tue Sep  1 03:04:05 2026)')).toBe(Date.UTC(2026, 8, 1, 3, 4, 5));
    expect(parsePveDate('no date here')).toBeUndefined();
  });
});

describe('PBS backups', () => {
  it('reads pbs-vm/pbs-ct archives with verification, protection, notes and encryption', () => {
    const vm = ContentItem.parse({
      volid: 'pbs-store:backup/vm/100/2026-11-30T02:00:03Z',
      content: 'backup',
      format: 'pbs-vm',
      size: 4294967296,
      ctime: 1796004003,
      vmid: 100,
      subtype: 'qemu',
      notes: 'web nightly',
      protected: 1,
      verification: { state: 'ok', upid: 'UPID:pbs:0000A1B2:0001C3D4:6750A000:verificationjob:x:root@pam:' },
      encrypted: '1f:2e:3d',
    });
    expect(vm).toMatchObject({
      format: 'pbs-vm',
      vmid: 100,
      protected: true,
      verification: 'ok',
      encrypted: true,
    });
    const ct = ContentItem.parse({
      volid: 'pbs-store:backup/ct/105/2026-11-30T02:10:00Z',
      content: 'backup',
      format: 'pbs-ct',
      vmid: '105',
    });
    expect(ct).toMatchObject({ vmid: 105, protected: false });
    expect(ct).not.toHaveProperty('verification');
  });
});

describe('one place documents each tolerance', () => {
  it('docs/pve-compat.md lists every tolerance id', () => {
    const doc = readFileSync(new URL('../../../docs/pve-compat.md', import.meta.url), 'utf8');
    for (const t of TOLERANCES) expect(doc, t.id).toContain(`\`${t.id}\``);
  });

  it('Connect notice for an older cluster', () => {
    expect(versionNotice('7.4-19')).toBe('PVE 7.4: HA rules and some views unavailable');
    expect(versionNotice('8.4.1')).toBeUndefined();
    expect(versionNotice('9.1.2')).toBeUndefined();
  });
});
