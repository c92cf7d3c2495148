// The guest's safety snapshots (taken before each rollback): newest first, "Undo rollback" to the newest, and a plan
// that deletes all but the last N.
import { Group, List, NumberInput, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { isSafetySnapshot, type SnapshotEntry } from '../../../src-shared/ipc/channels/snapshots.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { ActionButton } from '../permissions/ActionButton.js';
import type { PermissionVars } from '../permissions/usePermission.js';

export function SafetySnapshots({
  snapshots,
  vars,
  blocked,
  onUndo,
  onPrune,
}: {
  snapshots: readonly SnapshotEntry[];
  vars: PermissionVars;
  blocked: string | boolean;
  onUndo(snapname: string): void;
  onPrune(keep: number): void;
}) {
  const [keep, setKeep] = useState(3);
  const safety = snapshots
    .filter((s) => isSafetySnapshot(s.name))
    .sort((a, b) => (b.snaptime ?? 0) - (a.snaptime ?? 0) || b.name.localeCompare(a.name));
  const newest = safety[0];
  if (!newest) return null;
  return (
    <Paper withBorder p="sm" my="sm" data-testid="safety-snapshots">
      <Title order={3} size="h5" mb="xs">
        Safety snapshots ({safety.length})
      </Title>
      <List size="sm" mb="sm">
        {safety.map((s) => (
          <List.Item key={s.name} data-testid="safety-snapshot" data-name={s.name}>
            {s.name}
            {s.snaptime ? (
              <Text span size="sm" c="dimmed">
                {' '}
                · <RelativeTime at={s.snaptime * 1000} />
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
      <Group gap="xs" align="flex-end">
        <ActionButton
          action="snapshot.rollback"
          vars={{ ...vars, snapname: newest.name }}
          disabled={blocked}
          onClick={() => onUndo(newest.name)}
          testId="snapshot-undo-rollback"
        >
          Undo rollback (back to {newest.name})
        </ActionButton>
        <NumberInput
          label="Keep the last"
          min={0}
          max={100}
          w={120}
          value={keep}
          onChange={(v) => setKeep(typeof v === 'number' ? v : Number(v) || 0)}
          disabled={Boolean(blocked)}
          data-testid="safety-keep"
        />
        <ActionButton
          action="snapshot.delete"
          vars={{ ...vars, snapname: safety.at(-1)?.name ?? newest.name }}
          color="red"
          disabled={blocked || (safety.length <= keep ? `only ${safety.length} kept so far` : false)}
          onClick={() => onPrune(keep)}
          testId="safety-prune"
        >
          Delete older safety snapshots
        </ActionButton>
      </Group>
    </Paper>
  );
}
