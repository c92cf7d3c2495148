// The config edit form: common keys plus network/disk option strings; values waiting for a restart are shown as pending.
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { useGuestPending } from '../../data/guest-reads.js';

const BASE_KEYS = [
  'name',
  'hostname',
  'description',
  'tags',
  'onboot',
  'cores',
  'sockets',
  'memory',
  'balloon',
  'swap',
];
const NUMERIC = new Set(['onboot', 'cores', 'sockets', 'memory', 'balloon', 'swap']);
const OPTION_STRING = /^(net|scsi|virtio|sata|ide|mp)\d+$|^rootfs$/;

export type ConfigChanges = Record<string, string | number | null>;

/** Only what the user changed; an emptied field deletes the key. */
export function changesFrom(initial: Record<string, string>, edited: Record<string, string>): ConfigChanges {
  const out: ConfigChanges = {};
  for (const [key, value] of Object.entries(edited)) {
    const was = initial[key] ?? '';
    if (value === was) continue;
    if (value.trim() === '') out[key] = null;
    else out[key] = NUMERIC.has(key) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

export function ConfigEditForm({
  profileId,
  guest,
  disabled,
  onPlan,
}: {
  profileId: string;
  guest: GuestRef;
  disabled: boolean;
  onPlan(changes: ConfigChanges, snapshotFirst: boolean): void;
}) {
  const pending = useGuestPending(profileId, guest);
  const entries = pending.data?.entries;
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [snapshotFirst, setSnapshotFirst] = useState(false);
  // A fresh read (a plan changed the config, or someone else did) starts the form over from the new state.
  const [readAt, setReadAt] = useState(pending.dataUpdatedAt);
  if (readAt !== pending.dataUpdatedAt) {
    setReadAt(pending.dataUpdatedAt);
    setEdited({});
  }
  const { type } = guest;
  if (!entries) return <p className="muted">Loading…</p>;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const initial = Object.fromEntries(entries.map((e) => [e.key, e.pending ?? e.value ?? '']));
  const keys = [
    ...BASE_KEYS.filter((k) =>
      type === 'lxc' ? k !== 'name' && k !== 'sockets' && k !== 'balloon' : k !== 'hostname' && k !== 'swap',
    ),
    ...entries.map((e) => e.key).filter((k) => OPTION_STRING.test(k)),
  ];
  const changes = changesFrom(initial, edited);
  return (
    <form
      className="config-edit"
      data-testid="config-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        onPlan(changes, snapshotFirst);
      }}
    >
      <table className="config-table">
        <tbody>
          {keys.map((key) => {
            const p = byKey.get(key);
            return (
              <tr key={key}>
                <th>
                  <label htmlFor={`cfg-${key}`}>{key}</label>
                </th>
                <td>
                  <input
                    id={`cfg-${key}`}
                    value={edited[key] ?? initial[key] ?? ''}
                    disabled={disabled}
                    onChange={(e) => setEdited({ ...edited, [key]: e.target.value })}
                    data-testid={`config-field-${key}`}
                    size={OPTION_STRING.test(key) ? 60 : 24}
                  />
                  {p && (p.pending !== undefined || p.delete) && (
                    <span className="cdd-pending" data-testid={`config-pending-${key}`}>
                      {' '}
                      pending until restart{p.delete ? ': delete' : ''} (now {p.value ?? 'unset'})
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label>
        <input type="checkbox" checked={snapshotFirst} onChange={(e) => setSnapshotFirst(e.target.checked)} />{' '}
        take a snapshot first
      </label>{' '}
      <button
        type="submit"
        disabled={disabled || Object.keys(changes).length === 0}
        data-testid="config-plan"
      >
        Review changes…
      </button>
      {Object.keys(changes).length === 0 && (
        <span className="muted" data-testid="config-no-changes">
          {' '}
          No changes yet: the form shows the current config.
        </span>
      )}
    </form>
  );
}
