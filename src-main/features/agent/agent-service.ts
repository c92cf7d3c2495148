// Guest agent: the panel's facts (with a clear state when there is no agent, the VM is stopped or the agent is silent)
// and audit runs as plans whose steps run each command via exec + exec-status (or file-read) and capture the output.
import { setTimeout as delay } from 'node:timers/promises';
import {
  AGENT_PRESETS,
  type AgentInfo,
  type AgentOutput,
  type AgentOutputEntry,
  type AgentRun,
} from '../../../src-shared/ipc/channels/agent.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, confirmWordFor, type CallInput } from '../../../src-shared/plans/plan.js';
import {
  agentExec,
  agentExecStatus,
  agentFileRead,
  getAgentFsInfo,
  getAgentHostName,
  getAgentInterfaces,
  getAgentOsInfo,
} from '../../pve/api/agent.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getGuestConfig, getGuestStatus } from '../../pve/api/guests.js';
import { guestLabel, type BuiltAction, type PlanStep } from '../../plans/plan-types.js';
import { added, guestTarget } from '../../plans/op-calls.js';

/** An agent that does not answer within this is reported as not responding (PVE itself waits up to 10 s). */
export const AGENT_PROBE_MS = 8_000;
/** How long an audit command may run before its output is taken as it is. */
export const EXEC_DEADLINE_MS = 30_000;

export const agentEnabled = (value: string | undefined): boolean =>
  /^(1|enabled=1)(,|$)/.test(value ?? '') || /(^|,)enabled=1(,|$)/.test(value ?? '');

const noFacts = { interfaces: [], filesystems: [] };

/** Why the agent cannot be asked, or undefined when it can (the VM runs with agent enabled). */
async function agentBlocker(
  c: PveCaller,
  g: GuestRef,
): Promise<{ state: AgentInfo['state']; message: string; name?: string } | undefined> {
  if (g.type !== 'qemu') return { state: 'no-agent', message: 'Containers have no QEMU guest agent' };
  const [status, cfg] = await Promise.all([getGuestStatus(c, g), getGuestConfig(c, g)]);
  const label = guestLabel(g, status.name);
  if (!agentEnabled(cfg.config.agent))
    return {
      state: 'no-agent',
      message: `${label} has no QEMU guest agent configured (agent: 1 is not set)`,
      ...(status.name ? { name: status.name } : {}),
    };
  if (status.status !== 'running')
    return {
      state: 'not-running',
      message: `${label} is ${status.status}: the guest agent answers only while the VM runs`,
    };
  return undefined;
}

export async function agentInfo(c: PveCaller, g: GuestRef): Promise<AgentInfo> {
  const blocked = await agentBlocker(c, g);
  if (blocked) return { state: blocked.state, message: blocked.message, ...noFacts };
  const signal = AbortSignal.timeout(AGENT_PROBE_MS);
  let os: Awaited<ReturnType<typeof getAgentOsInfo>>;
  try {
    os = await getAgentOsInfo(c, g, signal);
  } catch (err) {
    if (err instanceof AppFailure && err.code === 'permission_denied')
      return { state: 'denied', message: err.message, ...noFacts };
    const text = signal.aborted
      ? `no answer within ${AGENT_PROBE_MS / 1000} s`
      : err instanceof Error
        ? err.message.trim()
        : 'no answer';
    return { state: 'not-responding', message: `The guest agent does not respond: ${text}`, ...noFacts };
  }
  const [hostname, interfaces, filesystems] = await Promise.allSettled([
    getAgentHostName(c, g, signal),
    getAgentInterfaces(c, g, signal),
    getAgentFsInfo(c, g, signal),
  ]);
  return {
    state: 'ok',
    os,
    ...(hostname.status === 'fulfilled' ? { hostname: hostname.value } : {}),
    interfaces: interfaces.status === 'fulfilled' ? interfaces.value : [],
    filesystems: filesystems.status === 'fulfilled' ? filesystems.value : [],
  };
}

interface Command {
  label: string;
  shown: string;
  how: 'exec' | 'file';
  argv?: readonly string[];
  file?: string;
}

function commandsOf(run: AgentRun): Command[] {
  if (run.kind === 'command')
    return [{ label: 'Command', shown: run.argv.join(' '), how: 'exec', argv: run.argv }];
  return run.presets
    .map((id) => AGENT_PRESETS.find((p) => p.id === id)!)
    .map((p) =>
      p.how === 'file'
        ? { label: p.label, shown: p.shown, how: 'file', file: p.file }
        : { label: p.label, shown: p.shown, how: 'exec', argv: p.argv },
    );
}

async function runExec(
  c: PveCaller,
  g: GuestRef,
  argv: readonly string[],
): Promise<Omit<AgentOutputEntry, 'label' | 'command'>> {
  const pid = await agentExec(c, g, argv);
  const deadline = Date.now() + EXEC_DEADLINE_MS;
  // exec-status is polled, as the PVE GUI does; short at first since audit commands finish fast
  for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
    const s = await agentExecStatus(c, g, pid);
    if (s.exited)
      return {
        state: s.exitcode === 0 ? 'done' : 'failed',
        ...(s.exitcode !== undefined ? { exitcode: s.exitcode } : {}),
        stdout: s.stdout,
        stderr: s.stderr,
        truncated: s.truncated,
      };
    if (Date.now() > deadline)
      return { state: 'timeout', stdout: s.stdout, stderr: s.stderr, truncated: s.truncated };
    await delay(wait);
  }
}

async function runOne(c: PveCaller, g: GuestRef, cmd: Command): Promise<AgentOutputEntry> {
  const head = { label: cmd.label, command: cmd.shown };
  try {
    if (cmd.how === 'file') {
      const r = await agentFileRead(c, g, cmd.file!);
      return { ...head, state: 'done', stdout: r.content, stderr: '', truncated: r.truncated };
    }
    return { ...head, ...(await runExec(c, g, cmd.argv!)) };
  } catch (err) {
    return {
      ...head,
      state: 'failed',
      stdout: '',
      stderr: err instanceof Error ? err.message.trim() : 'failed',
      truncated: false,
    };
  }
}

export type OutputStore = Map<string, AgentOutput>;

export async function buildAgentPlan(
  c: PveCaller,
  g: GuestRef,
  run: AgentRun,
  planId: string,
  outputs: OutputStore,
): Promise<BuiltAction> {
  const blocked = await agentBlocker(c, g);
  if (blocked) throw new AppFailure('conflict', blocked.message);
  const status = await getGuestStatus(c, g);
  const label = guestLabel(g, status.name);
  const commands = commandsOf(run);
  const output: AgentOutput = { planId, guest: g, entries: [] };
  outputs.set(planId, output);
  const vars = { node: g.node, vmid: g.vmid };
  const steps: PlanStep[] = commands.map((cmd) => {
    const call: CallInput =
      cmd.how === 'file'
        ? actionCall('guest.agent.file', 'GET', '/nodes/{node}/qemu/{vmid}/agent/file-read', vars, {
            file: cmd.file!,
          })
        : actionCall('guest.agent.exec', 'POST', '/nodes/{node}/qemu/{vmid}/agent/exec', vars, {
            command: [...cmd.argv!],
          });
    return {
      call,
      run: async (caller) => {
        const entry = await runOne(caller, g, cmd);
        output.entries.push(entry);
        if (output.entries.length === commands.length) output.finishedAt = Date.now();
        return undefined;
      },
    };
  });
  const arbitrary = run.kind === 'command';
  return {
    input: {
      title: arbitrary
        ? `Run "${commands[0]!.shown}" in ${label}`
        : `Audit ${label}: ${commands.map((x) => x.shown).join(', ')}`,
      targets: [guestTarget(g, status.name)],
      diff: commands.map((x) => added(`output: ${x.label}`, `captured from ${x.shown} (read-only)`)),
      warnings: arbitrary
        ? [
            {
              code: 'data-loss',
              message: `the command runs as root inside ${label} and can change anything there`,
            },
          ]
        : [],
      destructive: arbitrary,
      ...(arbitrary
        ? { confirmWord: confirmWordFor({ vmid: g.vmid, ...(status.name ? { name: status.name } : {}) }) }
        : {}),
    },
    steps,
    preconditions: [{ guest: g, label, status: 'running' }],
    targets: [],
  };
}
