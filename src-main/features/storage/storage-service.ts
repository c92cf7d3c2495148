// Storage reads for the view and the plan builders for its changes: upload a staged ISO/template (with byte progress),
// download a template from the appliance index, delete a volume (typed confirm).
import type { StorageAction } from '../../../src-shared/ipc/channels/storage.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { deleteVolume } from '../../pve/api/backups.js';
import { actionCall } from '../../../src-shared/plans/plan.js';
import type { PveCaller } from '../../pve/api/caller.js';
import {
  downloadAppliance,
  listAppliances,
  listStorageContent,
  uploadToStorage,
  type UploadTransport,
} from '../../pve/api/storage-content.js';
import { listNodeStorages } from '../../pve/api/storage.js';
import type { BuiltAction } from '../../plans/plan-types.js';
import { added, removed } from '../../plans/op-calls.js';
import type { UploadStaging } from './upload-staging.js';

type Of<K extends StorageAction['kind']> = Extract<StorageAction, { kind: K }>;

const fmtBytes = (n: number): string =>
  n >= 2 ** 30
    ? `${(n / 2 ** 30).toFixed(1)} GiB`
    : n >= 2 ** 20
      ? `${(n / 2 ** 20).toFixed(1)} MiB`
      : `${n} B`;

async function storageWith(c: PveCaller, node: string, storage: string, content: string): Promise<void> {
  const s = (await listNodeStorages(c, node)).find((x) => x.storage === storage);
  if (!s)
    throw new AppFailure(
      'not_found',
      `Storage ${storage} is not available on ${node} (or not visible to this identity)`,
    );
  if (!s.content.includes(content))
    throw new AppFailure(
      'conflict',
      `Storage ${storage} does not hold ${content} content (it holds ${s.content.join(', ') || 'nothing'})`,
    );
}

export interface UploadContext {
  transport: UploadTransport;
  staging: UploadStaging;
  onProgress(planId: string, sent: number, total: number): void;
}

export async function buildUpload(
  c: PveCaller,
  a: Of<'upload'>,
  planId: string,
  up: UploadContext,
): Promise<BuiltAction> {
  await storageWith(c, a.node, a.storage, a.content);
  const file = await up.staging.complete(a.stageId);
  const volid = `${a.storage}:${a.content}/${a.filename}`;
  const exists = (await listStorageContent(c, a.node, a.storage, a.content)).some((i) => i.volid === volid);
  const params = { content: a.content, filename: a.filename };
  return {
    input: {
      title: `Upload ${a.filename} to ${a.storage} on ${a.node}`,
      targets: [{ kind: 'storage', id: a.storage, node: a.node }],
      diff: exists
        ? [
            {
              kind: 'config',
              key: volid,
              change: 'changed',
              before: 'existing file',
              after: `${fmtBytes(file.size)} from this computer`,
            },
          ]
        : [added(volid, `${fmtBytes(file.size)} from this computer`)],
      warnings: exists ? [{ code: 'data-loss', message: `${volid} exists and is replaced` }] : [],
    },
    steps: [
      {
        call: actionCall(
          'storage.template',
          'POST',
          '/nodes/{node}/storage/{storage}/upload',
          { node: a.node, storage: a.storage },
          params,
        ),
        run: async () => {
          const upid = await uploadToStorage(up.transport, {
            node: a.node,
            storage: a.storage,
            content: a.content,
            filename: a.filename,
            path: file.path,
            onProgress: (sent, total) => up.onProgress(planId, sent, total),
          });
          await up.staging.remove(a.stageId);
          return upid;
        },
      },
    ],
    preconditions: [],
    targets: [],
  };
}

export async function buildTemplateDownload(c: PveCaller, a: Of<'template.download'>): Promise<BuiltAction> {
  await storageWith(c, a.node, a.storage, 'vztmpl');
  if (!(await listAppliances(c, a.node)).some((x) => x.template === a.template))
    throw new AppFailure('not_found', `${a.template} is not in the appliance index of ${a.node}`);
  const params = { storage: a.storage, template: a.template };
  return {
    input: {
      title: `Download template ${a.template} to ${a.storage} on ${a.node}`,
      targets: [{ kind: 'storage', id: a.storage, node: a.node }],
      diff: [added(`${a.storage}:vztmpl/${a.template}`, 'from the Proxmox appliance index')],
      warnings: [],
    },
    steps: [
      {
        call: actionCall(
          'storage.template',
          'POST',
          '/nodes/{node}/aplinfo',
          { node: a.node, storage: a.storage },
          params,
        ),
        run: (caller) => downloadAppliance(caller, a.node, a.storage, a.template),
      },
    ],
    preconditions: [],
    targets: [],
  };
}

export async function buildContentDelete(c: PveCaller, a: Of<'content.delete'>): Promise<BuiltAction> {
  const storage = a.volid.split(':')[0] ?? '';
  const item = (await listStorageContent(c, a.node, storage)).find((i) => i.volid === a.volid);
  if (!item) throw new AppFailure('not_found', `${a.volid} does not exist on ${a.node}`);
  if (item.protected)
    throw new AppFailure('conflict', `${a.volid} is protected: remove the protection first`);
  const word =
    a.volid
      .slice(a.volid.lastIndexOf('/') + 1)
      .split(':')
      .pop() ?? a.volid;
  return {
    input: {
      title: `Delete ${a.volid} from ${storage} on ${a.node}`,
      targets: [{ kind: 'storage', id: storage, node: a.node }],
      diff: [removed(a.volid, `${item.content}, ${fmtBytes(item.size)}`)],
      warnings: [
        { code: 'data-loss', message: `${a.volid} is deleted from the storage and cannot be recovered` },
      ],
      destructive: true,
      confirmWord: word,
    },
    steps: [
      {
        call: actionCall('volume.delete', 'DELETE', '/nodes/{node}/storage/{storage}/content/{volume}', {
          node: a.node,
          storage,
          volume: a.volid,
          vmid: item.vmid,
        }),
        run: (caller) => deleteVolume(caller, a.node, a.volid),
      },
    ],
    preconditions: [],
    targets: [],
  };
}
