// Small plan-input helpers of the operations: guest targets, diff lines, disk sizes, cloud-init drive, HA ids.
// (Their calls and privileges live in the shared action table, src-shared/permissions/action-privileges.ts.)
import type { GuestRef } from '../../src-shared/ipc/channels/plans.js';
import type { DiffEntry } from '../../src-shared/plans/diff.js';
import type { PlanTarget } from '../../src-shared/plans/plan.js';

export const guestTarget = (g: GuestRef, name?: string): PlanTarget => ({
  kind: g.type,
  id: String(g.vmid),
  node: g.node,
  ...(name ? { name } : {}),
});

/** A diff line for something that appears (a new guest, archive, HA resource or job setting). */
export const added = (key: string, after: string): DiffEntry => ({
  kind: 'config',
  key,
  change: 'added',
  after,
});
export const removed = (key: string, before: string): DiffEntry => ({
  kind: 'config',
  key,
  change: 'removed',
  before,
});
export const changed = (key: string, before: string, after: string): DiffEntry[] =>
  before === after ? [] : [{ kind: 'config', key, change: 'changed', before, after }];

/** Disk sizes in bytes from a guest config (size=32G on scsi0, rootfs, mp0 ...); cloud-init and CD drives are ignored. */
export function diskBytes(config: Record<string, string>): number {
  const UNIT: Record<string, number> = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
  let total = 0;
  for (const [k, v] of Object.entries(config)) {
    if (
      !/^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$|^rootfs$|^mp\d+$/.test(k) ||
      v.includes('media=cdrom') ||
      v.includes('cloudinit')
    )
      continue;
    const m = /(?:^|,)size=(\d+(?:\.\d+)?)([KMGT])?/.exec(v);
    if (m) total += Number(m[1]) * (UNIT[m[2] ?? 'G'] ?? 1);
  }
  return total;
}

/** The cloud-init drive key of a qemu config (ide2: local-lvm:vm-9000-cloudinit,media=cdrom), if any. */
export const cloudInitDrive = (config: Record<string, string>): string | undefined =>
  Object.entries(config).find(([k, v]) => /^(ide|sata|scsi)\d+$/.test(k) && /cloudinit/.test(v))?.[0];

export const haSid = (g: Pick<GuestRef, 'type' | 'vmid'>): string =>
  `${g.type === 'qemu' ? 'vm' : 'ct'}:${g.vmid}`;
