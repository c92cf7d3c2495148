// GET /nodes/{node}/network: every node has the bridges vmbr0 (management) and vmbr1 (guests), and its uplink.
import type { HandlerRegistry } from '../http/types.js';
import { optStr, str, type SimCore } from '../handlers/common.js';

export function registerNetwork(reg: HandlerRegistry, core: SimCore): void {
  reg.add('GET', '/nodes/{node}/network', (req) => {
    core.state.node(str(req, 'node'));
    const type = optStr(req, 'type');
    const all = [
      { iface: 'eno1', type: 'eth', active: 1, autostart: 1, priority: 1 },
      { iface: 'vmbr0', type: 'bridge', active: 1, autostart: 1, bridge_ports: 'eno1', priority: 2 },
      { iface: 'vmbr1', type: 'bridge', active: 1, autostart: 1, bridge_ports: 'none', priority: 3 },
    ];
    const bridges = type === 'bridge' || type === 'any_bridge' || type === 'any_local_bridge';
    return type === undefined ? all : all.filter((i) => (bridges ? i.type === 'bridge' : i.type === type));
  });
}
