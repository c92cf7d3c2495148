// What each cluster read depends on, so a finished plan refetches it exactly when it changed that.
import type { RequestArgs, RequestName } from '../../src-shared/ipc/contract.js';
import type { ReadScope } from '../../src-shared/plans/changes.js';

const vmidOf = (args: unknown): number | undefined => {
  if (typeof args !== 'object' || args === null) return undefined;
  const a = args as { vmid?: unknown; guest?: { vmid?: unknown } };
  const v = a.vmid ?? a.guest?.vmid;
  return typeof v === 'number' ? v : undefined;
};

const storageOf = (args: unknown): string | undefined => {
  const s = typeof args === 'object' && args !== null ? (args as { storage?: unknown }).storage : undefined;
  return typeof s === 'string' ? s : undefined;
};

const optional = <K extends string, V>(k: K, v: V | undefined): Partial<Record<K, V>> =>
  v === undefined ? {} : ({ [k]: v } as Record<K, V>);

/** Reads not listed depend on nothing a plan declares: they load when their view mounts. */
export function scopesOf<N extends RequestName>(name: N, args: RequestArgs<N> | undefined): ReadScope[] {
  const vmid = vmidOf(args);
  const storage = storageOf(args);
  switch (name) {
    case 'operations.ha':
      return [{ kind: 'cluster', area: 'ha' }];
    case 'operations.migrateInfo':
      return [
        { kind: 'cluster', area: 'ha' },
        ...(vmid !== undefined ? [{ kind: 'guest' as const, vmid, aspect: 'config' as const }] : []),
      ];
    case 'operations.backups':
      return [{ kind: 'backups', ...optional('storage', storage), ...optional('vmid', vmid) }];
    case 'operations.backupJobs':
      return [{ kind: 'cluster', area: 'backup-jobs' }];
    case 'operations.storages':
    case 'storage.list':
    case 'storage.content':
      return [{ kind: 'storage', ...optional('storage', storage) }];
    case 'firewall.view':
      return [{ kind: 'cluster', area: 'firewall' }];
    case 'sdn.view':
      return [{ kind: 'cluster', area: 'sdn' }];
    case 'replication.view':
      return [{ kind: 'cluster', area: 'replication' }];
    case 'ceph.view':
      return [{ kind: 'cluster', area: 'ceph' }];
    default:
      return [];
  }
}
