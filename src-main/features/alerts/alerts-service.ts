// Derives problems and alerts from what main already sees: inventory deltas and staleness on the event bus, and, while
// notifications are on, an inventory subscription and a /cluster/tasks watch per connected cluster. Emits
// alerts.changed when the problem list changes and alerts.raised (rate-limited, grouped) while notifications are on.
import { ConnectionState } from '../../../src-shared/model/cluster-summary.js';
import { InventoryDelta, StaleInfo, type InventorySnapshot } from '../../../src-shared/model/inventory.js';
import type { Alert, AlertsSettings, Problem } from '../../../src-shared/ipc/channels/alerts.js';
import type { EventBus } from '../../ipc/event-bus.js';
import type { TaskEntry } from '../../pve/api/task-lists.js';
import type { AlertsSettingsStore } from './alerts-settings.js';
import { healthOf } from './health.js';
import { createNoticeBatcher, type BatcherConfig } from './notice-batcher.js';
import { certificateProblem, problemsFromRecords } from './problem-rules.js';
import { createRecordMirror, type RecordMirror } from './record-mirror.js';
import { newFailures, pruneTaskProblems, taskProblem } from './task-failures.js';
import { startTaskWatch } from './task-watch.js';
import { transition } from './transitions.js';

export interface AlertsServiceDeps {
  events: EventBus;
  settings: AlertsSettingsStore;
  /** keeps the cluster's inventory poller running; answers its snapshot */
  watchInventory(clusterId: string): Promise<InventorySnapshot>;
  unwatchInventory(clusterId: string): Promise<void>;
  listTasks(clusterId: string, signal: AbortSignal): Promise<TaskEntry[]>;
  clusterName(clusterId: string): string;
  /** default 10 s */
  taskPollMs?: number;
  batcher?: BatcherConfig;
  now?: () => number;
}

export interface AlertsService {
  problems(): Problem[];
  setSettings(next: AlertsSettings): Promise<AlertsSettings>;
  dispose(): Promise<void>;
}

interface ClusterState {
  mirror: RecordMirror;
  seenDelta: boolean;
  recordProblems: Map<string, Problem>;
  certificate: Map<string, Problem>;
  tasks: Map<string, Problem>;
  seenTasks: Set<string>;
  tasksBaseline: boolean;
  watch?: { stop(): void; unwatch: () => Promise<void> };
}

const CERT_CODE = 'tls_pin_mismatch';
const ConnectionsChanged = ConnectionState.array();

export function createAlertsService(deps: AlertsServiceDeps): AlertsService {
  const now = deps.now ?? Date.now;
  const clusters = new Map<string, ClusterState>();
  const batcher = createNoticeBatcher(deps.batcher);
  let connected = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let lastHealth = '';

  const stateOf = (id: string): ClusterState => {
    let s = clusters.get(id);
    if (!s) {
      s = {
        mirror: createRecordMirror(),
        seenDelta: false,
        recordProblems: new Map(),
        certificate: new Map(),
        tasks: new Map(),
        seenTasks: new Set(),
        tasksBaseline: true,
      };
      clusters.set(id, s);
    }
    return s;
  };

  function problems(): Problem[] {
    const all: Problem[] = [];
    for (const s of clusters.values()) {
      pruneTaskProblems(s.tasks, now());
      all.push(...s.recordProblems.values(), ...s.certificate.values(), ...s.tasks.values());
    }
    const rank = (p: Problem): number => (p.severity === 'red' ? 0 : 1);
    return all.sort((a, b) => rank(a) - rank(b) || b.since - a.since);
  }

  function scheduleFlush(): void {
    clearTimeout(flushTimer);
    const due = batcher.dueAt();
    if (due === undefined) return;
    flushTimer = setTimeout(
      () => {
        flushTimer = undefined;
        const out = batcher.flush(now());
        if (out && deps.settings.get().enabled)
          deps.events.emit('alerts.raised', { ...out, health: healthOf(problems()) });
        scheduleFlush();
      },
      Math.max(0, due - now()),
    );
  }

  /** after any change of problems: tell the header/tray, queue the transitions for a notice */
  function changed(alerts: readonly Alert[]): void {
    const health = healthOf(problems());
    const key = JSON.stringify(health);
    if (key !== lastHealth || alerts.length > 0) {
      lastHealth = key;
      deps.events.emit('alerts.changed', { health });
    }
    if (alerts.length === 0 || !deps.settings.get().enabled) return;
    batcher.push(alerts, now());
    scheduleFlush();
  }

  function rederive(id: string, s: ClusterState, baseline: boolean): void {
    const drafts = problemsFromRecords(id, deps.clusterName(id), s.mirror.records());
    const t = transition(s.recordProblems, drafts, now(), baseline);
    s.recordProblems = t.current;
    // inventory data arrived: the certificate was accepted again
    const cert = transition(s.certificate, [], now());
    s.certificate = cert.current;
    changed([...t.alerts, ...cert.alerts]);
  }

  function onDelta(d: InventoryDelta): void {
    if (!connected.has(d.clusterId)) return;
    const s = stateOf(d.clusterId);
    const baseline = !s.seenDelta;
    s.seenDelta = true;
    if (!s.mirror.apply(d) && s.watch) void resync(d.clusterId);
    rederive(d.clusterId, s, baseline);
  }

  async function resync(id: string): Promise<void> {
    const snapshot = await deps.watchInventory(id).catch(() => undefined);
    await deps.unwatchInventory(id).catch(() => undefined);
    const s = clusters.get(id);
    if (!snapshot || !s) return;
    s.mirror.load(snapshot);
    rederive(id, s, false);
  }

  function certificateRefused(id: string): void {
    const s = stateOf(id);
    const t = transition(s.certificate, [certificateProblem(id, deps.clusterName(id))], now());
    s.certificate = t.current;
    changed(t.alerts);
  }

  function onTasks(id: string, tasks: TaskEntry[]): void {
    const s = clusters.get(id);
    if (!s?.watch) return;
    const fresh = newFailures(tasks, s.seenTasks, s.tasksBaseline);
    s.tasksBaseline = false;
    const alerts: Alert[] = [];
    for (const t of fresh) {
      const p = taskProblem(id, deps.clusterName(id), t, now());
      s.tasks.set(p.key, p);
      const { since: _since, ...rest } = p;
      void _since;
      alerts.push({ ...rest, state: 'raised', at: now() });
    }
    if (alerts.length > 0) changed(alerts);
  }

  /** resolves once the first inventory answer (the baseline) is in */
  function startWatch(id: string): Promise<void> {
    const s = stateOf(id);
    if (s.watch) return Promise.resolve();
    const tasks = startTaskWatch({
      list: (signal) => deps.listTasks(id, signal),
      onTasks: (t) => onTasks(id, t),
      intervalMs: deps.taskPollMs ?? 10_000,
    });
    let subscribed = false;
    s.tasksBaseline = true;
    s.watch = {
      stop: () => tasks.stop(),
      unwatch: () => (subscribed ? deps.unwatchInventory(id) : Promise.resolve()),
    };
    const watch = s.watch;
    return deps
      .watchInventory(id)
      .then((snapshot) => {
        if (s.watch !== watch) return void deps.unwatchInventory(id).catch(() => undefined);
        subscribed = true;
        if (snapshot.version > s.mirror.version) {
          const baseline = !s.seenDelta;
          s.seenDelta = true;
          s.mirror.load(snapshot);
          rederive(id, s, baseline);
        }
      })
      .catch(() => undefined);
  }

  async function stopWatch(s: ClusterState): Promise<void> {
    const w = s.watch;
    if (!w) return;
    s.watch = undefined;
    w.stop();
    s.tasks.clear();
    await w.unwatch().catch(() => undefined);
  }

  async function follow(): Promise<void> {
    const enabled = deps.settings.get().enabled;
    for (const [id, s] of clusters) if (!connected.has(id) || !enabled) await stopWatch(s);
    if (enabled) await Promise.all([...connected].map(startWatch));
  }

  function onConnections(states: ConnectionState[]): void {
    connected = new Set(states.filter((c) => c.state === 'connected').map((c) => c.profileId));
    for (const c of states)
      if (c.state === 'failed' && c.error?.code === CERT_CODE) certificateRefused(c.profileId);
    let dropped = false;
    for (const [id, s] of clusters) {
      if (connected.has(id) || s.certificate.size > 0) continue;
      // a cluster the user disconnected: its problems leave the list without a "recovered" notice
      void stopWatch(s);
      clusters.delete(id);
      dropped = true;
    }
    if (dropped) changed([]);
    void follow();
  }

  const unsubscribe = deps.events.subscribe((m) => {
    if (m.event === 'inventory.changed') {
      const d = InventoryDelta.safeParse(m.payload);
      if (d.success) onDelta(d.data);
    } else if (m.event === 'inventory.stale') {
      const s = StaleInfo.safeParse(m.payload);
      if (s.success && s.data.error.code === CERT_CODE) certificateRefused(s.data.clusterId);
    } else if (m.event === 'connections.changed') {
      const c = ConnectionsChanged.safeParse((m.payload as { connections?: unknown }).connections);
      if (c.success) onConnections(c.data);
    }
  });

  return {
    problems,
    async setSettings(next) {
      const saved = await deps.settings.set(next);
      await follow();
      return saved;
    },
    async dispose() {
      unsubscribe();
      clearTimeout(flushTimer);
      await Promise.all([...clusters.values()].map(stopWatch));
    },
  };
}
