// Plan calls for operations the shared action table does not list yet (HA updates, backup jobs, create, volume delete,
// agent ping, status read), with the privileges PVE checks for them; plus small plan-input helpers.
import type { GuestRef } from '../../src-shared/ipc/channels/plans.js';
import type { DiffEntry } from '../../src-shared/plans/diff.js';
import type { CallInput, PlanTarget } from '../../src-shared/plans/plan.js';
import type { ParamValue } from '../../src-shared/plans/pvesh.js';
import type { HttpMethod, Need, PermNeed, Vars } from '../../src-shared/permissions/requirement.js';
import { fillPath } from '../../src-shared/permissions/requirement.js';

type Params = Readonly<Record<string, ParamValue | undefined>>;

const perm = (path: string, privs: readonly string[], opts: Omit<PermNeed, 'kind' | 'path' | 'privs'> = {}): PermNeed => ({ kind: 'perm', path, privs, ...opts });

/** The privileges PVE checks (schema `check` plus what the handler's description states), by operation. */
export const OP_NEEDS = {
  'ha.update': [perm('/', ['Sys.Console'])],
  'backupjob.manage': [perm('/', ['Sys.Modify'])],
  'guest.create': [
    { kind: 'or', of: [[perm('/vms/{vmid}', ['VM.Allocate'], { inHandler: true })], [perm('/pool/{pool}', ['VM.Allocate'], { inHandler: true, requireParam: 'pool' })]] },
    perm('/storage/{storage}', ['Datastore.AllocateSpace'], { inHandler: true }),
    perm('/sdn/zones/{zone}/{bridge}', ['SDN.Use'], { inHandler: true, requireParam: 'bridge' }),
  ],
  'volume.delete': [
    {
      kind: 'or',
      of: [
        [perm('/storage/{storage}', ['Datastore.Allocate'], { inHandler: true })],
        [perm('/storage/{storage}', ['Datastore.AllocateSpace'], { inHandler: true }), perm('/vms/{vmid}', ['VM.Backup'], { inHandler: true })],
      ],
    },
  ],
  'agent.ping': [perm('/vms/{vmid}', ['VM.GuestAgent.Audit', 'VM.GuestAgent.Unrestricted'], { any: true })],
  'guest.status': [perm('/vms/{vmid}', ['VM.Audit'])],
} as const satisfies Record<string, readonly Need[]>;

export function opCall(id: keyof typeof OP_NEEDS, method: HttpMethod, template: string, vars: Vars, params: Params = {}): CallInput {
  const path = fillPath(template, vars);
  if (path === undefined) throw new Error(`${id}: ${template} needs variables not given`);
  return { method, path, params, needs: OP_NEEDS[id], vars };
}

export const guestTarget = (g: GuestRef, name?: string): PlanTarget => ({ kind: g.type, id: String(g.vmid), node: g.node, ...(name ? { name } : {}) });

/** A diff line for something that appears (a new guest, archive, HA resource or job setting). */
export const added = (key: string, after: string): DiffEntry => ({ kind: 'config', key, change: 'added', after });
export const removed = (key: string, before: string): DiffEntry => ({ kind: 'config', key, change: 'removed', before });
export const changed = (key: string, before: string, after: string): DiffEntry[] => (before === after ? [] : [{ kind: 'config', key, change: 'changed', before, after }]);

/** Disk sizes in bytes from a guest config (size=32G on scsi0, rootfs, mp0 ...); cloud-init and CD drives are ignored. */
export function diskBytes(config: Record<string, string>): number {
  const UNIT: Record<string, number> = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
  let total = 0;
  for (const [k, v] of Object.entries(config)) {
    if (!/^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$|^rootfs$|^mp\d+$/.test(k) || v.includes('media=cdrom') || v.includes('cloudinit')) continue;
    const m = /(?:^|,)size=(\d+(?:\.\d+)?)([KMGT])?/.exec(v);
    if (m) total += Number(m[1]) * (UNIT[m[2] ?? 'G'] ?? 1);
  }
  return total;
}

/** The cloud-init drive key of a qemu config (ide2: local-lvm:vm-9000-cloudinit,media=cdrom), if any. */
export const cloudInitDrive = (config: Record<string, string>): string | undefined =>
  Object.entries(config).find(([k, v]) => /^(ide|sata|scsi)\d+$/.test(k) && /cloudinit/.test(v))?.[0];

export const haSid = (g: Pick<GuestRef, 'type' | 'vmid'>): string => `${g.type === 'qemu' ? 'vm' : 'ct'}:${g.vmid}`;
