// The "take snapshot" form: name (checked like PVE does), description, and include RAM for a running VM.
import { useState } from 'react';
import { SnapName } from '../../../src-shared/ipc/channels/plans.js';

export interface SnapshotFormValues {
  snapname: string;
  description?: string;
  vmstate?: boolean;
}

export function CreateSnapshotForm({
  allowRam,
  onSubmit,
}: {
  allowRam: boolean;
  onSubmit(v: SnapshotFormValues): void;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [ram, setRam] = useState(false);
  const valid = SnapName.safeParse(name);
  return (
    <form
      className="plan-bar"
      data-testid="snapshot-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid.success)
          onSubmit({
            snapname: name,
            ...(description ? { description } : {}),
            ...(allowRam && ram ? { vmstate: true } : {}),
          });
      }}
    >
      <input
        placeholder="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        data-testid="snapshot-name"
        aria-invalid={!valid.success && name !== ''}
      />
      <input
        placeholder="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        data-testid="snapshot-description"
      />
      {allowRam && (
        <label>
          <input
            type="checkbox"
            checked={ram}
            onChange={(e) => setRam(e.target.checked)}
            data-testid="snapshot-ram"
          />{' '}
          include RAM
        </label>
      )}
      <button type="submit" disabled={!valid.success}>
        Plan snapshot
      </button>
      {!valid.success && name !== '' && <span className="cdd-error">{valid.error.issues[0]?.message}</span>}
    </form>
  );
}
