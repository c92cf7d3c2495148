// The "take snapshot" form: name (checked like PVE does), description, and include RAM for a running VM.
import { Button, Checkbox, Group, Paper, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SnapName } from '../../../src-shared/ipc/channels/plans.js';

export interface SnapshotFormValues {
  snapname: string;
  description?: string;
  vmstate?: boolean;
}

/** Why a name is not usable, as a sentence; undefined when PVE would take it. */
export function snapNameProblem(name: string): string | undefined {
  if (name === '') return 'Name: needs a name.';
  if (SnapName.safeParse(name).success) return undefined;
  return 'Name: 2 to 40 characters, starting with a letter, then letters, digits, - or _.';
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
  const [tried, setTried] = useState(false);
  const problem = snapNameProblem(name);
  return (
    <Paper withBorder p="sm" my="sm">
      <form
        data-testid="snapshot-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!problem)
            onSubmit({
              snapname: name,
              ...(description ? { description } : {}),
              ...(allowRam && ram ? { vmstate: true } : {}),
            });
        }}
      >
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Name"
            placeholder="before-upgrade"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="snapshot-name"
            error={(tried || name !== '') && problem ? problem : undefined}
          />
          <TextInput
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            data-testid="snapshot-description"
            miw={260}
          />
          {allowRam && (
            <Checkbox
              mt={30}
              label="Include RAM"
              checked={ram}
              onChange={(e) => setRam(e.currentTarget.checked)}
              data-testid="snapshot-ram"
            />
          )}
          <Button type="submit" mt={24} data-testid="snapshot-submit">
            Plan snapshot
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
