// Guest power actions: start, stop, shutdown, reboot, reset, suspend, resume (qemu and lxc), HA-aware.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import type { Guest, GuestType } from '../cluster/model.js';
import { powerOff, powerOn } from '../cluster/power.js';
import { assertUnlocked, guestWord, isRunning, isTemplate, lockOf } from '../cluster/state.js';
import type { TaskCtx } from '../cluster/tasks.js';
import { KINDS, checkSkiplock, fail, flag, guestOf, type SimCore } from './common.js';

type Action = 'start' | 'stop' | 'shutdown' | 'reboot' | 'reset' | 'suspend' | 'resume';

function haManaged(core: SimCore, g: Guest): boolean {
  const ha = core.state.ha.get(core.state.haSid(g));
  return ha !== undefined && ha.state !== 'ignored';
}

/** HA-managed guests: the task only hands the request to the HA manager, which then acts. */
function haRequest(core: SimCore, req: SimRequest, g: Guest, want: 'started' | 'stopped'): string {
  const sid = core.state.haSid(g);
  return core.tasks.start({
    node: g.node,
    type: want === 'started' ? 'hastart' : 'hastop',
    id: String(g.vmid),
    principal: req.principal,
    run: async (t) => {
      const ha = core.state.ha.get(sid);
      if (ha) ha.state = want;
      t.log(
        `Requesting HA ${want === 'started' ? 'start' : 'stop'} for ${guestWord(g) === 'VM' ? 'VM' : 'CT'} ${g.vmid}`,
      );
      await t.wait();
      if (want === 'started') powerOn(g, core.state.now());
      else powerOff(g, core.state.now());
    },
  });
}

/** Sync refusals raised before the worker forks (HTTP 500). */
function syncChecks(g: Guest, action: Action, req: SimRequest): void {
  const running = isRunning(g);
  if (g.type === 'lxc') {
    if (action === 'start' && running) throw fail(`CT ${g.vmid} already running`);
    if (['stop', 'shutdown', 'suspend'].includes(action) && !running) throw fail(`CT ${g.vmid} not running`);
    if (action === 'reboot' && !running) throw fail(`VM ${g.vmid} not running`);
    if (action === 'start' && !flag(req, 'skiplock')) assertUnlocked(g);
    return;
  }
  if (action === 'shutdown' && g.power === 'paused' && !flag(req, 'forceStop'))
    throw fail('VM is paused - cannot shutdown');
  if (['reboot', 'reset', 'suspend'].includes(action) && !running) throw fail(`VM ${g.vmid} not running`);
  if (action === 'resume' && !running && lockOf(g) !== 'suspended') throw fail(`VM ${g.vmid} not running`);
}

function taskName(type: GuestType, action: Action, req: SimRequest): string {
  if (type === 'qemu' && action === 'suspend') return flag(req, 'todisk') ? 'qmsuspend' : 'qmpause';
  return (type === 'qemu' ? 'qm' : 'vz') + action;
}

async function work(
  core: SimCore,
  g: Guest,
  action: Action,
  req: SimRequest,
  t: TaskCtx,
  skiplock: boolean,
): Promise<void> {
  const now = (): number => core.state.now();
  const lockCheck = (): void => {
    if (!skiplock) assertUnlocked(g);
  };
  switch (action) {
    case 'start':
      if (g.type === 'qemu' && isRunning(g) && lockOf(g) === 'backup') return void (g.power = 'running');
      lockCheck();
      if (isTemplate(g)) throw new Error(`you can't start a vm if it's a template`);
      if (isRunning(g)) throw new Error(`VM ${g.vmid} already running`);
      await t.wait();
      return powerOn(g, now());
    case 'stop':
    case 'shutdown':
      if (!isRunning(g)) return;
      lockCheck();
      if (action === 'shutdown' && g.power === 'paused') t.warn('VM is paused - stop instead of shutdown');
      await t.wait();
      return powerOff(g, now());
    case 'reboot':
    case 'reset':
      lockCheck();
      await t.wait();
      powerOff(g, now());
      return powerOn(g, now());
    case 'suspend':
      lockCheck();
      if (flag(req, 'todisk')) {
        await t.withLock(g, 'suspending', () => t.wait());
        powerOff(g, now());
        g.conf['lock'] = 'suspended';
        return;
      }
      await t.wait();
      g.power = 'paused';
      return;
    case 'resume':
      await t.wait();
      if (lockOf(g) === 'suspended') {
        delete g.conf['lock'];
        return powerOn(g, now());
      }
      g.power = 'running';
      return;
  }
}

export function registerGuestStatus(reg: HandlerRegistry, core: SimCore): void {
  for (const type of KINDS) {
    const actions: Action[] = [
      'start',
      'stop',
      'shutdown',
      'reboot',
      'suspend',
      'resume',
      ...(type === 'qemu' ? (['reset'] as const) : []),
    ];
    for (const action of actions) {
      reg.add('POST', `/nodes/{node}/${type}/{vmid}/status/${action}`, (req) => {
        const g = guestOf(core, req, type);
        const skiplock = checkSkiplock(req);
        syncChecks(g, action, req);
        if (
          (action === 'start' || action === 'stop' || action === 'shutdown') &&
          haManaged(core, g) &&
          !flag(req, 'skiplock')
        ) {
          return haRequest(core, req, g, action === 'start' ? 'started' : 'stopped');
        }
        return core.tasks.start({
          node: g.node,
          type: taskName(type, action, req),
          id: String(g.vmid),
          principal: req.principal,
          run: (t) => work(core, g, action, req, t, skiplock),
        });
      });
    }
  }
}
