// An archive's verification as the backup list shows it: Proxdeck's own restore check (kept across restarts), else PBS's.
import { Badge } from '@mantine/core';
import type { BackupEntry } from '../../../src-shared/ipc/channels/backups.js';
import { formatTime } from '../../ui/time/format-time.js';

export function VerifiedCell({ backup: b }: { backup: BackupEntry }) {
  if (b.verified) {
    const t = formatTime(b.verified.time);
    const pass = b.verified.state === 'pass';
    return (
      <span
        data-testid="backup-verified"
        data-state={b.verified.state}
        title={`restore verification, ${t.exact}`}
      >
        <Badge color={pass ? 'green' : 'red'} variant="filled" autoContrast size="sm">
          {pass ? 'verified ✓' : 'failed ✗'}
        </Badge>{' '}
        <time dateTime={t.iso}>{t.text}</time>
      </span>
    );
  }
  return (
    <span
      data-testid="backup-verified"
      title={b.verification ? 'verification state reported by PBS' : undefined}
    >
      {b.verification ? `PBS: ${b.verification}` : '–'}
    </span>
  );
}
