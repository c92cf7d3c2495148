// What a plan changes, as typed keys: main names them when a plan finishes and the renderer refetches exactly those reads.
//
// API:
//   ChangeKey (zod schema + type)       one thing a plan may change: a guest's config/snapshots/status/node, the backups on a
//                                       storage, a storage's content, or a cluster-wide area (HA, access, firewall ...)
//   changesOfCall(call): ChangeKey[]    what one mutating PVE call changes, read from its method, path and params
//   changesOfCalls(calls): ChangeKey[]  the same for a plan's calls, without repeats (GET calls change nothing)
//   mergeChanges(...lists): ChangeKey[] one list without repeats
//   affects(change, read): boolean      whether a read described by `read` must be refetched after `change`
import { z } from 'zod';

export const GuestAspect = z.enum(['config', 'status', 'snapshots', 'node']);
export type GuestAspect = z.infer<typeof GuestAspect>;

export const ClusterArea = z.enum([
  'guests',
  'ha',
  'access',
  'backup-jobs',
  'firewall',
  'sdn',
  'replication',
  'ceph',
  'pools',
]);
export type ClusterArea = z.infer<typeof ClusterArea>;

export const ChangeKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guest'), vmid: z.number().int(), aspect: GuestAspect }).strict(),
  z.object({ kind: z.literal('backups'), storage: z.string() }).strict(),
  z.object({ kind: z.literal('storage'), storage: z.string() }).strict(),
  z.object({ kind: z.literal('cluster'), area: ClusterArea }).strict(),
]);
export type ChangeKey = z.infer<typeof ChangeKey>;

/** What a read depends on; `storage` or `vmid` left out means "any" (a list across storages, say). */
export type ReadScope =
  | { kind: 'guest'; vmid: number; aspect: GuestAspect }
  | { kind: 'backups'; storage?: string; vmid?: number }
  | { kind: 'storage'; storage?: string }
  | { kind: 'cluster'; area: ClusterArea };

interface CallLike {
  method: string;
  path: string;
  params?: Readonly<Record<string, unknown>>;
}

const GUEST = /^\/nodes\/[^/]+\/(qemu|lxc)\/(\d+)(?:\/(.*))?$/;
const STORAGE = /^\/nodes\/[^/]+\/storage\/([^/]+)\/(.*)$/;
const CLUSTER_AREAS: Array<[RegExp, ClusterArea]> = [
  [/^\/cluster\/ha\//, 'ha'],
  [/^\/access\//, 'access'],
  [/^\/cluster\/backup/, 'backup-jobs'],
  [/\/firewall\//, 'firewall'],
  [/^\/cluster\/sdn/, 'sdn'],
  [/^\/cluster\/replication/, 'replication'],
  [/\/ceph\//, 'ceph'],
  [/^\/pools/, 'pools'],
];

const storageOfVolid = (volid: unknown): string | undefined =>
  typeof volid === 'string' && volid.includes(':') ? volid.slice(0, volid.indexOf(':')) : undefined;

function guestChanges(vmid: number, rest: string): ChangeKey[] {
  const g = (aspect: GuestAspect): ChangeKey => ({ kind: 'guest', vmid, aspect });
  if (rest === '' || rest === undefined)
    return [g('config'), g('status'), { kind: 'cluster', area: 'guests' }];
  if (rest.startsWith('status/')) return [g('status'), g('config')];
  if (rest.startsWith('snapshot')) return [g('snapshots'), g('config'), g('status')];
  if (rest === 'migrate') return [g('node'), g('config'), g('status'), g('snapshots')];
  if (rest.startsWith('firewall')) return [{ kind: 'cluster', area: 'firewall' }];
  if (rest.startsWith('agent')) return [];
  return [g('config')];
}

export function changesOfCall(call: CallLike): ChangeKey[] {
  if (call.method === 'GET') return [];
  const params = call.params ?? {};
  const guest = GUEST.exec(call.path);
  if (guest) return guestChanges(Number(guest[2]), guest[3] ?? '');
  const out: ChangeKey[] = [];
  // create/restore (POST /nodes/{n}/qemu with vmid): a new or replaced guest, maybe from an archive on a storage
  if (/^\/nodes\/[^/]+\/(qemu|lxc)$/.test(call.path)) {
    if (typeof params.vmid === 'number') out.push(...guestChanges(params.vmid, ''));
    else out.push({ kind: 'cluster', area: 'guests' });
    const archive = storageOfVolid(params.archive ?? params.ostemplate);
    if (archive) out.push({ kind: 'backups', storage: archive });
    return out;
  }
  if (/^\/nodes\/[^/]+\/vzdump$/.test(call.path) && typeof params.storage === 'string')
    return [{ kind: 'backups', storage: params.storage }];
  const storage = STORAGE.exec(call.path);
  if (storage)
    return [
      { kind: 'storage', storage: storage[1]! },
      { kind: 'backups', storage: storage[1]! },
    ];
  if (/^\/cluster\/ha\/resources\/(vm|ct):(\d+)\/(migrate|relocate)$/.test(call.path)) {
    const vmid = Number(/:(\d+)\//.exec(call.path)![1]);
    return [{ kind: 'cluster', area: 'ha' }, ...guestChanges(vmid, 'migrate')];
  }
  const area = CLUSTER_AREAS.find(([re]) => re.test(call.path));
  return area ? [{ kind: 'cluster', area: area[1] }] : [];
}

const keyOf = (c: ChangeKey): string => JSON.stringify(c);

export function mergeChanges(...lists: ReadonlyArray<readonly ChangeKey[]>): ChangeKey[] {
  const seen = new Map<string, ChangeKey>();
  for (const list of lists) for (const c of list) seen.set(keyOf(c), c);
  return [...seen.values()];
}

export function changesOfCalls(calls: readonly CallLike[]): ChangeKey[] {
  return mergeChanges(...calls.map(changesOfCall));
}

export function affects(change: ChangeKey, read: ReadScope): boolean {
  switch (change.kind) {
    case 'guest':
      // a guest on another node reads everything anew; otherwise only the aspect that changed
      return (
        read.kind === 'guest' &&
        read.vmid === change.vmid &&
        (change.aspect === 'node' || read.aspect === change.aspect)
      );
    case 'backups':
      return read.kind === 'backups' && (read.storage === undefined || read.storage === change.storage);
    case 'storage':
      return read.kind === 'storage' && (read.storage === undefined || read.storage === change.storage);
    case 'cluster':
      return read.kind === 'cluster' && read.area === change.area;
  }
}
