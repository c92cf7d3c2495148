// Action-table entry of the embedded console.
//
// API:
//   CONSOLE (as const)   guest.console
import { type ActionDef, call, onVm } from '../action-builders.js';
import { GUEST } from './common.js';

export const CONSOLE = [
  {
    id: 'guest.console',
    label: 'Open console',
    calls: [
      call('POST', `${GUEST}/vncproxy`, [onVm(['VM.Console'])]),
      call('GET', `${GUEST}/vncwebsocket`, [onVm(['VM.Console'])]),
    ],
  },
] as const satisfies readonly ActionDef[];
