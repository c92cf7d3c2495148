// "What may I do on this guest?": the guest action buttons of one vmid, each enabled or disabled with the missing privilege.
import { Autocomplete, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { guestLabel, useClusterGuests } from '../firewall/useClusterGuests.js';
import { ActionButton } from './ActionButton.js';

const GUEST_ACTIONS: ActionId[] = [
  'guest.start',
  'guest.shutdown',
  'guest.reboot',
  'guest.stop',
  'guest.console',
  'guest.config',
  'snapshot.create',
  'snapshot.rollback',
  'guest.clone',
  'guest.delete',
];

export function GuestActions({ profileId, vmid: initial }: { profileId: string; vmid: number | undefined }) {
  const [text, setText] = useState(initial !== undefined ? String(initial) : '');
  const { guests } = useClusterGuests(profileId);
  const trimmed = text.trim();
  const vmid = /^\d{3,9}$/.test(trimmed) && Number(trimmed) >= 100 ? Number(trimmed) : undefined;
  const names = new Map(guests.map((g) => [String(g.vmid), guestLabel(g)]));
  const problem =
    trimmed !== '' && vmid === undefined
      ? 'Guest ID: a whole number from 100, e.g. 101; pick one from the list.'
      : undefined;
  return (
    <Paper withBorder p="md" className="perm-guest" data-testid="guest-actions">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Actions on one guest
        </Title>
        <Autocomplete
          label="Guest"
          description="A guest id of this cluster: the buttons show what this identity may do on it"
          placeholder="101"
          w={320}
          value={text}
          onChange={setText}
          data={[...names.keys()]}
          renderOption={({ option }) => names.get(option.value) ?? option.value}
          limit={50}
          error={problem}
          data-testid="guest-actions-vmid"
        />
        {vmid !== undefined ? (
          <Group gap="xs" className="perm-guest-buttons">
            {GUEST_ACTIONS.map((a) => (
              // The buttons only show what is allowed here; the guest's own view runs the actions.
              <ActionButton key={a} action={a} vars={{ profileId, vmid }} onClick={() => undefined} />
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Choose a guest to see which of its actions this identity may run, and why not.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
