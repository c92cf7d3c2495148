// Status line: how many inventory entries the last poll skipped because PVE sent them in a shape we cannot read.
import { useInventoryStore } from './inventory-store.js';

export function SkippedNotice() {
  const skipped = useInventoryStore((s) =>
    Object.values(s.clusters).reduce((sum, c) => sum + (c.skipped ?? 0), 0),
  );
  if (skipped === 0) return null;
  return (
    <p className="muted" role="status" data-testid="skipped-entries" title="See the log for details">
      {skipped} {skipped === 1 ? 'entry' : 'entries'} skipped
    </p>
  );
}
