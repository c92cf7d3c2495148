// Main-side handlers for permissions.* and wizard.*, and the wiring that re-reads permissions whenever a profile connects.
import type { z } from 'zod';
import { permissionsRequests } from '../../src-shared/ipc/channels/permissions.js';
import type { ConnectionState } from '../../src-shared/model/cluster-summary.js';
import type { CallContext } from '../ipc/dispatch.js';
import type { EventBus } from '../ipc/event-bus.js';
import type { PveCaller } from '../pve/api/caller.js';
import type { PlanStore } from '../plans/plan-store.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { buildMatrix } from './matrix.js';
import { createPermissionsService, type PermissionsService } from './permissions-service.js';
import { createWizardService, type WizardService } from './wizard-service.js';

type Defs = typeof permissionsRequests;
export type PermissionsHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

export interface PermissionsDeps {
  profiles: Pick<ProfileStore, 'get' | 'save'>;
  clientFor(profileId: string): PveCaller & { readonly identity: string };
  /** the plans engineer's store: wizard plans run through plans.run like every other plan */
  planStore: Pick<PlanStore, 'add' | 'get'>;
  events: Pick<EventBus, 'emit' | 'subscribe'>;
  extraCa?: string[];
}

export interface PermissionsArea {
  handlers: PermissionsHandlers;
  service: PermissionsService;
  wizard: WizardService;
  dispose(): void;
}

export function createPermissions(deps: PermissionsDeps): PermissionsArea {
  const service = createPermissionsService({
    clientFor: deps.clientFor,
    onChanged: (profileId) => deps.events.emit('permissions.changed', { profileId }),
  });
  const wizard = createWizardService({
    profiles: deps.profiles,
    permissions: service,
    plans: deps.planStore,
    clientFor: deps.clientFor,
    ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
  });

  // Every (re)connect may be a different identity or different ACLs: read afresh; a closed profile is forgotten.
  let connected = new Set<string>();
  const onConnections = (states: ConnectionState[]): void => {
    const now = new Set(states.filter((s) => s.state === 'connected').map((s) => s.profileId));
    for (const id of connected) if (!now.has(id)) service.drop(id);
    for (const id of now) if (!connected.has(id)) void service.refresh(id).catch(() => undefined);
    connected = now;
  };
  const unsubscribe = deps.events.subscribe((m) => {
    if (m.event === 'connections.changed')
      onConnections((m.payload as { connections: ConnectionState[] }).connections);
  });

  const handlers: PermissionsHandlers = {
    'permissions.get': ({ profileId, refresh }) =>
      refresh ? service.refresh(profileId) : service.get(profileId),
    'permissions.matrix': async ({ profileId }) =>
      buildMatrix(deps.clientFor(profileId), await service.get(profileId)),
    'wizard.generate': ({ profileId, major, ...input }) =>
      wizard.generate({ ...input, ...(profileId ? { profileId } : {}), ...(major ? { major } : {}) }),
    'wizard.plan': (input) => wizard.plan(input),
    'wizard.verify': ({ source, preset, scope }) => wizard.verify(source, preset, scope),
    'wizard.saveProfile': ({ planId, name }) => wizard.saveProfile(planId, name),
  };
  return { handlers, service, wizard, dispose: unsubscribe };
}
