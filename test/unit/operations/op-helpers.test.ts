// Pure helpers of the operation builders: disk sizes, cloud-init drive detection, job options, ssh key encoding, mode notes.
import { describe, expect, it } from 'vitest';
import { modeNote } from '../../../src-main/features/backups/build-backup.js';
import { jobOptions } from '../../../src-main/features/backups/build-backup-jobs.js';
import { encodeSshKeys } from '../../../src-main/features/provision/build-provision.js';
import { cloudInitDrive, diskBytes, haSid } from '../../../src-main/plans/op-calls.js';
import { actionCall } from '../../../src-shared/plans/plan.js';

const GIB = 2 ** 30;

describe('diskBytes', () => {
  it('adds up guest disks and skips CD-ROMs and the cloud-init drive', () => {
    const cfg = {
      scsi0: 'local-lvm:vm-100-disk-0,size=32G',
      virtio1: 'local-lvm:vm-100-disk-1,iothread=1,size=512M',
      ide2: 'local-lvm:vm-100-cloudinit,media=cdrom',
      ide0: 'local:iso/debian.iso,media=cdrom,size=700M',
      net0: 'virtio=BC:24:11:00:00:01,bridge=vmbr0',
    };
    expect(diskBytes(cfg)).toBe(32 * GIB + 512 * 2 ** 20);
    expect(
      diskBytes({
        rootfs: 'local-lvm:vm-101-disk-0,size=8G',
        mp0: 'local-lvm:vm-101-disk-1,mp=/data,size=1T',
      }),
    ).toBe(8 * GIB + 1024 * GIB);
  });
});

describe('cloudInitDrive', () => {
  it('finds the drive holding the cloud-init volume', () => {
    expect(
      cloudInitDrive({
        ide2: 'local-lvm:vm-9000-cloudinit,media=cdrom',
        scsi0: 'local-lvm:base-9000-disk-0',
      }),
    ).toBe('ide2');
    expect(cloudInitDrive({ ide2: 'local:iso/x.iso,media=cdrom' })).toBeUndefined();
  });
});

describe('jobOptions', () => {
  const base = {
    schedule: '21:00',
    storage: 'nfs',
    mode: 'snapshot' as const,
    compress: 'zstd' as const,
    enabled: true,
  };
  it('writes the selection as PVE options', () => {
    expect(jobOptions({ ...base, selection: { kind: 'all', exclude: [100, 101] } })).toMatchObject({
      all: 1,
      exclude: '100,101',
      enabled: 1,
    });
    expect(
      jobOptions({ ...base, selection: { kind: 'vmids', vmids: [102, 103] }, enabled: false }),
    ).toMatchObject({ vmid: '102,103', enabled: 0 });
    const pool = jobOptions({ ...base, selection: { kind: 'pool', pool: 'lab' }, comment: 'c' });
    expect(pool).toMatchObject({ pool: 'lab', comment: 'c' });
    expect(pool.all).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('URL-encodes ssh keys as PVE expects', () => {
    expect(encodeSshKeys('ssh-ed25519 AAA a@b\n')).toBe('ssh-ed25519%20AAA%20a%40b');
  });
  it('names HA sids by guest type', () => {
    expect(haSid({ type: 'qemu', vmid: 100 })).toBe('vm:100');
    expect(haSid({ type: 'lxc', vmid: 101 })).toBe('ct:101');
  });
  it('explains each backup mode, fsfreeze only for VMs with an agent', () => {
    expect(modeNote('qemu', 'snapshot', true)).toMatch(/fsfreeze/);
    expect(modeNote('qemu', 'snapshot', false)).toMatch(/crash-consistent/);
    expect(modeNote('lxc', 'snapshot', false)).toMatch(/crash-consistent/);
    expect(modeNote('lxc', 'stop', false)).toMatch(/downtime/);
  });
  it('fills the call path from its variables and refuses missing ones', () => {
    const call = actionCall('ha.manage', 'DELETE', '/cluster/ha/resources/{sid}', { sid: 'vm:100' });
    expect(call.path).toBe('/cluster/ha/resources/vm:100');
    expect(call.needs).toEqual([{ kind: 'perm', path: '/', privs: ['Sys.Console'] }]);
    expect(() => actionCall('ha.manage', 'DELETE', '/cluster/ha/resources/{sid}', {})).toThrow(
      /needs variables/,
    );
    expect(() => actionCall('ha.manage', 'PUT', '/cluster/ha/resources', {})).toThrow(/has no PUT/);
  });
});
