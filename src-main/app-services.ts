// Composition root: builds every main-side service and the full handler table for the IPC contract.
// Each area adds its handlers with one spread line (`...createXHandlers(deps)`) and its cleanup to `disposers`.
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import { createDispatcher, type Dispatcher, type Handlers, type MutationGuard } from './ipc/dispatch.js';
import { createConnectHandlers } from './connect/ipc-handlers.js';
import { createConnectService } from './connect/connect-service.js';
import { createInventory } from './inventory/ipc-handlers.js';
import { createConsole } from './console/ipc-handlers.js';
import { openProfileStore } from './profiles/profile-store.js';
import { createKeychain, type SecretStore } from './secrets/keychain.js';
import { redact } from './secrets/redact.js';
import { createMemorySecretStore } from './secrets/memory-store.js';
import { seedDemoProfiles, type DemoSetup } from './demo/demo-env.js';
import { createEventBus, type EventBus } from './ipc/event-bus.js';
import { createPlanServices } from './plans/ipc-handlers.js';
import { createPermissions } from './permissions/ipc-handlers.js';
import { createOperationsHandlers } from './operations/ipc-handlers.js';
import { createClusterOpsHandlers } from './ops-cluster/ipc-handlers.js';
import { createOpsRead } from './ops-read/ipc-handlers.js';

export interface AppServicesOptions {
  /** Where profiles, pins and the audit log live (Electron userData, or a temp dir in tests). */
  configDir: string;
  host: 'electron' | 'web';
  /** The OS keychain by default; the demo may pass an in-memory store for its throwaway token. */
  secrets?: SecretStore;
  /** Where profiles.importEnv reads PVE_HOST etc.; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Extra CA certificates (PEM) trusted in addition to the system store. */
  extraCa?: string[];
  /** `npm run demo`: seed ready profiles for the local simulator (its secrets stay in memory). */
  demo?: DemoSetup;
  /** per-attempt PVE deadline (default 15 s); the e2e fault suite shortens it to see timeouts quickly */
  pveTimeoutMs?: number;
}

export interface AppServices {
  handlers: Handlers;
  /** validates every request against the contract, guards mutations, then runs the handler */
  dispatcher: Dispatcher;
  events: EventBus;
  dispose(): Promise<void>;
}

const PackageInfo = z.object({ version: z.string() });

export const APP_NAME = 'Proxdeck';
export const APP_VERSION = PackageInfo.parse(packageJson).version;

function createAppHandlers(host: AppServicesOptions['host']): Pick<Handlers, 'app.version'> {
  return {
    'app.version': () => ({ name: APP_NAME, version: APP_VERSION, host }),
  };
}

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const events = createEventBus();
  const disposers: Array<() => Promise<void> | void> = [];

  const secrets = opts.secrets ?? (opts.demo ? createMemorySecretStore() : createKeychain());
  const profiles = await openProfileStore({ configDir: opts.configDir, secrets });
  if (opts.demo) await seedDemoProfiles(profiles, opts.demo);
  const connect = createConnectService({
    profiles,
    ...(opts.extraCa ? { extraCa: opts.extraCa } : {}),
    ...(opts.pveTimeoutMs ? { timeoutMs: opts.pveTimeoutMs } : {}),
    onConnectionsChanged: (connections) => events.emit('connections.changed', { connections }),
    onTaskProgress: (progress) => events.emit('tasks.progressed', progress),
  });
  disposers.push(() => connect.closeAll());
  const inventory = createInventory({ events, clientFor: (id) => connect.client(id) });
  disposers.push(() => inventory.dispose());
  const consoles = createConsole({
    client: (id) => connect.client(id),
    onClosed: (id, reason) => events.emit('console.closed', { id, reason }),
  });
  disposers.push(() => consoles.service.closeAll());
  const plans = createPlanServices({
    profiles,
    clientFor: (id) => connect.client(id),
    events,
    configDir: opts.configDir,
  });
  const permissions = createPermissions({
    profiles,
    clientFor: (id) => connect.client(id),
    planStore: plans.store,
    events,
    ...(opts.extraCa ? { extraCa: opts.extraCa } : {}),
  });
  disposers.push(() => permissions.dispose());
  const opsRead = createOpsRead({
    profiles,
    clientFor: (id) => connect.client(id),
    store: plans.store,
    events,
  });
  disposers.push(() => opsRead.dispose());

  const handlers: Handlers = {
    ...createAppHandlers(opts.host),
    ...createConnectHandlers({ profiles, connect, env: opts.env ?? process.env }),
    ...inventory.handlers,
    ...consoles.handlers,
    ...plans.handlers,
    ...permissions.handlers,
    ...createOperationsHandlers({ profiles, clientFor: (id) => connect.client(id), store: plans.store }),
    ...createClusterOpsHandlers({ profiles, clientFor: (id) => connect.client(id), store: plans.store }),
    ...opsRead.handlers,
  };
  const guards: MutationGuard[] = [plans.guard];
  const dispatcher = createDispatcher(handlers, {
    guard: (name, args) => guards.map((g) => g(name, args)).find((refusal) => refusal !== undefined),
    onInternalError: (err) => console.error('[proxdeck] internal error:', describeError(err)),
  });

  return {
    handlers,
    dispatcher,
    events,
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
      events.clear();
    },
  };
}

/** Internal errors are logged by type and message only; payloads could carry user data. */
function describeError(err: unknown): string {
  return redact(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
}
