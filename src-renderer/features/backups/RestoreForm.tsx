// Restore a backup: to a new vmid (default, unique MACs) or over the existing guest (destructive, typed confirm), target storage.
import { useState } from 'react';
import type { BackupEntry, StorageInfo } from '../../../src-shared/ipc/channels/backups.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';

export function RestoreForm({
  backup,
  existingVmid,
  storages,
  onSubmit,
  onCancel,
}: {
  backup: BackupEntry;
  existingVmid: number;
  storages: StorageInfo[];
  onSubmit(a: OperationAction): void;
  onCancel(): void;
}) {
  const [mode, setMode] = useState<'new' | 'overwrite'>('new');
  const [vmid, setVmid] = useState('');
  const [storage, setStorage] = useState('');
  const type = backup.type ?? 'qemu';
  return (
    <form
      className="ops-form"
      data-testid="restore-form"
      onSubmit={(e) => {
        e.preventDefault();
        const target =
          mode === 'overwrite'
            ? { mode, vmid: existingVmid }
            : { mode, ...(vmid ? { vmid: Number(vmid) } : {}) };
        onSubmit({
          kind: 'backup.restore',
          node: backup.node,
          type,
          volid: backup.volid,
          target,
          ...(storage ? { storage } : {}),
        });
      }}
    >
      <strong>Restore {backup.volid}</strong>
      <label>
        <input
          type="radio"
          checked={mode === 'new'}
          onChange={() => setMode('new')}
          data-testid="restore-new"
        />{' '}
        to a new guest
      </label>
      {mode === 'new' && (
        <input
          placeholder="vmid (next free)"
          value={vmid}
          inputMode="numeric"
          onChange={(e) => setVmid(e.target.value.replace(/\D/g, ''))}
          data-testid="restore-vmid"
        />
      )}
      <label>
        <input
          type="radio"
          checked={mode === 'overwrite'}
          onChange={() => setMode('overwrite')}
          data-testid="restore-overwrite"
        />{' '}
        over {existingVmid} (replaces it)
      </label>
      <label>
        Storage{' '}
        <select value={storage} onChange={(e) => setStorage(e.target.value)} data-testid="restore-storage">
          <option value="">as in the backup</option>
          {storages.map((s) => (
            <option key={s.storage}>{s.storage}</option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="restore-submit">
        Plan restore
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
