// Composition root: builds the core services (plans, events, secrets) and lists the features, whose handlers make up
// the full handler table for the IPC contract. Each feature adds one spread line and, if it holds resources, a disposer.
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import { createDispatcher, type Dispatcher, type Handlers, type MutationGuard } from './ipc/dispatch.js';
import { createConnectHandlers } from './features/connect/ipc-handlers.js';
import { createConnectService } from './features/connect/connect-service.js';
import { createInventory } from './features/inventory/ipc-handlers.js';
import { createConsole } from './features/console/ipc-handlers.js';
import { openProfileStore, type ProfileStore } from './features/profiles/profile-store.js';
import { APP_ORIGIN } from './security-policy.js';
import { createWritableFlow } from './features/profiles/writable-plans.js';
import { createProbeRecord } from './features/connect/probe-record.js';
import { createAuditLog } from './plans/audit-log.js';
import { createChangeRecorder } from './plans/audit-changes.js';
import { createKeychain, type SecretStore } from './secrets/keychain.js';
import { redact } from './secrets/redact.js';
import { createMemorySecretStore } from './secrets/memory-store.js';
import { seedDemoProfiles, type DemoSetup } from './demo/demo-env.js';
import { createEventBus, type EventBus } from './ipc/event-bus.js';
import { createPlanServices } from './plans/ipc-handlers.js';
import { buildAction } from './features/plan-actions.js';
import { createOperationsHandlers } from './features/operation-handlers.js';
import { createPermissions } from './features/permissions/ipc-handlers.js';
import { createWizard } from './features/wizard/ipc-handlers.js';
import { createAuditHandlers } from './features/audit/ipc-handlers.js';
import { createGuestConfigHandlers } from './features/guest-config/ipc-handlers.js';
import { createSnapshotsHandlers } from './features/snapshots/ipc-handlers.js';
import { createSnapshotPolicy } from './features/snapshot-policy/ipc-handlers.js';
import { createBackupsHandlers } from './features/backups/ipc-handlers.js';
import { createVerifyResults } from './features/backups/verify-results.js';
import { createHaHandlers } from './features/ha/ipc-handlers.js';
import { createMigrateHandlers } from './features/migrate/ipc-handlers.js';
import { createProvisionHandlers } from './features/provision/ipc-handlers.js';
import { createAgentHandlers } from './features/agent/ipc-handlers.js';
import { createStorage } from './features/storage/ipc-handlers.js';
import { createTasks } from './features/tasks/ipc-handlers.js';
import { createFirewallHandlers } from './features/firewall/ipc-handlers.js';
import { createSdnHandlers } from './features/sdn/ipc-handlers.js';
import { createCephHandlers } from './features/ceph/ipc-handlers.js';
import { createReplicationHandlers } from './features/replication/ipc-handlers.js';
import { createMaintenanceHandlers } from './features/maintenance/ipc-handlers.js';
import { createUpdatesHandlers } from './features/updates/ipc-handlers.js';
import { createAlerts } from './features/alerts/ipc-handlers.js';
import { createCoverageHandlers } from './features/coverage/ipc-handlers.js';

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
  /** poll interval of maintenance waits (task ends, a rebooting node); 1 s by default, shorter in tests */
  maintenancePollMs?: number;
  /** how often alerts read /cluster/tasks while notifications are on; 10 s by default, shorter in tests */
  alertsTaskPollMs?: number;
}

export interface AppServices {
  handlers: Handlers;
  /** validates every request against the contract, guards mutations, then runs the handler */
  dispatcher: Dispatcher;
  events: EventBus;
  /** the web host's own origin, admitted by console relays besides app://proxdeck */
  allowConsoleOrigin(origin: string): void;
  /** a window's/page's connection closed: per-window state (its visibility vote) goes */
  connectionClosed(connection: string): void;
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
  const probes = createProbeRecord();
  const audit = createAuditLog(opts.configDir);
  const recordChange = createChangeRecorder(audit);
  const profiles = await openProfileStore({
    configDir: opts.configDir,
    secrets,
    pinObserved: (host, port, fingerprint) => probes.saw(host, port, fingerprint),
  });
  if (opts.demo) await seedDemoProfiles(profiles, opts.demo);
  const connect = createConnectService({
    profiles,
    probes,
    recordChange,
    ...(opts.extraCa ? { extraCa: opts.extraCa } : {}),
    ...(opts.pveTimeoutMs ? { timeoutMs: opts.pveTimeoutMs } : {}),
    onConnectionsChanged: (connections) => events.emit('connections.changed', { connections }),
    onTaskProgress: (progress) => events.emit('tasks.progressed', progress),
  });
  disposers.push(() => connect.closeAll());
  const inventory = createInventory({
    events,
    clientFor: (id) => connect.client(id),
    identitySource: (id) => {
      const p = profiles.get(id);
      const primary = p.primary;
      return {
        host: p.host,
        port: p.port,
        color: p.color,
        primary,
        profileName: p.name,
        summary: connect.summary(id),
      };
    },
  });
  disposers.push(() => inventory.dispose());
  const consoleOrigins = new Set<string>([APP_ORIGIN]);
  const consoles = createConsole({
    client: (id) => connect.client(id),
    onClosed: (id, reason) => events.emit('console.closed', { id, reason }),
    isReadOnly: (id) => readOnlyOf(profiles, id),
    allowedOrigins: () => consoleOrigins,
    onOpened: (args, viewOnly) =>
      recordChange({
        kind: 'console',
        via: opts.host,
        profile: profiles.get(args.profileId),
        title: `Console opened: ${args.type === 'node' ? `node ${args.node} shell` : `${args.type} ${args.vmid ?? ''} on ${args.node}`}${viewOnly ? ' (view only)' : ''}`,
        changes: [],
      }),
  });
  disposers.push(() => consoles.service.closeAll());
  const clientFor = (id: string) => connect.client(id);
  const plans = createPlanServices({
    profiles,
    clientFor,
    events,
    configDir: opts.configDir,
    buildAction,
    audit,
    refreshInventory: (id) => inventory.refresh(id),
  });
  const writable = createWritableFlow({
    profiles,
    dropPlans: (id) => plans.store.dropUnstarted(id),
    recordChange,
  });
  const permissions = createPermissions({ clientFor, events });
  disposers.push(() => permissions.dispose());
  const wizard = createWizard({
    profiles,
    clientFor,
    planStore: plans.store,
    permissions: permissions.service,
    ...(opts.extraCa ? { extraCa: opts.extraCa } : {}),
  });
  const planSource = { profiles, clientFor, store: plans.store };
  const verifyResults = createVerifyResults(opts.configDir);
  const storage = createStorage({ ...planSource, events });
  disposers.push(() => storage.dispose());
  const tasks = createTasks({ clientFor, events });
  disposers.push(() => tasks.dispose());
  const alerts = await createAlerts({
    events,
    configDir: opts.configDir,
    clientFor,
    clusterName: (id) => nameOf(profiles, id),
    watchInventory: (id) => inventory.handlers['inventory.subscribe']({ clusterId: id }, { host: opts.host }),
    unwatchInventory: async (id) =>
      void (await inventory.handlers['inventory.unsubscribe']({ clusterId: id }, { host: opts.host })),
    ...(opts.alertsTaskPollMs ? { taskPollMs: opts.alertsTaskPollMs } : {}),
  });
  disposers.push(() => alerts.dispose());

  const snapshotPolicy = await createSnapshotPolicy({
    ...planSource,
    runPlan: (planId) => plans.handlers['plans.run']({ planId }, { host: opts.host }),
    configDir: opts.configDir,
  });
  disposers.push(() => snapshotPolicy.dispose());

  const handlers: Handlers = {
    ...createAppHandlers(opts.host),
    ...createConnectHandlers({ profiles, connect, writable, recordChange, env: opts.env ?? process.env }),
    ...inventory.handlers,
    ...consoles.handlers,
    ...plans.handlers,
    ...createAuditHandlers({ audit: plans.audit }),
    ...createGuestConfigHandlers({ clientFor }),
    ...createSnapshotsHandlers({ clientFor }),
    ...permissions.handlers,
    ...wizard.handlers,
    ...createOperationsHandlers({ ...planSource, events, verifyResults }),
    ...createBackupsHandlers({ clientFor, verifyResults }),
    ...createHaHandlers({ clientFor }),
    ...createMigrateHandlers(planSource),
    ...createProvisionHandlers({ clientFor }),
    ...createAgentHandlers(planSource),
    ...storage.handlers,
    ...tasks.handlers,
    ...createFirewallHandlers(planSource),
    ...createSdnHandlers(planSource),
    ...createCephHandlers({ clientFor }),
    ...createReplicationHandlers(planSource),
    ...(await createMaintenanceHandlers({
      ...planSource,
      configDir: opts.configDir,
      ...(opts.maintenancePollMs ? { pollMs: opts.maintenancePollMs } : {}),
    })),
    ...createUpdatesHandlers(planSource),
    ...alerts.handlers,
    ...snapshotPolicy.handlers,
    ...createCoverageHandlers({ ...planSource, verifyResults }),
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
    allowConsoleOrigin: (origin) => void consoleOrigins.add(origin),
    connectionClosed: (connection) => inventory.connectionClosed(connection),
    async dispose() {
      for (const dispose of disposers.reverse()) await dispose();
      events.clear();
    },
  };
}

function nameOf(profiles: ProfileStore, id: string): string {
  try {
    return profiles.get(id).name;
  } catch {
    return id;
  }
}

function readOnlyOf(profiles: ProfileStore, id: string): boolean | undefined {
  try {
    return profiles.get(id).readOnly;
  } catch {
    return undefined;
  }
}

/** Internal errors are logged by type and message only; payloads could carry user data. */
function describeError(err: unknown): string {
  return redact(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
}
