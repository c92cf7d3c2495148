// Deriving problems from inventory records and turning them into one alert per transition.
import { describe, expect, it } from 'vitest';
import { problemsFromRecords } from '../../../src-main/features/alerts/problem-rules.js';
import { transition } from '../../../src-main/features/alerts/transitions.js';
import type { Problem } from '../../../src-shared/ipc/channels/alerts.js';
import type {
  GuestRecord,
  InventoryRecord,
  NodeRecord,
  StorageRecord,
} from '../../../src-shared/model/inventory.js';

const usage = { cpu: null, maxcpu: null, mem: null, maxmem: null, disk: null, maxdisk: null, uptime: null };
const node = (name: string, status: NodeRecord['status']): NodeRecord => ({
  id: `node/${name}`,
  clusterId: 'c1',
  kind: 'node',
  node: name,
  status,
  ...usage,
  loadavg: null,
  pveversion: null,
});
const guest = (vmid: number, hastate: string | null): GuestRecord => ({
  id: `qemu/${vmid}`,
  clusterId: 'c1',
  kind: 'guest',
  type: 'qemu',
  vmid,
  name: `vm${vmid}`,
  node: 'pve1',
  status: 'running',
  template: false,
  lock: null,
  tags: [],
  pool: null,
  hastate,
  ...usage,
  netin: null,
  netout: null,
  diskread: null,
  diskwrite: null,
});
const storage = (name: string, onNode: string, used: number, shared = false): StorageRecord => ({
  id: `storage/${onNode}/${name}`,
  clusterId: 'c1',
  kind: 'storage',
  storage: name,
  node: onNode,
  status: 'available',
  plugintype: 'dir',
  shared,
  content: 'images',
  disk: used,
  maxdisk: 100,
});

const derive = (records: InventoryRecord[]) => problemsFromRecords('c1', 'Lab', records);

describe('problem rules', () => {
  it('finds offline nodes, HA error/fence and storage over 90 %, and nothing else', () => {
    const found = derive([
      node('pve1', 'online'),
      node('pve2', 'offline'),
      guest(100, 'started'),
      guest(101, 'error'),
      guest(102, 'fence'),
      storage('local', 'pve1', 90),
      storage('local', 'pve2', 91),
    ]);
    expect(found.map((p) => [p.kind, p.title])).toEqual([
      ['node-offline', 'Node pve2 is offline'],
      ['ha-error', 'HA error on VM 101 (vm101)'],
      ['ha-error', 'HA is fencing VM 102 (vm102)'],
      ['storage-full', 'Storage local is 91 % full'],
    ]);
    expect(found[0]!.target).toEqual({ kind: 'node', clusterId: 'c1', node: 'pve2' });
    expect(found[1]!.target).toEqual({ kind: 'guest', clusterId: 'c1', guestType: 'qemu', vmid: 101 });
  });

  it('counts a shared storage once, however many nodes list it', () => {
    const found = derive([storage('ceph', 'pve1', 95, true), storage('ceph', 'pve2', 95, true)]);
    expect(found).toHaveLength(1);
  });
});

describe('transitions', () => {
  const offline = derive([node('pve2', 'offline')]);

  it('raises once when a problem appears, nothing while it lasts, one "recovered" when it ends', () => {
    const first = transition(new Map(), offline, 1000);
    expect(first.alerts.map((a) => [a.state, a.title])).toEqual([['raised', 'Node pve2 is offline']]);
    const again = transition(first.current, offline, 2000);
    expect(again.alerts).toEqual([]);
    expect(again.current.get(offline[0]!.key)!.since).toBe(1000);
    const back = transition(again.current, [], 3000);
    expect(back.alerts.map((a) => [a.state, a.title])).toEqual([['recovered', 'Node pve2 is back online']]);
    expect(back.current.size).toBe(0);
  });

  it('lists but does not announce what is already wrong on the first look', () => {
    const first = transition(new Map<string, Problem>(), offline, 1000, true);
    expect(first.alerts).toEqual([]);
    expect(first.current.size).toBe(1);
  });
});
