// Restore a backup: to a new vmid (default, unique MACs) or over the existing guest (destructive, typed confirm), target storage.
import { Button, Group, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntry, StorageInfo } from '../../../src-shared/ipc/channels/backups.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';

/** A guest id as PVE accepts it, or a sentence saying what is wrong. */
function vmidProblem(text: string): string | undefined {
  if (!text) return undefined;
  const n = Number(text);
  return /^\d+$/.test(text) && n >= 100 && n <= 999_999_999
    ? undefined
    : 'Guest ID: a whole number from 100 to 999999999, or empty for the next free one.';
}

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
  const [problem, setProblem] = useState<string>();
  const type = backup.type ?? 'qemu';
  return (
    <Paper withBorder p="md">
      <form
        className="ops-form"
        data-testid="restore-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const bad = mode === 'new' ? vmidProblem(vmid) : undefined;
          setProblem(bad);
          if (bad) return;
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
        <Stack gap="xs">
          <Title order={2} size="h4">
            Restore {backup.volid}
          </Title>
          <Radio.Group value={mode} onChange={(v) => setMode(v === 'overwrite' ? 'overwrite' : 'new')}>
            <Group>
              <Radio value="new" label="to a new guest" data-testid="restore-new" />
              <Radio
                value="overwrite"
                label={`over ${existingVmid} (replaces it)`}
                data-testid="restore-overwrite"
              />
            </Group>
          </Radio.Group>
          <Group grow align="flex-start">
            {mode === 'new' && (
              <TextInput
                label="New guest ID"
                placeholder="next free"
                value={vmid}
                inputMode="numeric"
                onChange={(e) => setVmid(e.currentTarget.value.trim())}
                data-testid="restore-vmid"
                error={problem}
              />
            )}
            <NativeSelect
              label="Target storage"
              value={storage}
              onChange={(e) => setStorage(e.currentTarget.value)}
              data-testid="restore-storage"
              data={[
                { value: '', label: 'as in the backup' },
                ...storages.map((s) => ({ value: s.storage, label: s.storage })),
              ]}
            />
          </Group>
          {problem && (
            <Text size="sm" c="red" role="alert" data-testid="restore-form-error">
              {problem}
            </Text>
          )}
          <Group>
            <Button type="submit" data-testid="restore-submit">
              Plan restore
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
