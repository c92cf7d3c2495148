// Action-table entries of the inventory: node status and pools.
//
// API:
//   INVENTORY (as const)   node.view, pool.view
import { type ActionDef, call, perm } from '../action-builders.js';

export const INVENTORY = [
  {
    id: 'node.view',
    label: 'See node status',
    calls: [call('GET', '/nodes/{node}/status', [perm('/nodes/{node}', ['Sys.Audit'])])],
  },
  {
    id: 'pool.view',
    label: 'See pool',
    calls: [call('GET', '/pools/{poolid}', [perm('/pool/{poolid}', ['Pool.Audit'])])],
  },
] as const satisfies readonly ActionDef[];
