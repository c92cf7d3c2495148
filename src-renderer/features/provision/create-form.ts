// The Create form's values, checked field by field in sentences, and turned into the create action.
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';

export interface CreateFields {
  type: 'qemu' | 'lxc';
  node: string;
  vmid: number | string;
  name: string;
  cores: number | string;
  memory: number | string;
  storage: string;
  disk: number | string;
  ostemplate: string;
  iso: string;
  sshKeys: string;
}

export type CreateProblems = Partial<Record<keyof CreateFields, string>>;

const whole = (v: number | string, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** One sentence per field that is not right; empty when the form may be planned. */
export function createProblems(f: CreateFields): CreateProblems {
  const p: CreateProblems = {};
  if (!f.node) p.node = 'Node: choose an online node.';
  if (f.vmid !== '' && !whole(f.vmid, 100, 999_999_999))
    p.vmid = 'Guest ID: a whole number from 100, or empty for the next free one.';
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$/.test(f.name))
    p.name = f.name
      ? 'Name: letters, digits, - and . only, starting and ending with a letter or digit (up to 63).'
      : 'Name: give the guest a name, e.g. web-01.';
  if (!whole(f.cores, 1, 512)) p.cores = 'Cores: a whole number from 1 to 512.';
  if (!whole(f.memory, 16, 4_194_304)) p.memory = 'Memory: at least 16 MiB.';
  if (!f.storage) p.storage = 'Storage: choose where the disk goes.';
  if (!whole(f.disk, 1, 131_072)) p.disk = 'Disk: a whole number of GiB from 1.';
  if (f.type === 'lxc' && !f.ostemplate) p.ostemplate = 'Template: choose the container template to unpack.';
  return p;
}

export function createAction(f: CreateFields): OperationAction {
  return {
    kind: 'create',
    type: f.type,
    node: f.node,
    name: f.name,
    cores: Number(f.cores),
    memoryMiB: Number(f.memory),
    storage: f.storage,
    diskGiB: Number(f.disk),
    ...(f.vmid !== '' ? { vmid: Number(f.vmid) } : {}),
    ...(f.type === 'lxc'
      ? { ostemplate: f.ostemplate, ...(f.sshKeys.trim() ? { sshKeys: f.sshKeys.trim() } : {}) }
      : f.iso
        ? { iso: f.iso }
        : {}),
  };
}
