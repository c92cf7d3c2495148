// Main-side handlers for replication.*: jobs and their state, and job changes built as plans into the shared store.
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { buildReplication, replicationView } from './replication-ops.js';

export interface ReplicationDeps extends PlanSource {
  /** replication "run now" polls the job state at this interval (1 s like the GUI) */
  pollMs?: number;
}

export function createReplicationHandlers(
  deps: ReplicationDeps,
): Pick<Handlers, 'replication.view' | 'replication.build'> {
  const pollMs = deps.pollMs ?? 1_000;
  return {
    'replication.view': ({ profileId }) => replicationView(deps.clientFor(profileId)),
    'replication.build': ({ profileId, action }) =>
      assembleFor(deps, profileId, (c) => buildReplication(action, c, pollMs)),
  };
}
