// What the rest of the simulator (core, control API, CLI) may ask of the simulated cluster.
import type { HandlerRegistry, Principal } from '../http/types.js';
import type { HaRule } from './model.js';

export interface ClusterOptions {
  /** 1..32 */
  nodes: number;
  /** 0..10000 */
  guests: number;
  seed: number;
  /** PVE version string reported by /version and node status, e.g. "9.1" */
  version: string;
  /** how long a simulated task takes (ms); 0 = finishes on the next tick */
  taskDurationMs: number;
  /** injectable clock (ms since epoch) for deterministic tests */
  now?: () => number;
  /** odd-but-real answers (raw lxc lines, PBS backups, odd tasks, unreadable LRM ...): version/quirks.ts */
  quirks?: boolean;
}

export interface ClusterControl {
  setNodeOnline(node: string, online: boolean): void;
  /** change a guest's power state directly, as if done outside the app (another client) */
  setGuestStatus(vmid: number, status: 'running' | 'stopped'): void;
  /** set one config key directly (changes the digest), as another client would */
  setGuestConfig(vmid: number, key: string, value: string | number | undefined): void;
  /** the next task of this type (e.g. "vzdump", "qmstart") fails with this message */
  failNextTask(type: string, message: string): void;
  setTaskDurationMs(ms: number): void;
  /** how long a rebooting node stays offline */
  setRebootDurationMs(ms: number): void;
  /** add a PVE 9 HA rule directly, as another client would */
  addHaRule(rule: Omit<HaRule, 'order'>): void;
  /** a summary for the control API: node names, guest count, running tasks */
  summary(): { nodes: string[]; guests: number; runningTasks: number };
}

export interface Cluster {
  readonly name: string;
  registerHandlers(registry: HandlerRegistry): void;
  readonly control: ClusterControl;
  /** stop timers, metric ticks, tasks */
  stop(): Promise<void>;
  /** is this a cluster node (requests for other names fail like PVE's hostname lookup)? */
  hasNode(node: string): boolean;
  /** is this node reachable? false for offline and unknown nodes; requests proxied to it fail with 595 */
  nodeOnline(node: string): boolean;
  /** GET /pools?poolid= members as PVE lists them: guest stats entries, one entry per storage (local node), optional type filter */
  poolMembers(vmids: Iterable<number>, storages: Iterable<string>, type?: string): Record<string, unknown>[];
  /** read-only look-up for consoles: where a guest lives and its power state; undefined = no such guest */
  guestStatus?(
    vmid: number,
  ): { node: string; type: 'qemu' | 'lxc'; status: 'running' | 'stopped' } | undefined;
  /** a task run by another module (vncproxy, vncshell) so it shows in the task lists; finish('OK') or finish(error text) */
  startExternalTask?(t: { node: string; type: string; id: string; principal: Principal | undefined }): {
    upid: string;
    log(line: string): void;
    finish(exitstatus: string): void;
  };
}
