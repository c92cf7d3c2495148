// Asks for the current TOTP code when PVE wants a second factor, then repeats the test or connect with it.
import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useConnectStore, type ConnectAction } from './connect-store.js';

export function TotpPrompt({ profileId, action }: { profileId: string; action: ConnectAction }) {
  const run = useConnectStore((s) => s.run);
  const [code, setCode] = useState('');
  const valid = /^\d{6,8}$/.test(code);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (valid) void run(profileId, action, code);
  }

  return (
    <form data-testid="totp-prompt" onSubmit={submit}>
      <Group align="flex-end" gap="sm" mt="xs">
        <TextInput
          label="Code from your authenticator app"
          data-testid="totp-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
        />
        <Button type="submit" data-testid="totp-submit" disabled={!valid}>
          Verify
        </Button>
      </Group>
    </form>
  );
}
