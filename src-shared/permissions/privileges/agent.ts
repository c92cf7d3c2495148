// Action-table entries of the guest agent: its facts (IPs, OS), and audit runs (commands, file reads).
//
// API:
//   AGENT (as const)   guest.agent.info, guest.agent.exec, guest.agent.file
import { type ActionDef, call, onVm } from '../action-builders.js';

const AGENT_READ = ['VM.GuestAgent.Audit', 'VM.GuestAgent.Unrestricted'];
const agentExec = [onVm(['VM.GuestAgent.Unrestricted'])];

export const AGENT = [
  {
    id: 'guest.agent.info',
    label: 'See guest IPs and OS (agent)',
    calls: [
      ...['get-osinfo', 'get-host-name', 'network-get-interfaces', 'get-fsinfo'].map((what) =>
        call('GET', `/nodes/{node}/qemu/{vmid}/agent/${what}`, [onVm(AGENT_READ, { any: true })], ['qemu']),
      ),
      // restore verification waits for the agent to answer a ping: the same read privilege
      call('POST', '/nodes/{node}/qemu/{vmid}/agent/ping', [onVm(AGENT_READ, { any: true })], ['qemu']),
    ],
  },
  {
    id: 'guest.agent.exec',
    label: 'Run commands in the guest (agent)',
    destructive: true,
    calls: [
      call('POST', '/nodes/{node}/qemu/{vmid}/agent/exec', agentExec, ['qemu']),
      call('GET', '/nodes/{node}/qemu/{vmid}/agent/exec-status', agentExec, ['qemu']),
    ],
  },
  {
    id: 'guest.agent.file',
    label: 'Read files in the guest (agent)',
    calls: [
      call(
        'GET',
        '/nodes/{node}/qemu/{vmid}/agent/file-read',
        [onVm(['VM.GuestAgent.FileRead', 'VM.GuestAgent.Unrestricted'], { any: true })],
        ['qemu'],
      ),
    ],
  },
] as const satisfies readonly ActionDef[];
