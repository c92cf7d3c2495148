// Channels of the guest-agent panel: agent state and facts, audit runs (presets or a typed command) built as plans,
// their captured output; plus the audit presets. (Their privileges: guest.agent.{info,exec,file} in the action table.)
import { z } from 'zod';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const AGENT_PRESETS = [
  {
    id: 'os-release',
    label: 'OS release',
    how: 'file',
    file: '/etc/os-release',
    shown: 'cat /etc/os-release',
  },
  {
    id: 'failed-units',
    label: 'Failed systemd units',
    how: 'exec',
    argv: ['systemctl', 'list-units', '--failed'],
    shown: 'systemctl list-units --failed',
  },
  { id: 'disk-usage', label: 'Disk usage', how: 'exec', argv: ['df', '-h'], shown: 'df -h' },
  { id: 'docker-ps', label: 'Docker containers', how: 'exec', argv: ['docker', 'ps'], shown: 'docker ps' },
] as const;
export const AgentPresetId = z.enum(['os-release', 'failed-units', 'disk-usage', 'docker-ps']);
export type AgentPresetId = z.infer<typeof AgentPresetId>;

export const AgentRun = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('presets'), presets: z.array(AgentPresetId).min(1).max(4) }).strict(),
  /** an arbitrary program + arguments; needs VM.GuestAgent.Unrestricted and the VM's name typed to confirm */
  z
    .object({ kind: z.literal('command'), argv: z.array(z.string().min(1).max(4096)).min(1).max(64) })
    .strict(),
]);
export type AgentRun = z.infer<typeof AgentRun>;

export const AgentState = z.enum(['ok', 'no-agent', 'not-running', 'not-responding', 'denied']);
export const AgentInfo = z.object({
  state: AgentState,
  /** why the facts are missing (no agent configured, VM stopped, agent not answering, no privilege) */
  message: z.string().optional(),
  os: z
    .object({
      prettyName: z.string(),
      id: z.string(),
      versionId: z.string(),
      kernel: z.string(),
      machine: z.string(),
    })
    .optional(),
  hostname: z.string().optional(),
  interfaces: z.array(z.object({ name: z.string(), mac: z.string(), addresses: z.array(z.string()) })),
  filesystems: z.array(
    z.object({
      name: z.string(),
      mountpoint: z.string(),
      type: z.string(),
      total: z.number().optional(),
      used: z.number().optional(),
    }),
  ),
});
export type AgentInfo = z.infer<typeof AgentInfo>;

export const AgentOutputEntry = z.object({
  label: z.string(),
  /** the command as a shell line (file reads shown as cat) */
  command: z.string(),
  state: z.enum(['done', 'failed', 'timeout']),
  exitcode: z.number().optional(),
  stdout: z.string(),
  stderr: z.string(),
  truncated: z.boolean(),
});
export type AgentOutputEntry = z.infer<typeof AgentOutputEntry>;

export const AgentOutput = z.object({
  planId: z.string(),
  guest: GuestRef,
  finishedAt: z.number().optional(),
  entries: z.array(AgentOutputEntry),
});
export type AgentOutput = z.infer<typeof AgentOutput>;

const GuestArgs = { profileId: ProfileId, guest: GuestRef };

export const agentRequests = {
  /** agent state, OS, host name, addresses and file systems; answers a clear state instead of waiting on a missing agent */
  'agent.info': request(z.object(GuestArgs).strict(), AgentInfo),
  /** builds the audit run as a plan (run it with plans.run); refuses at once when the VM has no running agent */
  'agent.plan': request(z.object({ ...GuestArgs, run: AgentRun }).strict(), Plan),
  /** the captured output of an audit plan that ran */
  'agent.output': request(z.object({ planId: PlanId }).strict(), AgentOutput),
} as const;
