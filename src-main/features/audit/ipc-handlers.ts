// Main-side handlers for audit.*: the local audit log of every plan run (written by the plan engine).
import type { Handlers } from '../../ipc/dispatch.js';
import type { AuditLog } from '../../plans/audit-log.js';

export interface AuditDeps {
  audit: AuditLog;
  now?: () => Date;
}

export function createAuditHandlers(deps: AuditDeps): Pick<Handlers, 'audit.list' | 'audit.export'> {
  const now = deps.now ?? (() => new Date());
  return {
    'audit.list': async ({ limit }) => ({ entries: await deps.audit.list(limit) }),
    'audit.export': async () => ({
      filename: `proxdeck-audit-${now().toISOString().slice(0, 10)}.jsonl`,
      content: await deps.audit.exportText(),
    }),
  };
}
