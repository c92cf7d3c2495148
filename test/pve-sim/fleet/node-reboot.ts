// Node power: POST /nodes/{node}/status command=reboot|shutdown. A reboot takes the node offline (its guests stop),
// and after the reboot time brings it back with a fresh uptime and its onboot guests started again.
import type { HandlerRegistry } from '../http/types.js';
import { powerOff, powerOn } from '../cluster/power.js';
import { fail, str, type SimCore } from '../handlers/common.js';

export interface RebootSettings {
  /** how long a rebooting node stays offline (ms) */
  durationMs: number;
}

const settings = new WeakMap<SimCore, RebootSettings>();

/** per-cluster reboot settings (the control API changes durationMs) */
export function rebootSettings(core: SimCore): RebootSettings {
  let s = settings.get(core);
  if (!s) {
    s = { durationMs: 1_500 };
    settings.set(core, s);
  }
  return s;
}

export function registerNodeReboot(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  reg.add('POST', '/nodes/{node}/status', (req) => {
    const n = state.node(str(req, 'node'));
    const command = str(req, 'command');
    if (command !== 'reboot' && command !== 'shutdown')
      throw fail(`command '${command}' is not allowed here`);
    // PVE answers first and then runs "shutdown -r now": the node disappears right after the reply
    setTimeout(() => {
      n.online = false;
      const stopped = [...state.guests.values()].filter((g) => g.node === n.name && g.power !== 'stopped');
      for (const g of stopped) powerOff(g, state.now());
      state.bump();
      if (command === 'shutdown') return;
      const back = setTimeout(() => {
        n.online = true;
        n.bootAt = state.now();
        for (const g of state.guests.values())
          if (g.node === n.name && Number(g.conf['onboot'] ?? 0) === 1) powerOn(g, state.now());
        state.bump();
      }, rebootSettings(core).durationMs);
      back.unref();
    }, 10).unref();
    return null;
  });
}
