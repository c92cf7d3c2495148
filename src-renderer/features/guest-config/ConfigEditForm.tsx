// The config editor like PVE's Hardware/Options views: typed fields per key, pending values marked, checked before a plan.
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { useGuestPending } from '../../data/guest-reads.js';
import { PageSkeleton } from '../../ui/Page.js';
import { editableKeys, fieldProblem, kindOf } from './config-fields.js';
import { ConfigField } from './ConfigField.js';

const NUMERIC = new Set(['onboot', 'protection', 'cores', 'sockets', 'memory', 'balloon', 'swap']);

export type ConfigChanges = Record<string, string | number | null>;

/** Only what the user changed; an emptied field deletes the key. */
export function changesFrom(initial: Record<string, string>, edited: Record<string, string>): ConfigChanges {
  const out: ConfigChanges = {};
  for (const [key, value] of Object.entries(edited)) {
    const was = initial[key] ?? '';
    if (value === was) continue;
    if (kindOf(key) === 'switch' && (value === '1') === (was === '1')) continue;
    if (value.trim() === '') out[key] = null;
    else out[key] = NUMERIC.has(key) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** snapshotFirst: the guest view's one "snapshot first" switch, shared with the power actions. */
export function ConfigEditForm({
  profileId,
  guest,
  disabled,
  snapshotFirst,
  onPlan,
}: {
  profileId: string;
  guest: GuestRef;
  disabled: boolean;
  snapshotFirst: boolean;
  onPlan(changes: ConfigChanges, snapshotFirst: boolean): void;
}) {
  const pending = useGuestPending(profileId, guest);
  const entries = pending.data?.entries;
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  // A fresh read (a plan changed the config, or someone else did) starts the form over from the new state.
  const [readAt, setReadAt] = useState(pending.dataUpdatedAt);
  if (readAt !== pending.dataUpdatedAt) {
    setReadAt(pending.dataUpdatedAt);
    setEdited({});
    setProblems({});
  }
  if (!entries) return <PageSkeleton rows={4} />;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const initial = Object.fromEntries(entries.map((e) => [e.key, e.pending ?? e.value ?? '']));
  const keys = editableKeys(
    guest.type,
    entries.map((e) => e.key),
  );
  const changes = changesFrom(initial, edited);
  const count = Object.keys(changes).length;
  const submit = (): void => {
    const found: Record<string, string> = {};
    for (const key of Object.keys(changes)) {
      const problem = fieldProblem(key, edited[key] ?? '');
      if (problem) found[key] = problem;
    }
    setProblems(found);
    if (Object.keys(found).length === 0) onPlan(changes, snapshotFirst);
  };
  const field = (key: string) => {
    const p = byKey.get(key);
    const marker =
      p && (p.pending !== undefined || p.delete)
        ? `pending until restart${p.delete ? ': delete' : ''} (now ${p.value ?? 'unset'})`
        : undefined;
    return (
      <ConfigField
        key={key}
        name={key}
        value={edited[key] ?? initial[key] ?? ''}
        disabled={disabled}
        error={problems[key]}
        pending={marker}
        onChange={(v) => setEdited({ ...edited, [key]: v })}
      />
    );
  };
  const simple = keys.filter((k) => kindOf(k) !== 'property' && kindOf(k) !== 'longtext');
  const wide = keys.filter((k) => !simple.includes(k));
  return (
    <Paper withBorder p="md" mt="sm">
      <form
        className="config-edit"
        data-testid="config-edit-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            {simple.map(field)}
          </SimpleGrid>
          {wide.map(field)}
          {Object.keys(problems).length > 0 && (
            <Alert color="red" variant="light" data-testid="config-problems">
              Fix the marked fields first: {Object.values(problems).join(' ')}
            </Alert>
          )}
          <Group>
            <Button type="submit" disabled={disabled || count === 0} data-testid="config-plan">
              Review changes…
            </Button>
            {count === 0 ? (
              <Text size="sm" c="dimmed" data-testid="config-no-changes">
                No changes yet: the form shows the current config.
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {count} change{count === 1 ? '' : 's'}
                {snapshotFirst ? ', after a snapshot' : ''}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
