// Main-side handlers for agent.*, storage.*, tasks.list/follow/unfollow and nodeLogs.*: reads answer directly,
// changes are built as plans into the shared plan store (run with plans.run).
import type { z } from 'zod';
import { agentRequests, type AgentOutput } from '../../src-shared/ipc/channels/agent.js';
import { nodeLogsRequests } from '../../src-shared/ipc/channels/node-logs.js';
import { storageRequests } from '../../src-shared/ipc/channels/storage.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { Profile } from '../../src-shared/model/profile.js';
import type { CallContext } from '../ipc/dispatch.js';
import type { EventBus } from '../ipc/event-bus.js';
import type { PveCaller } from '../pve/api/caller.js';
import { getJournal, getSyslog, listServices } from '../pve/api/node-logs.js';
import { listAppliances, listStorageContent, type UploadTransport } from '../pve/api/storage-content.js';
import { listNodeStorages } from '../pve/api/storage.js';
import type { PlanStore } from '../plans/plan-store.js';
import { agentInfo, buildAgentPlan } from './agent-service.js';
import { assemblePlan } from './plan-assembly.js';
import { buildContentDelete, buildTemplateDownload, buildUpload } from './storage-service.js';
import { createTaskFollower, listTasks } from './task-service.js';
import { createUploadStaging } from './upload-staging.js';

type Defs = typeof agentRequests & typeof storageRequests & typeof nodeLogsRequests;
export type OpsReadHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

export interface OpsReadDeps {
  profiles: { get(id: string): Profile };
  /** the connected profile's client: a caller that can also stream an upload */
  clientFor(profileId: string): PveCaller & UploadTransport;
  store: PlanStore;
  events: Pick<EventBus, 'emit'>;
  taskIntervalMs?: number;
}

const MAX_OUTPUTS = 200;

export function createOpsRead(deps: OpsReadDeps): { handlers: OpsReadHandlers; dispose(): Promise<void> } {
  const outputs = new Map<string, AgentOutput>();
  const staging = createUploadStaging();
  const follower = createTaskFollower((p) => deps.events.emit('tasks.progressed', p), deps.taskIntervalMs);
  const assemble = (profileId: string, make: Parameters<typeof assemblePlan>[1]) =>
    assemblePlan(
      { caller: deps.clientFor(profileId), profile: deps.profiles.get(profileId), store: deps.store },
      make,
    );

  const handlers: OpsReadHandlers = {
    'agent.info': async ({ profileId, guest }) => agentInfo(deps.clientFor(profileId), guest),
    'agent.plan': async ({ profileId, guest, run }) => {
      const plan = await assemble(profileId, (id) =>
        buildAgentPlan(deps.clientFor(profileId), guest, run, id, outputs),
      );
      for (const id of outputs.keys()) if (outputs.size > MAX_OUTPUTS) outputs.delete(id);
      return plan;
    },
    'agent.output': async ({ planId }) => {
      const out = outputs.get(planId);
      if (!out) throw new AppFailure('not_found', 'No audit output for this plan');
      return out;
    },
    'storage.list': async ({ profileId, node }) => ({
      storages: await listNodeStorages(deps.clientFor(profileId), node),
    }),
    'storage.content': async ({ profileId, node, storage, content }) => ({
      items: (await listStorageContent(deps.clientFor(profileId), node, storage, content)).sort(
        (a, b) => a.content.localeCompare(b.content) || a.volid.localeCompare(b.volid),
      ),
    }),
    'storage.appliances': async ({ profileId, node }) => ({
      appliances: await listAppliances(deps.clientFor(profileId), node),
    }),
    'storage.stage': async ({ filename, size }) => ({ stageId: await staging.create(filename, size) }),
    'storage.stageChunk': async ({ stageId, offset, data }) => ({
      received: await staging.append(stageId, offset, Buffer.from(data, 'base64')),
    }),
    'storage.plan': async ({ profileId, action }) => {
      const c = deps.clientFor(profileId);
      return assemble(profileId, (planId) => {
        if (action.kind === 'upload') {
          return buildUpload(c, action, planId, {
            transport: c,
            staging,
            onProgress: (id, sent, total) =>
              deps.events.emit('storage.uploadProgressed', { planId: id, sent, total }),
          });
        }
        return action.kind === 'template.download'
          ? buildTemplateDownload(c, action)
          : buildContentDelete(c, action);
      });
    },
    'tasks.list': async ({ profileId, node, filter }) => listTasks(deps.clientFor(profileId), node, filter),
    'tasks.follow': async ({ profileId, upid }) => ({
      following: follower.follow(profileId, deps.clientFor(profileId), upid),
    }),
    'tasks.unfollow': async ({ profileId, upid }) => {
      follower.unfollow(profileId, upid);
      return { following: false };
    },
    'nodeLogs.syslog': async ({ profileId, node, start, limit, service }) =>
      getSyslog(deps.clientFor(profileId), node, {
        ...(start !== undefined ? { start } : {}),
        limit: limit ?? 500,
        ...(service ? { service } : {}),
      }),
    'nodeLogs.journal': async ({ profileId, node, lastentries }) => ({
      lines: (await getJournal(deps.clientFor(profileId), node, lastentries)).lines,
    }),
    'nodeLogs.services': async ({ profileId, node }) => ({
      services: await listServices(deps.clientFor(profileId), node),
    }),
  };
  return {
    handlers,
    async dispose() {
      follower.dispose();
      await staging.dispose();
    },
  };
}
