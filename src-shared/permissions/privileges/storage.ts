// Action-table entries of the storage view: deleting content (a backup or any volume), uploads and template downloads.
//
// API:
//   STORAGE (as const)   volume.delete, storage.template
import { type ActionDef, call, handler, perm } from '../action-builders.js';

const templateAllocate = [perm('/storage/{storage}', ['Datastore.AllocateTemplate'])];

export const STORAGE = [
  {
    id: 'volume.delete',
    label: 'Delete backup or volume',
    destructive: true,
    calls: [
      call('DELETE', '/nodes/{node}/storage/{storage}/content/{volume}', [
        {
          kind: 'or',
          of: [
            [handler('/storage/{storage}', ['Datastore.Allocate'])],
            [
              handler('/storage/{storage}', ['Datastore.AllocateSpace']),
              // only for a volume a guest owns (a backup): ISOs and templates need Datastore.Allocate
              handler('/vms/{vmid}', ['VM.Backup'], 'vmid'),
            ],
          ],
        },
      ]),
    ],
  },
  {
    id: 'storage.template',
    label: 'Upload ISOs and download templates',
    calls: [
      call('POST', '/nodes/{node}/storage/{storage}/upload', templateAllocate),
      call('POST', '/nodes/{node}/aplinfo', templateAllocate),
    ],
  },
] as const satisfies readonly ActionDef[];
