// Entry point of the simulated cluster: builds the state, the task engine and registers the handlers.
import type { AccessControl } from '../rbac/types.js';
import { registerClusterHandlers } from '../handlers/cluster-handlers.js';
import type { SimCore } from '../handlers/common.js';
import { powerOff, powerOn } from './power.js';
import { ResourceCache, poolMemberEntries } from './resources.js';
import { ClusterState } from './state.js';
import { TaskEngine } from './tasks.js';
import { versionProfile } from '../version/profile.js';
import { applyQuirkAnswers, seedQuirks } from '../version/quirks.js';
import { applyVersionShapes } from '../version/shapes.js';
import { rebootSettings } from '../fleet/node-reboot.js';
import type { Cluster, ClusterControl, ClusterOptions } from './types.js';

export const CLUSTER_NAME = 'proxdeck-sim';

export function createCluster(opts: ClusterOptions, acl: AccessControl): Cluster {
  void acl;
  const now = opts.now ?? Date.now;
  const core = createClusterCore(opts);
  const { state, tasks } = core;
  const quirks = opts.quirks ? seedQuirks(core) : undefined;
  const control: ClusterControl = {
    setNodeOnline(node, online) {
      const n = state.nodes.get(node);
      if (!n) throw new Error(`no such node '${node}'`);
      n.online = online;
      state.bump();
    },
    setGuestStatus(vmid, status) {
      const g = state.guests.get(vmid);
      if (!g) throw new Error(`no such guest ${vmid}`);
      if (status === 'running') powerOn(g, now());
      else powerOff(g, now());
      state.bump();
    },
    setGuestConfig(vmid, key, value) {
      const g = state.guests.get(vmid);
      if (!g) throw new Error(`no such guest ${vmid}`);
      if (value === undefined) delete g.conf[key];
      else g.conf[key] = value;
      state.bump();
    },
    failNextTask: (type, message) => tasks.failNext(type, message),
    setTaskDurationMs(ms) {
      tasks.durationMs = ms;
    },
    setRebootDurationMs(ms) {
      rebootSettings(core).durationMs = ms;
    },
    addHaRule(rule) {
      state.haRules.set(rule.rule, { ...rule, order: state.haRules.size + 1 });
      state.bump();
    },
    summary: () => ({
      nodes: [...state.nodes.keys()],
      guests: state.guests.size,
      runningTasks: tasks.runningCount(),
    }),
  };
  return {
    name: CLUSTER_NAME,
    registerHandlers(reg) {
      registerClusterHandlers(reg, core, CLUSTER_NAME, opts.version);
      applyVersionShapes(reg, versionProfile(opts.version));
      if (quirks) applyQuirkAnswers(reg, quirks);
    },
    control,
    stop: () => tasks.stopAll(),
    hasNode: (node) => state.nodes.has(node),
    nodeOnline: (node) => state.nodes.get(node)?.online === true,
    poolMembers: (vmids, storages, type) => poolMemberEntries(core.resources, state, vmids, storages, type),
    guestStatus(vmid) {
      const g = state.guests.get(vmid);
      return g
        ? { node: g.node, type: g.type, status: g.power === 'stopped' ? 'stopped' : 'running' }
        : undefined;
    },
    startExternalTask(spec) {
      let finish: (exitstatus: string) => void = () => {};
      let log: (line: string) => void = () => {};
      const upid = tasks.start({
        ...spec,
        run: (t) => {
          log = t.log;
          return new Promise<void>((resolve, reject) => {
            finish = (exitstatus) => (exitstatus === 'OK' ? resolve() : reject(new Error(exitstatus)));
          });
        },
      });
      return { upid, log: (line) => log(line), finish: (exitstatus) => finish(exitstatus) };
    },
  };
}

/** For tests and benches that drive the model directly. */
export function createClusterCore(opts: ClusterOptions): SimCore {
  const now = opts.now ?? Date.now;
  const state = new ClusterState(opts, now);
  return {
    state,
    tasks: new TaskEngine(now, opts.taskDurationMs, () => state.bump()),
    resources: new ResourceCache(state),
  };
}
