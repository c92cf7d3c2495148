// Main-side handlers for maintenance.*: evacuation preview and plan, and the rolling reboot (kept in the config dir).
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { listNodes } from '../../pve/api/nodes.js';
import { buildEvacuate, evacuationPreview } from './build-evacuate.js';
import { buildRollingNode, nextNode } from './rolling-plan.js';
import { openRollingStore } from './rolling-store.js';

export interface MaintenanceDeps extends PlanSource {
  configDir: string;
  pollMs?: number;
  bootDeadlineMs?: number;
}

type MaintenanceHandlers = Pick<
  Handlers,
  | 'maintenance.nodes'
  | 'maintenance.evacuatePreview'
  | 'maintenance.evacuatePlan'
  | 'maintenance.rollingGet'
  | 'maintenance.rollingStart'
  | 'maintenance.rollingNext'
  | 'maintenance.rollingCancel'
>;

export async function createMaintenanceHandlers(deps: MaintenanceDeps): Promise<MaintenanceHandlers> {
  const store = await openRollingStore(deps.configDir);
  const rolling = { store, pollMs: deps.pollMs ?? 1_000, bootDeadlineMs: deps.bootDeadlineMs ?? 15 * 60_000 };
  const current = (profileId: string) => {
    const s = store.get(profileId);
    if (!s) throw new AppFailure('not_found', 'No rolling reboot is in progress for this cluster');
    return s;
  };
  return {
    'maintenance.nodes': async ({ profileId }) =>
      (await listNodes(deps.clientFor(profileId)))
        .map((n) => ({ node: n.node, online: n.status === 'online' }))
        .sort((a, b) => a.node.localeCompare(b.node)),
    'maintenance.evacuatePreview': async ({ profileId, options }) =>
      (await evacuationPreview(deps.clientFor(profileId), options)).view,
    'maintenance.evacuatePlan': ({ profileId, options }) =>
      assembleFor(deps, profileId, (c) => buildEvacuate(c, options)),
    'maintenance.rollingGet': ({ profileId }) => {
      const s = store.get(profileId);
      if (s && !s.finished && !nextNode(s)) s.finished = true;
      return Promise.resolve({ state: s ?? null });
    },
    'maintenance.rollingStart': async ({ profileId, nodes, moveBack, concurrency }) => {
      const old = store.get(profileId);
      if (old && !old.finished && nextNode(old))
        throw new AppFailure('conflict', 'A rolling reboot of this cluster is still in progress');
      const s = {
        profileId,
        startedAt: new Date().toISOString(),
        moveBack,
        concurrency,
        nodes: nodes.map((node) => ({ node, phase: 'pending' as const, moved: [], log: [] })),
        finished: false,
      };
      await store.put(s);
      return s;
    },
    'maintenance.rollingNext': ({ profileId }) =>
      assembleFor(deps, profileId, (c) => buildRollingNode(c, current(profileId), rolling)),
    'maintenance.rollingCancel': async ({ profileId }) => {
      await store.remove(profileId);
      return null;
    },
  };
}
