// "Back up now": storage (backup-capable ones of the node), mode with its consistency trade-off, compression, notes, protected.
import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupMode, Compress, StorageInfo } from '../../../src-shared/ipc/channels/backups.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
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
const COMPRESSION = [
  { value: 'zstd', label: 'zstd (fast, good)' },
  { value: 'gzip', label: 'gzip' },
  { value: 'lzo', label: 'lzo' },
  { value: '0', label: 'none' },
];

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
  const [problem, setProblem] = useState<string>();
  return (
    <Paper withBorder p="md">
      <form
        className="ops-form"
        data-testid="backup-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const target = storage || storages[0]?.storage || '';
          if (!target) {
            setProblem('Storage: choose a storage that accepts backups.');
            return;
          }
          if (notes.length > 1024) {
            setProblem('Notes: up to 1024 characters.');
            return;
          }
          setProblem(undefined);
          onSubmit({
            kind: 'backup.run',
            guest,
            storage: target,
            mode,
            compress,
            ...(notes ? { notes } : {}),
            ...(prot ? { protected: true } : {}),
          });
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            Back up {guest.vmid} now
          </Title>
          <Group grow align="flex-start">
            <NativeSelect
              label="Storage"
              value={storage}
              onChange={(e) => setStorage(e.currentTarget.value)}
              data-testid="backup-storage"
              data={storages.map((s) => ({
                value: s.storage,
                label: `${s.storage} (${Math.round(s.avail / 2 ** 30)} GiB free)`,
              }))}
              error={problem?.startsWith('Storage') ? problem : undefined}
            />
            <NativeSelect
              label="Mode"
              value={mode}
              onChange={(e) => setMode(e.currentTarget.value as Mode)}
              data-testid="backup-mode"
              data={Object.keys(MODES)}
            />
            <NativeSelect
              label="Compression"
              value={compress}
              onChange={(e) => setCompress(e.currentTarget.value as typeof compress)}
              data-testid="backup-compress"
              data={COMPRESSION}
            />
          </Group>
          <TextInput
            label="Notes"
            description="Shown in the backup list; {{guestname}}, {{node}} and {{vmid}} are filled in"
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            data-testid="backup-notes"
            error={problem?.startsWith('Notes') ? problem : undefined}
          />
          <Checkbox
            label="Protected (cannot be deleted or pruned until unprotected)"
            checked={prot}
            onChange={(e) => setProt(e.currentTarget.checked)}
            data-testid="backup-protected"
          />
          <Text size="sm" c="dimmed" className="ops-note" data-testid="backup-mode-note">
            {mode}: {MODES[mode][guest.type === 'qemu' ? 'vm' : 'ct']}
          </Text>
          {problem && (
            <Text size="sm" c="red" role="alert" data-testid="backup-form-error">
              {problem}
            </Text>
          )}
          <Group>
            <Button type="submit" data-testid="backup-submit">
              Plan backup
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
