// "Stop policy" for one saved policy: a confirm that says what stays (its snapshots) and what stops (new ones).
// Stopping changes nothing on the cluster, so it is not a plan; it only removes the policy from this app.
import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import type { SnapshotPolicy } from '../../../src-shared/ipc/channels/snapshot-policy.js';
import { request } from '../../request.js';
import { notify } from '../../ui/notifications/notify.js';

export function StopPolicyButton({
  policy,
  what,
  disabled,
  onStopped,
}: {
  policy: SnapshotPolicy;
  /** the policy in words ("Keep the last 3 daily snapshots of this guest") */
  what: string;
  disabled: boolean;
  onStopped(): void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  async function stop(): Promise<void> {
    setBusy(true);
    const r = await request(
      'snapshotPolicy.remove',
      { profileId: policy.profileId, policyId: policy.id },
      'The snapshot policy could not be stopped',
    );
    setBusy(false);
    setOpen(false);
    if (r) {
      notify.success('Snapshot policy stopped', what);
      onStopped();
    }
  }
  return (
    <>
      <Button
        size="xs"
        variant="default"
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="policy-stop"
      >
        Stop policy…
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Stop this snapshot policy?" centered>
        <Text size="sm">{what}.</Text>
        <Text size="sm" mt="xs">
          Proxdeck stops taking and pruning these snapshots. The snapshots it already took stay on the guest;
          delete them in the list above if you no longer want them.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            Keep it
          </Button>
          <Button color="red" loading={busy} onClick={() => void stop()} data-testid="policy-stop-confirm">
            Stop policy
          </Button>
        </Group>
      </Modal>
    </>
  );
}
