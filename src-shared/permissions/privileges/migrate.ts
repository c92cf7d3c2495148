// Action-table entry of migrate.
//
// API:
//   MIGRATE (as const)   guest.migrate
import { type ActionDef, call, onVm } from '../action-builders.js';
import { GUEST } from './common.js';

export const MIGRATE = [
  {
    id: 'guest.migrate',
    label: 'Migrate',
    calls: [call('POST', `${GUEST}/migrate`, [onVm(['VM.Migrate'])])],
  },
] as const satisfies readonly ActionDef[];
