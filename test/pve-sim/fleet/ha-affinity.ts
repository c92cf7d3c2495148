// PVE 9 HA affinity rules as the HA manager applies them to a move: a strict node-affinity rule limits the nodes a
// resource may run on; a negative resource-affinity rule keeps its resources apart (never on one node).
import type { SimCore } from '../handlers/common.js';
import type { Guest } from '../cluster/model.js';

/** why the HA manager refuses to move this guest to `target`, or undefined when the rules allow it */
export function affinityRefusal(core: SimCore, g: Guest, target: string): string | undefined {
  const sid = core.state.haSid(g);
  for (const r of core.state.haRules.values()) {
    if (r.disable === 1) continue;
    const members = r.resources.split(',');
    if (!members.includes(sid)) continue;
    if (r.type === 'node-affinity' && r.strict === 1) {
      const allowed = (r.nodes ?? '').split(',').map((n) => n.split(':')[0]);
      if (!allowed.includes(target))
        return `cannot migrate resource '${sid}' to node '${target}': node affinity rule '${r.rule}' does not allow it`;
    }
    if (r.type === 'resource-affinity' && r.affinity === 'negative') {
      const clash = members.find((m) => {
        if (m === sid) return false;
        const other = core.state.guests.get(Number(m.slice(3)));
        return other?.node === target;
      });
      if (clash)
        return `cannot migrate resource '${sid}' to node '${target}': negative resource affinity with '${clash}' (rule '${r.rule}')`;
    }
  }
  return undefined;
}
