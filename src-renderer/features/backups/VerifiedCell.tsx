// An archive's verification as the backup list shows it: Proxdeck's own restore check (kept across restarts), else PBS's.
import type { BackupEntry } from '../../../src-shared/ipc/channels/backups.js';

export function VerifiedCell({ backup: b }: { backup: BackupEntry }) {
  if (b.verified) {
    const date = new Date(b.verified.time).toLocaleString();
    const pass = b.verified.state === 'pass';
    return (
      <span
        data-testid="backup-verified"
        data-state={b.verified.state}
        title={`restore verification, ${date}`}
      >
        {pass ? `verified ✓ ${date}` : `failed ✗ ${date}`}
      </span>
    );
  }
  return <span data-testid="backup-verified">{b.verification ?? '–'}</span>;
}
