// Main-side handlers for console.*: open/close through the console service, and the permission verdict that
// enables or disables the Console button (VM.Console on /vms/ID; Sys.Console on /nodes/NODE for a shell).
import type { z } from 'zod';
import { consoleRequests } from '../../../src-shared/ipc/channels/console.js';
import {
  evaluateAction,
  privilegesAt,
  type PermissionsAnswer,
} from '../../../src-shared/permissions/evaluate.js';
import type { CallContext } from '../../ipc/dispatch.js';
import { getPermissions } from '../../pve/api/access.js';
import type { PveCaller } from '../../pve/api/caller.js';
import {
  createConsoleService,
  toConsoleTarget,
  type ConsoleService,
  type ConsoleServiceDeps,
} from './console-service.js';

type Defs = typeof consoleRequests;
export type ConsoleHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

/** GET /access/permissions answers booleans after conversion; the evaluator reads PVE's 0/1 flags. */
async function permissionsAnswer(client: PveCaller): Promise<PermissionsAnswer> {
  const perms = await getPermissions(client);
  return Object.fromEntries(
    Object.entries(perms).map(([path, privs]) => [
      path,
      Object.fromEntries(Object.entries(privs).map(([priv, flag]) => [priv, flag ? 1 : 0] as const)),
    ]),
  );
}

export async function consoleAccess(
  client: PveCaller,
  args: z.output<Defs['console.access']['args']>,
): Promise<{ allowed: boolean; reason?: string }> {
  const answer = await permissionsAnswer(client);
  const target = toConsoleTarget(args);
  if (target.kind === 'node') {
    const path = `/nodes/${target.node}`;
    return privilegesAt(answer, path).has('Sys.Console')
      ? { allowed: true }
      : { allowed: false, reason: `needs Sys.Console on ${path}` };
  }
  const verdict = evaluateAction(
    'guest.console',
    answer,
    { node: target.node, vmid: target.vmid, type: target.kind },
    { guestType: target.kind },
  );
  return verdict.allowed
    ? { allowed: true }
    : { allowed: false, reason: verdict.reason ?? 'needs VM.Console' };
}

export function createConsole(deps: ConsoleServiceDeps): {
  service: ConsoleService;
  handlers: ConsoleHandlers;
} {
  const service = createConsoleService(deps);
  return {
    service,
    handlers: {
      'console.open': (args) => service.open(args),
      'console.close': async ({ id }) => ({ closed: await service.close(id) }),
      'console.access': (args) => consoleAccess(deps.client(args.profileId), args),
    },
  };
}
