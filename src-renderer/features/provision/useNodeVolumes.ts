// What the Create form picks from on a node: its storages for a content type, and the volumes (ISOs, templates)
// of the first storage that holds them.
import type { StorageSummary } from '../../../src-shared/ipc/channels/storage.js';
import { formatBytes } from '../inventory/format.js';
import { useClusterRead } from './useClusterRead.js';

export interface Choice {
  value: string;
  label: string;
}

export function useNodeStorages(
  profileId: string | undefined,
  node: string,
): { storages: StorageSummary[]; loaded: boolean } {
  const { data } = useClusterRead(
    'storage.list',
    profileId && node ? { profileId, node } : undefined,
    'Cannot list the node\u2019s storages',
  );
  return { storages: data?.storages ?? [], loaded: data !== undefined };
}

export function storageChoices(storages: readonly StorageSummary[], content: string): Choice[] {
  return storages
    .filter((s) => s.content.includes(content) && s.active)
    .map((s) => ({ value: s.storage, label: `${s.storage} (${formatBytes(s.avail)} free)` }));
}

export function useVolumes(
  profileId: string | undefined,
  node: string,
  storages: readonly StorageSummary[],
  content: 'iso' | 'vztmpl',
  enabled: boolean,
): Choice[] {
  const holder = storages.find((s) => s.content.includes(content) && s.active)?.storage;
  const { data } = useClusterRead(
    'storage.content',
    enabled && profileId && node && holder ? { profileId, node, storage: holder, content } : undefined,
    'Cannot list templates and ISO images',
  );
  return (data?.items ?? []).map((i) => ({ value: i.volid, label: i.volid.replace(/^[^:]*:[^/]*\//, '') }));
}
