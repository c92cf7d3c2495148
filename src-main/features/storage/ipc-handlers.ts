// Main-side handlers for storage.*: storages and their content, staged uploads, and content changes built as plans.
import type { Handlers } from '../../ipc/dispatch.js';
import type { EventBus } from '../../ipc/event-bus.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listAppliances, listStorageContent, type UploadTransport } from '../../pve/api/storage-content.js';
import { listNodeStorages } from '../../pve/api/storage.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { buildContentDelete, buildTemplateDownload, buildUpload } from './storage-service.js';
import { createUploadStaging } from './upload-staging.js';

type StorageName = Extract<keyof Handlers, `storage.${string}`>;

export interface StorageDeps extends PlanSource<PveCaller & UploadTransport> {
  events: Pick<EventBus, 'emit'>;
}

export function createStorage(deps: StorageDeps): {
  handlers: Pick<Handlers, StorageName>;
  dispose(): Promise<void>;
} {
  const staging = createUploadStaging();
  const handlers: Pick<Handlers, StorageName> = {
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
    'storage.plan': async ({ profileId, action }) =>
      assembleFor(deps, profileId, (c, planId) => {
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
      }),
  };
  return { handlers, dispose: () => staging.dispose() };
}
