// "Back up now": storage (backup-capable ones of the node), mode with its consistency trade-off, compression, notes, protected.
import { useState } from 'react';
import type { BackupMode, Compress, StorageInfo } from '../../../src-shared/ipc/channels/backups.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { CheckField, SelectField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import type { z } from 'zod';

type Mode = z.infer<typeof BackupMode>;
const MODES: Record<Mode, { vm: string; ct: string }> = {
  snapshot: {
    vm: 'no downtime; consistent when the guest agent can freeze file systems (fsfreeze), crash-consistent otherwise',
    ct: 'no downtime; storage snapshot without freezing the container — crash-consistent',
  },
  suspend: {
    vm: 'pauses the VM briefly while its state is copied',
    ct: 'freezes the container while rsync copies it — short downtime',
  },
  stop: {
    vm: 'shuts the guest down for the backup, then starts it again — most consistent, with downtime',
    ct: 'shuts the guest down for the backup, then starts it again — most consistent, with downtime',
  },
};

export function BackupNowForm({
  guest,
  storages,
  onSubmit,
}: {
  guest: GuestRef;
  storages: StorageInfo[];
  onSubmit(a: OperationAction): void;
}) {
  const [storage, setStorage] = useState(storages[0]?.storage ?? '');
  const [mode, setMode] = useState<Mode>('snapshot');
  const [compress, setCompress] = useState<z.infer<typeof Compress>>('zstd');
  const [notes, setNotes] = useState('');
  const [prot, setProt] = useState(false);
  return (
    <OpsForm
      data-testid="backup-form"
      onSubmit={() => {
        onSubmit({
          kind: 'backup.run',
          guest,
          storage: storage || storages[0]?.storage || '',
          mode,
          compress,
          ...(notes ? { notes } : {}),
          ...(prot ? { protected: true } : {}),
        });
      }}
    >
      <SelectField
        label="Storage"
        value={storage}
        onChange={(e) => setStorage(e.target.value)}
        data-testid="backup-storage"
      >
        {storages.map((s) => (
          <option key={s.storage} value={s.storage}>
            {s.storage} ({Math.round(s.avail / 2 ** 30)} GiB free)
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Mode"
        value={mode}
        onChange={(e) => setMode(e.target.value as Mode)}
        data-testid="backup-mode"
      >
        {Object.keys(MODES).map((m) => (
          <option key={m}>{m}</option>
        ))}
      </SelectField>
      <SelectField
        label="Compression"
        value={compress}
        onChange={(e) => setCompress(e.target.value as typeof compress)}
        data-testid="backup-compress"
      >
        <option value="zstd">zstd</option>
        <option value="gzip">gzip</option>
        <option value="lzo">lzo</option>
        <option value="0">none</option>
      </SelectField>
      <input
        placeholder="notes ({{guestname}} …)"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        data-testid="backup-notes"
      />
      <CheckField
        label="protected"
        checked={prot}
        onChange={(e) => setProt(e.target.checked)}
        data-testid="backup-protected"
      />
      <button type="submit" disabled={storages.length === 0} data-testid="backup-submit">
        Plan backup
      </button>
      <p className="muted ops-note" data-testid="backup-mode-note">
        {mode}: {MODES[mode][guest.type === 'qemu' ? 'vm' : 'ct']}
      </p>
    </OpsForm>
  );
}
