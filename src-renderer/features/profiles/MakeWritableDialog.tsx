// Clearing a profile's read-only flag is its own confirmed step: main plans it, the user types the profile's name,
// main clears the flag once and records it in the audit log (profiles.save never carries that change).
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { WritablePlan } from '../../../src-shared/ipc/channels/profiles.js';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { getBridge } from '../../bridge.js';
import { ErrorPanel } from '../connect/ErrorPanel.js';

export function MakeWritableDialog(props: { profileId: string; onClose(done: boolean): void }) {
  const { profileId, onClose } = props;
  const [plan, setPlan] = useState<WritablePlan>();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<AppError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void getBridge()
      .invoke('profiles.planWritable', { profileId })
      .then((reply) => {
        if (!live) return;
        if (reply.ok) setPlan(reply.value);
        else setFailure(reply.error);
      });
    return () => {
      live = false;
    };
  }, [profileId]);

  async function confirm() {
    if (!plan) return;
    setBusy(true);
    const reply = await getBridge().invoke('profiles.makeWritable', {
      planId: plan.planId,
      confirmText: typed,
    });
    setBusy(false);
    if (!reply.ok) return setFailure(reply.error);
    onClose(true);
  }

  return (
    <Modal
      opened
      onClose={() => onClose(false)}
      title="Allow changes to this cluster?"
      data-testid="writable-dialog"
    >
      <Stack gap="sm">
        {plan && (
          <>
            <Alert color="yellow">{plan.summary}</Alert>
            <TextInput
              label={`Type "${plan.confirmWord}" to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              data-testid="writable-confirm-text"
            />
          </>
        )}
        {!plan && !failure && <Text size="sm">Preparing…</Text>}
        {failure && <ErrorPanel error={failure} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onClose(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            disabled={!plan || typed !== plan.confirmWord}
            onClick={() => void confirm()}
            data-testid="writable-confirm"
          >
            Allow changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
