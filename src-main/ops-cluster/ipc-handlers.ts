// Main-side handlers for firewall.*, sdn.*, ceph.* and replication.*: reads, and plans built into the shared plan store.
import type { z } from 'zod';
import type { cephRequests } from '../../src-shared/ipc/channels/ceph.js';
import type { firewallRequests } from '../../src-shared/ipc/channels/firewall.js';
import type { replicationRequests } from '../../src-shared/ipc/channels/replication.js';
import type { sdnRequests } from '../../src-shared/ipc/channels/sdn.js';
import type { Profile } from '../../src-shared/model/profile.js';
import type { Plan } from '../../src-shared/plans/plan.js';
import type { PveCaller } from '../pve/api/caller.js';
import type { PlanStore } from '../plans/plan-store.js';
import type { BuiltAction } from '../plans/plan-types.js';
import { assemblePlan } from '../ops-read/plan-assembly.js';
import { cephView } from './ceph-view.js';
import { buildFirewall, firewallView } from './firewall-ops.js';
import { buildReplication, replicationView } from './replication-ops.js';
import { buildSdn, sdnView } from './sdn-ops.js';

type Defs = typeof firewallRequests & typeof sdnRequests & typeof cephRequests & typeof replicationRequests;
export type ClusterOpsHandlers = {
  [N in keyof Defs]: (args: z.output<Defs[N]['args']>) => Promise<z.input<Defs[N]['result']>>;
};

export interface ClusterOpsDeps {
  profiles: { get(id: string): Profile };
  clientFor(profileId: string): PveCaller;
  store: PlanStore;
  /** replication "run now" polls the job state at this interval (1 s like the GUI) */
  pollMs?: number;
}

export function createClusterOpsHandlers(deps: ClusterOpsDeps): ClusterOpsHandlers {
  const pollMs = deps.pollMs ?? 1_000;
  const plan = (profileId: string, build: (c: PveCaller) => Promise<BuiltAction>): Promise<Plan> => {
    const caller = deps.clientFor(profileId);
    return assemblePlan({ caller, profile: deps.profiles.get(profileId), store: deps.store }, () =>
      build(caller),
    );
  };
  return {
    'firewall.view': ({ profileId, scope }) => firewallView(deps.clientFor(profileId), scope),
    'firewall.build': ({ profileId, action }) => plan(profileId, (c) => buildFirewall(action, c)),
    'sdn.view': ({ profileId }) => sdnView(deps.clientFor(profileId)),
    'sdn.build': ({ profileId, action }) => plan(profileId, (c) => buildSdn(action, c)),
    'ceph.view': ({ profileId }) => cephView(deps.clientFor(profileId)),
    'replication.view': ({ profileId }) => replicationView(deps.clientFor(profileId)),
    'replication.build': ({ profileId, action }) =>
      plan(profileId, (c) => buildReplication(action, c, pollMs)),
  };
}
