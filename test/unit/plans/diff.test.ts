// Config diffs with property-string sub-keys, edit params with delete, power and snapshot-tree diffs.
import { describe, expect, it } from 'vitest';
import {
  applyConfigParams,
  configEditParams,
  diffConfig,
  diffPower,
  diffSnapshots,
  parsePropertyString,
  snapshotTreeLines,
} from '../../../src-shared/plans/diff.js';

const before = {
  memory: 2048,
  cores: 2,
  balloon: 1024,
  name: 'web',
  digest: 'aaa',
  net0: 'virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1',
  scsi0: 'local-lvm:vm-100-disk-0,size=32G',
};

describe('diffConfig', () => {
  it('lists changed, added and removed keys, ignoring digest, sorted', () => {
    const after: Record<string, string | number> = { ...before, memory: 4096, digest: 'bbb', tags: 'prod' };
    delete after.balloon;
    expect(diffConfig(before, after)).toEqual([
      { kind: 'config', key: 'balloon', change: 'removed', before: '1024' },
      { kind: 'config', key: 'memory', change: 'changed', before: '2048', after: '4096' },
      { kind: 'config', key: 'tags', change: 'added', after: 'prod' },
    ]);
  });
  it('shows property-string sub-key changes (net0 bridge, disk size)', () => {
    const after = {
      ...before,
      net0: 'virtio=BC:24:11:00:00:01,bridge=vmbr1,tag=20',
      scsi0: 'local-lvm:vm-100-disk-0,size=64G',
    };
    const d = diffConfig(before, after);
    expect(d.find((e) => e.key === 'net0')?.subkeys).toEqual([
      { key: 'bridge', before: 'vmbr0', after: 'vmbr1' },
      { key: 'firewall', before: '1' },
      { key: 'tag', after: '20' },
    ]);
    expect(d.find((e) => e.key === 'scsi0')?.subkeys).toEqual([{ key: 'size', before: '32G', after: '64G' }]);
    expect(parsePropertyString('local-lvm:vm-100-disk-0,size=32G')).toEqual([
      ['', 'local-lvm:vm-100-disk-0'],
      ['size', '32G'],
    ]);
  });
  it('plain text values get no sub-keys', () => {
    expect(diffConfig({ description: 'a, b' }, { description: 'a, c' })[0]?.subkeys).toBeUndefined();
  });
});

describe('edit params', () => {
  it('round-trips: params from a diff applied to before give after', () => {
    const after: Record<string, string | number> = { ...before, memory: 4096, onboot: 1 };
    delete after.balloon;
    const params = configEditParams(before, after);
    expect(params).toEqual({ delete: 'balloon', memory: 4096, onboot: 1 });
    const { digest: _d, ...rest } = applyConfigParams(before, params);
    const { digest: _e, ...want } = after;
    expect(rest).toEqual(want);
    expect(applyConfigParams({ a: 1 }, { b: true, digest: 'x' })).toEqual({ a: 1, b: 1 });
  });
});

describe('power and snapshots', () => {
  it('power diff only when the state changes', () => {
    expect(diffPower('stopped', 'running')).toEqual([
      { kind: 'power', key: 'status', change: 'changed', before: 'stopped', after: 'running' },
    ]);
    expect(diffPower('running', 'running')).toEqual([]);
  });
  it('snapshot tree: a new snapshot moves NOW under it; rollback deletes nothing; delete re-parents children', () => {
    const tree = [
      { name: 'base', snaptime: 1 },
      { name: 'upgrade', parent: 'base', snaptime: 2 },
      { name: 'current', parent: 'upgrade' },
    ];
    const taken = [
      ...tree.slice(0, 2),
      { name: 'auto-1', parent: 'upgrade', snaptime: 3 },
      { name: 'current', parent: 'auto-1' },
    ];
    expect(diffSnapshots(tree, taken)).toEqual([
      {
        kind: 'snapshot-tree',
        key: 'current',
        change: 'changed',
        before: 'parent: upgrade',
        after: 'parent: auto-1',
      },
      { kind: 'snapshot-tree', key: 'auto-1', change: 'added', after: 'parent: upgrade' },
    ]);
    const deleted = [
      { name: 'base', snaptime: 1 },
      { name: 'current', parent: 'base' },
    ];
    expect(diffSnapshots(tree, deleted).map((e) => `${e.key}:${e.change}`)).toEqual([
      'upgrade:removed',
      'current:changed',
    ]);
    expect(snapshotTreeLines(taken)).toEqual(['base', '  upgrade', '    auto-1', '      NOW']);
  });
});
