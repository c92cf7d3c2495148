// What a plan changes, read from its calls: the keys main names in plans.changed and the renderer invalidates by.
import { describe, expect, it } from 'vitest';
import { affects, changesOfCall, changesOfCalls } from '../../../src-shared/plans/changes.js';

describe('changesOfCall', () => {
  it('a config edit changes that guest config, nothing else', () => {
    expect(changesOfCall({ method: 'PUT', path: '/nodes/pve1/qemu/100/config' })).toEqual([
      { kind: 'guest', vmid: 100, aspect: 'config' },
    ]);
  });
  it('a migration changes the node of the guest', () => {
    expect(changesOfCall({ method: 'POST', path: '/nodes/pve1/qemu/100/migrate' })).toContainEqual({
      kind: 'guest',
      vmid: 100,
      aspect: 'node',
    });
  });
  it('a backup changes the backups on its storage; a restore from an archive those on the archive storage', () => {
    expect(changesOfCall({ method: 'POST', path: '/nodes/pve1/vzdump', params: { storage: 'nfs' } })).toEqual(
      [{ kind: 'backups', storage: 'nfs' }],
    );
    expect(
      changesOfCall({
        method: 'POST',
        path: '/nodes/pve1/qemu',
        params: { vmid: 150, archive: 'local:backup/vzdump-qemu-100.vma.zst' },
      }),
    ).toContainEqual({ kind: 'backups', storage: 'local' });
  });
  it('HA, ACLs and reads', () => {
    expect(changesOfCall({ method: 'POST', path: '/cluster/ha/resources' })).toEqual([
      { kind: 'cluster', area: 'ha' },
    ]);
    expect(changesOfCall({ method: 'PUT', path: '/access/acl' })).toEqual([
      { kind: 'cluster', area: 'access' },
    ]);
    expect(changesOfCall({ method: 'GET', path: '/nodes/pve1/qemu/100/config' })).toEqual([]);
  });
  it('repeats are folded', () => {
    const put = { method: 'PUT', path: '/access/acl' };
    expect(changesOfCalls([put, put])).toHaveLength(1);
  });
});

describe('affects', () => {
  it('refetches exactly the reads that depend on a change', () => {
    const cfg = { kind: 'guest', vmid: 100, aspect: 'config' } as const;
    expect(affects(cfg, { kind: 'guest', vmid: 100, aspect: 'config' })).toBe(true);
    expect(affects(cfg, { kind: 'guest', vmid: 100, aspect: 'snapshots' })).toBe(false);
    expect(affects(cfg, { kind: 'guest', vmid: 101, aspect: 'config' })).toBe(false);
    expect(
      affects(
        { kind: 'guest', vmid: 100, aspect: 'node' },
        { kind: 'guest', vmid: 100, aspect: 'snapshots' },
      ),
    ).toBe(true);
    expect(affects({ kind: 'backups', storage: 'nfs' }, { kind: 'backups' })).toBe(true);
    expect(affects({ kind: 'backups', storage: 'nfs' }, { kind: 'backups', storage: 'local' })).toBe(false);
  });
});
