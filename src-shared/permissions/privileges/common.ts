// Path templates and privilege checks that more than one feature's action-table entries share.
//
// API:
//   GUEST                 '/nodes/{node}/{type}/{vmid}' ('{type}' is expanded per guest type)
//   allocateOrRestore     POST /nodes/{node}/{type} (create and restore): VM.Allocate, or VM.Backup over an existing guest
import { handler } from '../action-builders.js';
import type { Need } from '../requirement.js';

export const GUEST = '/nodes/{node}/{type}/{vmid}';

/** POST /nodes/{node}/{type} (create and restore): VM.Allocate on the id or its pool, or VM.Backup to restore over an existing guest */
export const allocateOrRestore: Need = {
  kind: 'or',
  of: [
    [handler('/vms/{vmid}', ['VM.Allocate'])],
    [handler('/pool/{pool}', ['VM.Allocate'], 'pool')],
    [handler('/vms/{vmid}', ['VM.Backup'], 'exists')],
  ],
};
