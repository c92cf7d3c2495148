// Which actions a guest's PVE lock blocks, and the reason shown next to the disabled buttons ("locked: backup").
import type { PowerAction } from '../../../src-shared/ipc/channels/plans.js';

/**
 * PVE's check_lock refuses config changes, snapshots, migrations, backups and power actions while a lock is held
 * (root's skiplock aside). A guest locked "suspended" (hibernated) may still be started: that resumes it.
 */
export function lockReason(lock: string | null, action: PowerAction | 'config'): string | undefined {
  if (!lock) return undefined;
  if (lock === 'suspended' && (action === 'start' || action === 'resume')) return undefined;
  return `locked: ${lock}`;
}
