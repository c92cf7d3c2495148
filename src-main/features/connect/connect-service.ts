// The connect service: probe a host's certificate, trust it (pin), test a profile, and keep one open
// client per profile for the rest of main (pollers, plans), with task tracking on top.
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type {
  CertificateInfo,
  ConnectionState,
  ConnectionSummary,
} from '../../../src-shared/model/cluster-summary.js';
import { splitHostPort, type ProfileView } from '../../../src-shared/model/profile.js';
import type { TaskOutcome, TaskProgress } from '../../../src-shared/model/task.js';
import { parseUpid } from '../../../src-shared/model/task.js';
import type { PveClient } from '../../pve/client.js';
import { probeCertificate } from '../../pve/tls-pin.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { trackTask } from '../../pollers/task-tracker.js';
import { diffFields, type RecordChange } from '../../plans/audit-changes.js';
import { createProbeRecord, hostKey, type ProbeRecord } from './probe-record.js';
import { buildClient, type ClientSettings } from './client-factory.js';
import { summarizeConnection } from './summarize.js';

export interface ConnectDeps extends ClientSettings {
  profiles: ProfileStore;
  /** what main saw on handshakes; pins come only from here */
  probes?: ProbeRecord;
  /** audit entries for pin changes */
  recordChange?: RecordChange;
  onConnectionsChanged?: (states: ConnectionState[]) => void;
  onTaskProgress?: (p: TaskProgress) => void;
  /** task status poll interval (1 s like the PVE GUI) */
  taskIntervalMs?: number;
}

export interface ConnectService {
  /** `userTyped`: the address comes from the connect form, not a saved profile */
  probe(host: string, port?: number, opts?: { userTyped?: boolean }): Promise<CertificateInfo>;
  /** pins a fingerprint main observed on this profile's host:port (a caller's fingerprint is only compared) */
  trust(profileId: string, fingerprint: string, via?: string): Promise<ProfileView>;
  /** one-off check with a temporary client */
  test(profileId: string, otp?: string): Promise<ConnectionSummary>;
  /** connect and keep the client for this profile */
  open(profileId: string, otp?: string): Promise<ConnectionSummary>;
  close(profileId: string): Promise<boolean>;
  /** the open client of a profile; not_found when it is not connected */
  client(profileId: string): PveClient;
  /** what the last open() of a connected profile found; undefined when it is not connected */
  summary(profileId: string): ConnectionSummary | undefined;
  trackTask(profileId: string, upid: string, signal?: AbortSignal): Promise<TaskOutcome>;
  states(): ConnectionState[];
  closeAll(): Promise<void>;
}

export function createConnectService(deps: ConnectDeps): ConnectService {
  const open = new Map<string, PveClient>();
  const summaries = new Map<string, ConnectionSummary>();
  const probes = deps.probes ?? createProbeRecord();
  const states = new Map<string, ConnectionState>();

  function setState(s: ConnectionState): void {
    if (s.state === 'disconnected') states.delete(s.profileId);
    else states.set(s.profileId, s);
    deps.onConnectionsChanged?.([...states.values()]);
  }

  async function connect(
    profileId: string,
    otp: string | undefined,
  ): Promise<{ client: PveClient; summary: ConnectionSummary }> {
    const profile = deps.profiles.get(profileId);
    const client = buildClient(profile, await deps.profiles.readSecret(profileId), otp, deps);
    try {
      return { client, summary: await summarizeConnection(client, profileId, profile.auth.kind) };
    } catch (err) {
      await client.close();
      // The handshake main itself made showed a new certificate: the user may re-trust exactly that one.
      const seen = err instanceof AppFailure ? err.details?.['fingerprint'] : undefined;
      if (typeof seen === 'string' && (err as AppFailure).code.startsWith('tls_'))
        probes.observe(profile.host, profile.port, seen);
      throw err;
    }
  }

  const service: ConnectService = {
    async probe(host, port, opts = {}) {
      const split = splitHostPort(host, port ?? 8006);
      const target = { host: split.host, port: port ?? split.port };
      const saved = (await deps.profiles.list()).some(
        (p) => hostKey(p.host, p.port) === hostKey(target.host, target.port),
      );
      probes.admitProbe(target.host, target.port, { saved, userTyped: opts.userTyped === true });
      const info = await probeCertificate(target.host, target.port, {
        ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      });
      probes.observe(target.host, target.port, info.fingerprint);
      return info;
    },
    async trust(profileId, fingerprint, via = 'electron') {
      const before = deps.profiles.get(profileId);
      if (before.pinnedFingerprint !== fingerprint && !probes.saw(before.host, before.port, fingerprint))
        throw new AppFailure(
          'tls_untrusted',
          `This fingerprint was not seen on ${before.host}:${before.port}: check the certificate again`,
        );
      const view = await deps.profiles.setPin(profileId, fingerprint);
      await deps.recordChange?.({
        kind: 'pin',
        via,
        profile: before,
        title: before.pinnedFingerprint ? 'Certificate re-trusted' : 'Certificate trusted',
        changes: diffFields(
          { pin: before.pinnedFingerprint ?? null },
          { pin: view.pinnedFingerprint ?? null },
        ),
      });
      // An open client was built with the old trust: drop it so the next open uses the new pin.
      await service.close(profileId);
      return view;
    },
    async test(profileId, otp) {
      const { client, summary } = await connect(profileId, otp);
      await client.close();
      return summary;
    },
    async open(profileId, otp) {
      // An unknown id is not_found before any state exists: nothing is created or broadcast for it.
      deps.profiles.get(profileId);
      await service.close(profileId);
      setState({ profileId, state: 'connecting' });
      try {
        const { client, summary } = await connect(profileId, otp);
        open.set(profileId, client);
        summaries.set(profileId, summary);
        setState({ profileId, state: 'connected' });
        return summary;
      } catch (err) {
        const error =
          err instanceof AppFailure
            ? { code: err.code, message: err.message }
            : { code: 'internal', message: 'Connection failed' };
        setState({ profileId, state: 'failed', error });
        throw err;
      }
    },
    async close(profileId) {
      const client = open.get(profileId);
      if (!client) return false;
      open.delete(profileId);
      summaries.delete(profileId);
      setState({ profileId, state: 'disconnected' });
      await client.close();
      return true;
    },
    client(profileId) {
      const client = open.get(profileId);
      if (!client) throw new AppFailure('not_found', 'This cluster is not connected');
      return client;
    },
    summary: (profileId) => summaries.get(profileId),
    trackTask(profileId, upid, signal) {
      const client = service.client(profileId);
      const meta = parseUpid(upid);
      return trackTask(client, upid, {
        ...(deps.taskIntervalMs !== undefined ? { intervalMs: deps.taskIntervalMs } : {}),
        ...(signal ? { signal } : {}),
        onProgress: (p) =>
          deps.onTaskProgress?.({ profileId, upid, node: meta?.node ?? '', type: meta?.type ?? '', ...p }),
      });
    },
    states: () => [...states.values()],
    async closeAll() {
      await Promise.all([...open.keys()].map((id) => service.close(id)));
    },
  };
  return service;
}
