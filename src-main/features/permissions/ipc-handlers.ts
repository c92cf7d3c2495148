// Main-side handlers for permissions.*, and the wiring that re-reads permissions whenever a profile connects.
import type { ConnectionState } from '../../../src-shared/model/cluster-summary.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { EventBus } from '../../ipc/event-bus.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { buildMatrix } from './matrix.js';
import { createPermissionsService, type PermissionsService } from './permissions-service.js';

export type PermissionsHandlers = Pick<Handlers, 'permissions.get' | 'permissions.matrix'>;

export interface PermissionsDeps {
  clientFor(profileId: string): PveCaller & { readonly identity: string };
  events: Pick<EventBus, 'emit' | 'subscribe'>;
}

export interface PermissionsArea {
  handlers: PermissionsHandlers;
  service: PermissionsService;
  dispose(): void;
}

export function createPermissions(deps: PermissionsDeps): PermissionsArea {
  const service = createPermissionsService({
    clientFor: deps.clientFor,
    onChanged: (profileId) => deps.events.emit('permissions.changed', { profileId }),
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
  };
  return { handlers, service, dispose: unsubscribe };
}
