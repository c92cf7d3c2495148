// Asks for the current TOTP code when PVE wants a second factor, then repeats the test or connect with it.
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
    <form className="totp-prompt" data-testid="totp-prompt" onSubmit={submit}>
      <label>
        Code from your authenticator app
        <input
          data-testid="totp-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <button type="submit" className="primary" data-testid="totp-submit" disabled={!valid}>
        Verify
      </button>
    </form>
  );
}
