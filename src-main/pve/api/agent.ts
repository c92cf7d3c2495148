// QEMU guest agent reads and commands: OS info, host name, interfaces, file systems, exec + exec-status, file-read.
import { z } from 'zod';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pveBool, pveGet, pveInt, pveNum, pveSend, type PveCaller } from './caller.js';
import { guestPath } from './guests.js';

/** Every agent GET answers {result: ...}. */
const wrapped = <S extends z.ZodType>(s: S) =>
  z
    .object({ result: z.unknown() })
    .transform((r) => r.result)
    .pipe(s);

const OsInfo = z
  .looseObject({
    'pretty-name': z.string().optional(),
    name: z.string().optional(),
    id: z.string().optional(),
    'version-id': z.string().optional(),
    'kernel-release': z.string().optional(),
    machine: z.string().optional(),
  })
  .transform((o) => ({
    prettyName: o['pretty-name'] ?? o.name ?? '',
    id: o.id ?? '',
    versionId: o['version-id'] ?? '',
    kernel: o['kernel-release'] ?? '',
    machine: o.machine ?? '',
  }));
export type AgentOsInfo = z.output<typeof OsInfo>;

const Iface = z
  .looseObject({
    name: z.string(),
    'hardware-address': z.string().optional(),
    'ip-addresses': z
      .array(
        z.looseObject({ 'ip-address-type': z.string(), 'ip-address': z.string(), prefix: pveInt.optional() }),
      )
      .optional(),
  })
  .transform((i) => ({
    name: i.name,
    mac: i['hardware-address'] ?? '',
    addresses: (i['ip-addresses'] ?? []).map(
      (a) => `${a['ip-address']}${a.prefix !== undefined ? `/${a.prefix}` : ''}`,
    ),
  }));
export type AgentInterface = z.output<typeof Iface>;

const FsInfo = z
  .looseObject({
    name: z.string(),
    mountpoint: z.string(),
    type: z.string(),
    'total-bytes': pveNum.optional(),
    'used-bytes': pveNum.optional(),
  })
  .transform((f) => ({
    name: f.name,
    mountpoint: f.mountpoint,
    type: f.type,
    ...(f['total-bytes'] !== undefined ? { total: f['total-bytes'] } : {}),
    ...(f['used-bytes'] !== undefined ? { used: f['used-bytes'] } : {}),
  }));
export type AgentFs = z.output<typeof FsInfo>;

const agentPath = (g: GuestRef, cmd: string): string => guestPath(g, `/agent/${cmd}`);

export function getAgentOsInfo(c: PveCaller, g: GuestRef, signal?: AbortSignal): Promise<AgentOsInfo> {
  return pveGet(c, agentPath(g, 'get-osinfo'), wrapped(OsInfo), undefined, signal);
}

export function getAgentHostName(c: PveCaller, g: GuestRef, signal?: AbortSignal): Promise<string> {
  return pveGet(
    c,
    agentPath(g, 'get-host-name'),
    wrapped(z.object({ 'host-name': z.string() }).transform((h) => h['host-name'])),
    undefined,
    signal,
  );
}

export function getAgentInterfaces(
  c: PveCaller,
  g: GuestRef,
  signal?: AbortSignal,
): Promise<AgentInterface[]> {
  return pveGet(c, agentPath(g, 'network-get-interfaces'), wrapped(z.array(Iface)), undefined, signal);
}

export function getAgentFsInfo(c: PveCaller, g: GuestRef, signal?: AbortSignal): Promise<AgentFs[]> {
  return pveGet(c, agentPath(g, 'get-fsinfo'), wrapped(z.array(FsInfo)), undefined, signal);
}

/** POST agent/exec: `command` is an array parameter, which PVE takes as a repeated form key (one per argument). */
export function agentExec(c: PveCaller, g: GuestRef, argv: readonly string[]): Promise<number> {
  return pveSend(
    c,
    'POST',
    agentPath(g, 'exec'),
    z.object({ pid: pveInt }).transform((r) => r.pid),
    { command: argv },
  );
}

const ExecStatus = z
  .object({
    exited: pveBool,
    exitcode: pveInt.optional(),
    signal: pveInt.optional(),
    'out-data': z.string().optional(),
    'err-data': z.string().optional(),
    'out-truncated': pveBool.optional(),
    'err-truncated': pveBool.optional(),
  })
  .transform((s) => ({
    exited: s.exited,
    ...(s.exitcode !== undefined ? { exitcode: s.exitcode } : {}),
    ...(s.signal !== undefined ? { signal: s.signal } : {}),
    stdout: s['out-data'] ?? '',
    stderr: s['err-data'] ?? '',
    truncated: Boolean(s['out-truncated'] || s['err-truncated']),
  }));
export type AgentExecStatus = z.output<typeof ExecStatus>;

export function agentExecStatus(
  c: PveCaller,
  g: GuestRef,
  pid: number,
  signal?: AbortSignal,
): Promise<AgentExecStatus> {
  return pveGet(c, agentPath(g, 'exec-status'), ExecStatus, { pid }, signal);
}

export function agentFileRead(
  c: PveCaller,
  g: GuestRef,
  file: string,
  signal?: AbortSignal,
): Promise<{ content: string; truncated: boolean }> {
  const Reply = z
    .object({ content: z.string(), truncated: pveBool.optional() })
    .transform((r) => ({ content: r.content, truncated: r.truncated ?? false }));
  return pveGet(c, agentPath(g, 'file-read'), Reply, { file }, signal);
}
