// Unit tests for cluster identity: two profiles reaching one cluster (root + auditor) show each guest once, from the
// better-ranked profile, whatever order they connect in; different clusters both show; labels are cluster names.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionSummary } from '../../../src-shared/model/cluster-summary.js';
import type { GuestRecord, InventoryRecord, NodeRecord } from '../../../src-shared/model/inventory.js';
import {
  clusterIdentity,
  type IdentitySource,
} from '../../../src-main/features/inventory/cluster-identity.js';
import { recordKey, useInventoryStore } from '../../../src-renderer/features/inventory/inventory-store.js';

const usage = { cpu: 0, maxcpu: 2, mem: 0, maxmem: 4e9, disk: 0, maxdisk: 8e9, uptime: 1 };

function guest(clusterId: string, vmid: number): GuestRecord {
  return {
    ...usage,
    id: `qemu/${vmid}`,
    clusterId,
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
    hastate: null,
    netin: 0,
    netout: 0,
    diskread: 0,
    diskwrite: 0,
  };
}

function node(clusterId: string, name: string): NodeRecord {
  return {
    ...usage,
    id: `node/${name}`,
    clusterId,
    kind: 'node',
    node: name,
    status: 'online',
    loadavg: null,
  } as NodeRecord;
}

function summary(privileges: string[], clusterName: string | null, fingerprint?: string): ConnectionSummary {
  return {
    profileId: 'x',
    version: '9.1.1',
    release: '9.1',
    clusterName,
    nodeCount: 2,
    nodesOnline: 2,
    guestCount: 2,
    identity: 'u@pam',
    permissions: { pathCount: 1, privileges, rootPrivileges: privileges },
    ...(fingerprint ? { fingerprint } : {}),
  };
}

function source(host: string, s: ConnectionSummary, over: Partial<IdentitySource> = {}): IdentitySource {
  return { host, port: 8006, color: '#112233', primary: false, profileName: 'profile', summary: s, ...over };
}

function records(clusterId: string, nodes = ['pve1', 'pve2']): InventoryRecord[] {
  return [...nodes.map((n) => node(clusterId, n)), guest(clusterId, 100), guest(clusterId, 101)];
}

function load(clusterId: string, src: IdentitySource, nodes?: string[]): void {
  const recs = records(clusterId, nodes);
  useInventoryStore.getState().applySnapshot({
    clusterId,
    version: 1,
    records: recs,
    stale: null,
    identity: clusterIdentity(src, recs),
  });
}

const ROOT = summary(['VM.Audit', 'VM.PowerMgmt', 'Sys.Audit', 'Sys.Modify'], 'demo');
const AUDITOR = summary(['VM.Audit', 'Sys.Audit'], 'demo');

beforeEach(() => {
  for (const id of Object.keys(useInventoryStore.getState().clusters))
    useInventoryStore.getState().dropCluster(id);
});

describe('cluster identity', () => {
  it.each([
    ['root first', ['root', 'auditor']],
    ['auditor first', ['auditor', 'root']],
  ])('shows each guest of one cluster once, from the profile with more privileges (%s)', (_label, order) => {
    for (const id of order)
      load(id, source(id === 'root' ? 'pve1.lan' : 'pve2.lan', id === 'root' ? ROOT : AUDITOR));
    const st = useInventoryStore.getState();
    expect(st.guestKeys.sort()).toEqual([recordKey('root', 'qemu/100'), recordKey('root', 'qemu/101')]);
    expect(st.gridOrder).toHaveLength(2);
    expect(st.nodeKeys.every((k) => k.startsWith('root|'))).toBe(true);
    const row = st.records.get(recordKey('root', 'qemu/100')) as GuestRecord & { clusterName?: string };
    expect(row.clusterName).toBe('demo');
  });

  it('keeps a shadowed profile out of the grid when its deltas add guests', () => {
    load('root', source('h', ROOT));
    load('auditor', source('h', AUDITOR));
    const added = guest('auditor', 102);
    expect(
      useInventoryStore
        .getState()
        .applyDelta({ clusterId: 'auditor', version: 2, added: [added], changed: [], removed: [] }),
    ).toBe('ok');
    expect(useInventoryStore.getState().gridOrder).not.toContain(recordKey('auditor', 'qemu/102'));
  });

  it('lets the profile marked primary win, and shows the other again when the winner disconnects', () => {
    load('root', source('h', ROOT));
    load('auditor', source('h', AUDITOR, { primary: true }));
    expect(useInventoryStore.getState().guestKeys.every((k) => k.startsWith('auditor|'))).toBe(true);
    useInventoryStore.getState().dropCluster('auditor');
    expect(useInventoryStore.getState().guestKeys.every((k) => k.startsWith('root|'))).toBe(true);
  });

  it('matches by certificate fingerprint even when the cluster name is not readable', () => {
    load('a', source('10.0.0.1', summary(['VM.Audit'], 'demo', 'AB:CD')));
    load('b', source('pve.example', summary([], null, 'AB:CD')));
    expect(useInventoryStore.getState().guestKeys).toHaveLength(2);
  });

  it('keeps two different clusters apart and labels a stand-alone node by its name', () => {
    load('a', source('a.lan', ROOT));
    load('b', source('b.lan', summary(['VM.Audit'], null)), ['solo']);
    const st = useInventoryStore.getState();
    expect(st.guestKeys).toHaveLength(4);
    const solo = st.records.get(recordKey('b', 'qemu/100')) as GuestRecord & {
      clusterName?: string;
      clusterColor?: string;
    };
    expect(solo.clusterName).toBe('solo');
    expect(solo.clusterColor).toBe('#112233');
  });

  it('does not merge same-named clusters with different node sets', () => {
    load('a', source('a.lan', ROOT), ['pve1', 'pve2']);
    load('b', source('b.lan', ROOT), ['pve7']);
    expect(useInventoryStore.getState().guestKeys).toHaveLength(4);
  });
});
